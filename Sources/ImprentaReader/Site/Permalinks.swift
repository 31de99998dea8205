import Foundation
import ImprentaModel

/// A page's URL path as Hugo makes it: `url` in front matter wins; then the site's `permalinks`
/// pattern for the page's top-level section (`posts = '/:year/:month/:slug/'`, or under
/// `permalinks.page` / `permalinks.section`); else `/<folder>/<slug or file name>/`. Paths are
/// lower-cased with spaces as `-`; other languages get their `/<lang>` prefix.
struct Permalinks {
  let config: SiteConfig

  func permalink(language: String, folder: String, stem: String, kind: SitePage.Kind, metadata: Metadata) -> String {
    var path: String
    if case .string(let url)? = metadata.param("url"), !url.isEmpty {
      path = url.hasPrefix("/") ? url : "/" + url
    } else if let pattern = pattern(folder: folder, stem: stem, kind: kind) {
      path = expand(pattern, folder: folder, stem: stem, kind: kind, metadata: metadata)
    } else {
      var parts = folder.split(separator: "/").map(String.init)
      if stem == "index" || stem == "_index" {
        if !metadata.slug.isEmpty, stem == "index", !parts.isEmpty { parts[parts.count - 1] = metadata.slug }
      } else {
        parts.append(metadata.slug.isEmpty ? stem : metadata.slug)
      }
      path = "/" + parts.joined(separator: "/")
      path = path.lowercased().replacingOccurrences(of: " ", with: "-")
    }
    if !path.hasSuffix("/") && !(path as NSString).lastPathComponent.contains(".") { path += "/" }
    if config.isMultilingual && (language != config.defaultContentLanguage || config.defaultContentLanguageInSubdir) {
      path = "/" + language + (path == "/" ? "/" : path)
    }
    return path
  }

  /// The configured pattern for a page of the top-level section of `folder`, if any.
  func pattern(folder: String, stem: String, kind: SitePage.Kind) -> String? {
    guard kind != .home, let table = config.values.first(where: { $0.key.lowercased() == "permalinks" })?.value else { return nil }
    let section = String((kind == .section ? folder : folder).split(separator: "/").first ?? "")
    guard !section.isEmpty else { return nil }
    let bundleSection = kind == .page && stem == "index" && !folder.contains("/") ? "" : section
    let kindTable = kind == .page ? table["page"] : table["section"]
    if let kindTable, case .string(let p)? = kindTable[bundleSection.isEmpty ? section : bundleSection] { return p }
    if kind == .page, case .string(let p)? = table[section] { return p }
    return nil
  }

  func expand(_ pattern: String, folder: String, stem: String, kind: SitePage.Kind, metadata: Metadata) -> String {
    let date = metadata.date ?? metadata.publishDate
    let fileName = stem == "index" || stem == "_index" ? String(folder.split(separator: "/").last ?? "") : stem
    let urlize = { (s: String) in s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "-") }
    let title = urlize(metadata.title.filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" })
    let slug = metadata.slug.isEmpty ? title : urlize(metadata.slug)
    let sections = folder.split(separator: "/").map(String.init)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var out = ""
    var i = pattern.startIndex
    let tokens: [(String, String)] = [
      ("slugorcontentbasename", metadata.slug.isEmpty ? fileName : urlize(metadata.slug)),
      ("slugorfilename", metadata.slug.isEmpty ? fileName : urlize(metadata.slug)),
      ("contentbasename", fileName), ("filename", fileName), ("sections", sections.joined(separator: "/")),
      ("section", sections.first ?? ""), ("title", title), ("slug", slug),
      ("year", date.map { String($0.year) } ?? ""), ("month", date.map { two($0.month) } ?? ""), ("day", date.map { two($0.day) } ?? ""),
    ]
    outer: while i < pattern.endIndex {
      if pattern[i] == ":" {
        let rest = pattern[pattern.index(after: i)...]
        for (name, value) in tokens where rest.hasPrefix(name) {
          out += value
          i = pattern.index(i, offsetBy: name.count + 1)
          continue outer
        }
      }
      out.append(pattern[i])
      i = pattern.index(after: i)
    }
    let collapsed = out.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    return "/" + collapsed.lowercased() + (out.hasSuffix("/") ? "/" : "")
  }
}
