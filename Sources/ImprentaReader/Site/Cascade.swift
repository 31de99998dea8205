import ImprentaFiles
import ImprentaModel

/// One `cascade` entry of a section (or of the configuration): front-matter values passed down to
/// the pages below it (and the section itself) that do not set them, optionally only to those a
/// `_target` (or `target`) matches: a `path` glob on the page's content path (`/blog/**`), a
/// `kind` (`page`, `section`, `home`), a `lang`, an `environment`.
public struct CascadeEntry: Sendable, Hashable {
  /// The values passed down.
  public var values: [KeyValue<MetaValue>]
  /// A glob on the page's logical path (`/docs/**`), or empty for every page.
  public var path: String
  /// `page`, `section`, `home`, or empty.
  public var kind: String
  /// A language key, or empty.
  public var language: String
  /// An environment, or empty.
  public var environment: String

  /// The entries of a `cascade` value: a table, or a list of tables.
  public static func entries(_ value: MetaValue?) -> [CascadeEntry] {
    switch value {
    case .table(let t)?: return [entry(t)]
    case .list(let items)?: return items.compactMap { if case .table(let t) = $0 { return entry(t) } else { return nil } }
    default: return []
    }
  }

  static func entry(_ t: [KeyValue<MetaValue>]) -> CascadeEntry {
    var e = CascadeEntry(values: [], path: "", kind: "", language: "", environment: "")
    for pair in t {
      let key = pair.key.lowercased()
      if key == "_target" || key == "target", case .table(let target) = pair.value {
        for p in target {
          switch p.key.lowercased() {
          case "path": e.path = p.value.description
          case "kind": e.kind = p.value.description.lowercased()
          case "lang": e.language = p.value.description.lowercased()
          case "environment": e.environment = p.value.description
          default: break
          }
        }
      } else {
        e.values.append(pair)
      }
    }
    return e
  }

  /// Whether the entry applies to a page at content path `path` (`/blog/post`), of `kind`, in `language`.
  public func applies(path pagePath: String, kind pageKind: String, language pageLanguage: String, environment env: String) -> Bool {
    func matches(_ pattern: String, _ value: String) -> Bool {
      CascadeEntry.alternatives(pattern).contains { GlobPattern.matchesWhole($0, value) }
    }
    if !kind.isEmpty && !matches(kind, pageKind) { return false }
    if !language.isEmpty && !matches(language, pageLanguage) { return false }
    if !environment.isEmpty && !matches(environment, env) { return false }
    return path.isEmpty || matches(path, pagePath)
  }

  /// A glob's brace alternatives, expanded (`{/news/**,/blog/**}` → two globs), at most 64.
  static func alternatives(_ pattern: String) -> [String] {
    guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else { return [pattern] }
    let head = pattern[..<open], tail = String(pattern[pattern.index(after: close)...])
    var out: [String] = []
    for choice in pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false) {
      for rest in alternatives(tail) where out.count < 64 { out.append(head + choice + rest) }
    }
    return out
  }

  /// `values` filled in with what `cascade` passes down: keys the page does not set, tables merged
  /// key by key (a cascaded `build` table fills in the keys a page's own `build` leaves out).
  public static func apply(_ cascade: [KeyValue<MetaValue>], to values: [KeyValue<MetaValue>]) -> [KeyValue<MetaValue>] {
    var out = values
    for pair in cascade {
      if let i = out.firstIndex(where: { $0.key.lowercased() == pair.key.lowercased() }) {
        if case .table(let mine) = out[i].value, case .table(let theirs) = pair.value {
          out[i].value = .table(apply(theirs, to: mine))
        }
      } else {
        out.append(pair)
      }
    }
    return out
  }
}
