import Foundation
import ImprentaFiles
import ImprentaModel
import Yams

extension ShortcodeMapping {
  /// Largest `shortcodes:` section read (the rest of the project file belongs to the project loader).
  static let maximumSectionBytes = 256 << 10

  /// Reads the `shortcodes:` key of the project file at `path`; a missing file or key is an empty
  /// mapping. Bad entries are warnings at `file:line:col` and are skipped.
  public static func load(projectFile path: String, diagnostics: inout Diagnostics) -> ShortcodeMapping {
    let folder = (path as NSString).deletingLastPathComponent
    let data: [UInt8]
    do {
      data = try ReadPolicy(roots: [folder.isEmpty ? "." : folder]).read(path, budget: .configBytes)
    } catch {
      if error.reason != .missing { diagnostics.report(error.error().diagnostic) }
      return ShortcodeMapping()
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      diagnostics.report(.invalidProjectFile, "the project file is not valid UTF-8; its shortcode mapping is ignored", file: path)
      return ShortcodeMapping()
    }
    return load(yaml: text, file: path, diagnostics: &diagnostics)
  }

  /// Reads the `shortcodes:` key of a project file's text.
  public static func load(yaml text: String, file: String, diagnostics: inout Diagnostics) -> ShortcodeMapping {
    // Only the top-level `shortcodes:` section is composed: the rest of the file is not ours, and
    // a small section bounds what YAML aliases could expand to.
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("shortcodes:") }) else { return ShortcodeMapping() }
    var end = start + 1
    while end < lines.count {
      let l = lines[end]
      if let first = l.first, first != " ", first != "\t", first != "#" { break }
      end += 1
    }
    let section = lines[start..<end].joined(separator: "\n")
    guard section.utf8.count <= maximumSectionBytes else {
      diagnostics.report(.invalidShortcodeMapping, "the 'shortcodes:' section is larger than \(maximumSectionBytes >> 10) KB; ignored", file: file, at: SourceRange(start + 1, 1, start + 1, 1))
      return ShortcodeMapping()
    }
    let offset = start
    func at(_ node: Node) -> SourceRange {
      let line = (node.mark?.line ?? 1) + offset, column = node.mark?.column ?? 1
      return SourceRange(line, column, line, column)
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: section)
    } catch {
      diagnostics.report(.invalidShortcodeMapping, "the 'shortcodes:' section is not valid YAML: \(error)", file: file, at: SourceRange(start + 1, 1, start + 1, 1))
      return ShortcodeMapping()
    }
    guard let value = root?.mapping?["shortcodes"] else { return ShortcodeMapping() }
    if case .scalar(let s) = value, s.string.isEmpty || s.string == "~" || s.string == "null" { return ShortcodeMapping() }
    guard let entries = value.mapping else {
      diagnostics.report(.invalidShortcodeMapping, "'shortcodes' should map shortcode names to what they become", file: file, at: at(value))
      return ShortcodeMapping()
    }
    var mapping = ShortcodeMapping()
    for (keyNode, entry) in entries {
      guard let name = keyNode.string, !name.isEmpty else { continue }
      if let rule = rule(for: name, entry, file: file, at: at, diagnostics: &diagnostics) {
        mapping.rules[name] = rule
      }
    }
    return mapping
  }

  static let kinds = ["image", "embed", "note", "container", "drop", "text", "verbatim", "include", "admonition", "tabs", "tab"]
  static let allowedKeys: [String: Set<String>] = [
    "image": ["as", "src", "alt", "caption"], "embed": ["as", "url", "title", "kind"], "note": ["as", "class"],
    "container": ["as", "class"], "drop": ["as"], "text": ["as", "text"], "verbatim": ["as", "language"],
    "include": ["as", "path"], "admonition": ["as", "kind", "title"], "tabs": ["as"], "tab": ["as", "label"],
  ]

  static func rule(for name: String, _ entry: Node, file: String, at: (Node) -> SourceRange, diagnostics: inout Diagnostics) -> Rule? {
    var fields: [String: Node] = [:]
    let kind: String
    if let scalar = entry.scalar {
      kind = scalar.string
    } else if let m = entry.mapping {
      for (k, v) in m {
        guard let key = k.string else { continue }
        fields[key] = v
      }
      guard let a = fields["as"]?.string else {
        diagnostics.report(.invalidShortcodeMapping, "shortcode '\(name)' needs 'as:' (one of \(kinds.joined(separator: ", ")))", file: file, at: at(entry))
        return nil
      }
      kind = a
      for (k, _) in m where !(allowedKeys[kind]?.contains(k.string ?? "") ?? true) {
        let keys = (allowedKeys[kind] ?? []).sorted().joined(separator: ", ")
        diagnostics.report(.invalidShortcodeMapping, "unknown key '\(k.string ?? "")' for a shortcode mapped as \(kind) (its keys: \(keys))", file: file, at: at(k))
      }
    } else {
      diagnostics.report(.invalidShortcodeMapping, "shortcode '\(name)' should map to a kind or to a table with 'as:'", file: file, at: at(entry))
      return nil
    }
    func spec(_ key: String) -> String? {
      guard let node = fields[key] else { return nil }
      guard let s = node.scalar?.string, !s.isEmpty else {
        diagnostics.report(.invalidShortcodeMapping, "'\(key)' should name an argument (a name or a position)", file: file, at: at(node))
        return nil
      }
      return s
    }
    switch kind {
    case "image": return .image(src: spec("src") ?? "src", alt: spec("alt"), caption: spec("caption"))
    case "embed":
      var embedKind = Embed.Kind.other
      if let k = fields["kind"] {
        if let s = k.string, let parsed = Embed.Kind(rawValue: s), parsed != .qr {
          embedKind = parsed
        } else {
          diagnostics.report(.invalidShortcodeMapping, "embed kind should be video, post, code or other", file: file, at: at(k))
        }
      }
      return .embed(url: spec("url") ?? "url", title: spec("title"), kind: embedKind)
    case "note", "container": return .container(className: spec("class") ?? name)
    case "drop": return .drop
    case "text": return .text(argument: spec("text"))
    case "verbatim": return .verbatim(language: spec("language"))
    case "include": return .include(path: spec("path") ?? "0")
    case "admonition": return .admonition(kind: spec("kind"), title: spec("title"))
    case "tabs": return .tabs
    case "tab": return .tab(label: spec("label") ?? "0")
    default:
      let node = fields["as"] ?? entry
      diagnostics.report(.invalidShortcodeMapping, "unknown kind '\(kind)' for shortcode '\(name)': use one of \(kinds.joined(separator: ", "))", file: file, at: at(node))
      return nil
    }
  }
}
