import Foundation

/// Links between the pages of one publication read from a plain content folder, the way Hugo
/// would serve them: `other.md`, `../dir/other.md#a`, `/dir/other/`, `/dir/other` become
/// `imprenta-page:dir/other#a` when that page is part of the export, so each backend can make
/// them internal (a sibling XHTML file, a heading of the same book) or plain text.
struct PageLinkResolver: Sendable {
  /// Relative names (`dir/other`) of every page of the publication.
  let pages: Set<String>

  /// The document with its links to other pages rewritten.
  func resolve(_ document: Document) -> Document {
    document.rewritingInlines { inline in
      guard case .link(var l) = inline, let (target, anchor) = target(of: l.destination, from: document.relativeName) else { return inline }
      l.destination = Link.internalDestination(page: target, anchor: anchor)
      return .link(l)
    }
  }

  /// The relative name of the page `destination` points at, and its anchor, if it is one of ours.
  func target(of destination: String, from page: String) -> (String, String)? {
    guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.contains("://"), !destination.hasPrefix("mailto:"),
      !destination.hasPrefix(internalLinkScheme)
    else { return nil }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    var path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
    let anchor = parts.count > 1 ? String(parts[1]) : ""
    if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
    var components: [Substring] = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
    for c in path.split(separator: "/") {
      if c == "." || c.isEmpty { continue }
      if c == ".." {
        if components.isEmpty { return nil }
        components.removeLast()
      } else {
        components.append(c)
      }
    }
    var name = components.joined(separator: "/")
    for ext in [".md", ".markdown", ".html", ".xhtml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
    for candidate in [name, name + "/index", name + "/_index", name.isEmpty ? "_index" : name] where pages.contains(candidate) {
      return (candidate, anchor)
    }
    return nil
  }
}
