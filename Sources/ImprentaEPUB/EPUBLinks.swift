import ImprentaModel

/// Rewrites the links of content documents: to headings and notes (which may sit in another part
/// of a split page), to other pages of the book, and out of the book.
struct EPUBLinks {
  /// One document of the book.
  struct Part {
    /// The document's path under the content root without extension (`blog/post`).
    var relativeName: String
    /// Normalised paths that name the page (`blog/post`, its slug).
    var keys: Set<String>
    /// The first content document of the page (`text/post.xhtml`).
    var firstFile: String
    /// Which content document holds each id.
    var idToFile: [String: String]
  }

  /// What becomes of a link.
  enum Outcome: Equatable {
    case href(String)
    case text(String)
  }

  var parts: [Part]
  var baseURL: String?
  /// Where pages outside the book live on the web (`EPUBOptions.webAddresses`).
  var webAddresses: [String: String] = [:]

  /// The rewritten `href` for a link in part `from`, file `file` (both files live in `text/`).
  func resolve(_ href: String, from: Int, file: String) -> Outcome {
    // A link the site reader resolved to another document of the export (`imprenta-page:`).
    if href.hasPrefix(internalLinkScheme) {
      let link = Link(destination: href, content: [])
      guard let target = link.internalTarget else { return .text("\(href.dropFirst(internalLinkScheme.count)) is not part of this book") }
      guard let j = parts.firstIndex(where: { $0.relativeName == target.page }) else {
        if let web = webAddresses[target.page] { return .href(web + (target.anchor.isEmpty ? "" : "#" + target.anchor)) }
        return .text("\(href.dropFirst(internalLinkScheme.count)) is not part of this book")
      }
      if !target.anchor.isEmpty, let t = parts[j].idToFile[target.anchor] {
        return .href(t == file ? "#" + target.anchor : EPUBLinks.relative(t) + "#" + target.anchor)
      }
      return .href(EPUBLinks.relative(parts[j].firstFile))
    }
    switch URLPolicy.classify(href) {
    case .refused(let why): return .text(why)
    case .dataImage: return .text("a data: URL is never a link")
    case .remote: return .href(href.hasPrefix("//") ? "https:" + href : href)
    case .fragment, .internalPage, .relative: break
    }
    let (path, fragment) = EPUBLinks.split(href)
    if path.isEmpty {
      guard let fragment, !fragment.isEmpty else { return .text("empty link") }
      guard let target = parts[from].idToFile[fragment] else { return .text("no anchor #\(fragment) in the page") }
      return .href(target == file ? "#" + fragment : EPUBLinks.relative(target) + "#" + fragment)
    }
    let key = EPUBLinks.normalize(path, relativeTo: parts[from].relativeName)
    if let j = parts.firstIndex(where: { $0.keys.contains(key) }) {
      if let fragment, let target = parts[j].idToFile[fragment] { return .href(EPUBLinks.relative(target) + "#" + fragment) }
      return .href(EPUBLinks.relative(parts[j].firstFile))
    }
    if let baseURL, !baseURL.isEmpty {
      let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
      let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
      // The fragment as written: a URL on the web, not an id matched here.
      return .href(base + "/" + trimmed + (href.firstIndex(of: "#").map { String(href[$0...]) } ?? ""))
    }
    return .text("\(href) is not part of this book")
  }

  /// The path and anchor id of a relative URL (the query is dropped; the fragment percent-decoded
  /// as `URLPolicy.anchorID` does, as heading ids are matched).
  static func split(_ href: String) -> (String, String?) {
    var path = Substring(href)
    var fragment: String?
    if let hash = path.firstIndex(of: "#") {
      fragment = URLPolicy.anchorID(fragment: path[path.index(after: hash)...])
      path = path[..<hash]
    }
    if let q = path.firstIndex(of: "?") { path = path[..<q] }
    return (String(path), fragment)
  }

  /// A page path as a key: relative to the linking page's folder, without `.md`, `index`, slashes.
  static func normalize(_ path: String, relativeTo page: String) -> String {
    var components: [Substring] = []
    if !path.hasPrefix("/") { components = page.split(separator: "/").dropLast() }
    for c in path.split(separator: "/") {
      if c == "." || c.isEmpty { continue }
      if c == ".." {
        _ = components.popLast()
        continue
      }
      components.append(c)
    }
    return key(components.joined(separator: "/"))
  }

  /// A document path (`blog/post/index`, `about.md`) as a key.
  static func key(_ path: String) -> String {
    var p = path.lowercased()
    for suffix in [".md", ".markdown", ".html", ".xhtml", ".htm"] where p.hasSuffix(suffix) { p.removeLast(suffix.count) }
    for suffix in ["/_index", "/index"] where p.hasSuffix(suffix) { p.removeLast(suffix.count) }
    if p == "index" || p == "_index" { p = "" }
    while p.hasSuffix("/") { p.removeLast() }
    while p.hasPrefix("/") { p.removeFirst() }
    return p
  }

  /// The keys that name a document: its path, and its slug in the same folder.
  static func keys(of document: Document) -> Set<String> {
    var keys: Set<String> = [key(document.relativeName)]
    if !document.metadata.slug.isEmpty {
      let folder = document.relativeName.split(separator: "/").dropLast().joined(separator: "/")
      keys.insert(key(folder.isEmpty ? document.metadata.slug : folder + "/" + document.metadata.slug))
    }
    return keys
  }

  /// A file in `text/` as seen from another file in `text/`.
  static func relative(_ file: String) -> String {
    file.hasPrefix("text/") ? String(file.dropFirst(5)) : "../" + file
  }
}
