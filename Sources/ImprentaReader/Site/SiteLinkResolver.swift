import Foundation
import ImprentaModel

/// Rewrites links between pages of a site: to a page of the export → an internal link
/// (`imprenta-page:<relativeName>#anchor`, see `Link.internalTarget`); to a page of the site not
/// exported → an absolute URL on `baseURL`; to no page → a warning `missing-link-target` at the
/// link, and the link is left pointing at `baseURL` (or as written when there is none).
public struct SiteLinkResolver: Sendable {
  let site: Site
  let exported: Set<String>
  private var byKey: [String: [SitePage]] = [:]
  private var byPermalink: [String: SitePage] = [:]

  /// Creates a resolver for `site`, where `exported` holds the `relativeName`s of the documents in the export.
  public init(site: Site, exported: Set<String>) {
    self.site = site
    self.exported = exported
    for page in site.pages {
      var keys = [page.key]
      for suffix in ["/_index", "/index"] where page.key.hasSuffix(suffix) { keys.append(String(page.key.dropLast(suffix.count))) }
      if page.key == "_index" { keys.append("") }
      for k in keys { byKey[k, default: []].append(page) }
      byPermalink[page.permalink.lowercased()] = page
    }
  }

  /// The page's document with its links resolved.
  public func resolve(_ page: SitePage, diagnostics: inout Diagnostics) -> Document {
    var document = page.document
    var found = Diagnostics()
    let rewriter = LinkRewriter { destination($0, at: $1, page, &found) }
    document.blocks = document.blocks.map(rewriter.rewrite)
    diagnostics.append(contentsOf: found)
    return document
  }

  /// Where `destination`, written in `page`, leads: the new destination, or nil to keep it.
  public func target(of destination: String, in page: SitePage) -> (destination: String, found: Bool)? {
    var path = destination
    var isContentPath = false
    if path.hasPrefix(RefShortcode.marker) {
      path = String(path.dropFirst(RefShortcode.marker.count)).removingPercentEncoding ?? path
      isContentPath = true
    } else if path.hasPrefix("#") || path.isEmpty || path.hasPrefix(internalLinkScheme) {
      return nil
    } else if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") {
      // A URL: only one on the site's own baseURL is a link to a page.
      let base = site.config.baseURL
      guard !base.isEmpty, let rest = SiteLinkResolver.strip(base: base, from: path) else { return nil }
      path = "/" + rest
    } else if path.hasPrefix("//") {
      return nil
    }
    var anchor = ""
    if let hash = path.firstIndex(of: "#") {
      anchor = String(path[path.index(after: hash)...])
      path = String(path[..<hash])
    }
    if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
    let ext = (path as NSString).pathExtension.lowercased()
    if ContentWalker.extensions.contains(ext) { isContentPath = true }
    let found: SitePage?
    if isContentPath {
      found = lookupContent(path, from: page)
    } else {
      // Files (`/files/a.pdf`, images) are not pages.
      if !ext.isEmpty && ext != "html" { return nil }
      found = lookupPermalink(path, from: page)
    }
    guard let target = found else {
      if path.isEmpty { return nil }
      return (absolute(path.hasPrefix("/") ? path : "", anchor: anchor, fallback: destination, isContentPath: isContentPath), false)
    }
    if exported.contains(target.document.relativeName) {
      return (Link.internalDestination(page: target.document.relativeName, anchor: anchor), true)
    }
    return (absolute(target.permalink, anchor: anchor, fallback: destination, isContentPath: false), true)
  }

  // MARK: - Look-ups

  func lookupContent(_ raw: String, from page: SitePage) -> SitePage? {
    var path = raw
    for ext in ContentWalker.extensions where path.lowercased().hasSuffix("." + ext) { path = String(path.dropLast(ext.count + 1)) }
    // `other.es` (a language suffix) names that translation.
    var language = page.language
    let suffix = (path as NSString).pathExtension.lowercased()
    if site.config.language(suffix) != nil {
      language = suffix
      path = (path as NSString).deletingPathExtension
    }
    let pageDir = (page.contentPath as NSString).deletingLastPathComponent
    var candidates: [String] = []
    if path.hasPrefix("/") {
      candidates = [String(path.dropFirst())]
    } else {
      candidates = [pageDir.isEmpty ? path : pageDir + "/" + path, path]
    }
    for candidate in candidates {
      let key = SiteLinkResolver.normalize(candidate).lowercased()
      if let pages = byKey[key] {
        return pages.first { $0.language == language } ?? pages.first
      }
    }
    return nil
  }

  func lookupPermalink(_ raw: String, from page: SitePage) -> SitePage? {
    var path = raw
    if !path.hasPrefix("/") {
      path = page.permalink + path
    }
    path = "/" + SiteLinkResolver.normalize(path)
    if !path.hasSuffix("/") { path += "/" }
    if path == "//" { path = "/" }
    let lower = path.lowercased()
    if let p = byPermalink[lower] { return p }
    // `/blog/post/` written on a page of another language means that language's translation.
    let prefix = "/" + page.language
    if !lower.hasPrefix(prefix + "/"), let p = byPermalink[prefix + lower] { return p }
    return nil
  }

  func absolute(_ path: String, anchor: String, fallback: String, isContentPath: Bool) -> String {
    let base = site.config.baseURL
    guard !base.isEmpty, path.hasPrefix("/"), !isContentPath else { return fallback.hasPrefix(RefShortcode.marker) ? String(fallback.dropFirst(RefShortcode.marker.count)) : fallback }
    return String(base.dropLast()) + path + (anchor.isEmpty ? "" : "#" + anchor)
  }

  /// The rest of `url` after the site's base URL (any scheme, with or without `www.`), or nil.
  static func strip(base: String, from url: String) -> String? {
    func hostPath(_ s: String) -> String {
      var t = Substring(s)
      if let r = t.firstRange(of: "://") { t = t[r.upperBound...] }
      if t.hasPrefix("www.") { t = t.dropFirst(4) }
      return String(t).lowercased()
    }
    let b = hostPath(base), u = hostPath(url)
    guard u.hasPrefix(b) || u + "/" == b else { return nil }
    var t = Substring(url)
    if let r = t.firstRange(of: "://") { t = t[r.upperBound...] }
    if t.lowercased().hasPrefix("www.") && b.first != "w" { t = t.dropFirst(4) }
    return String(t.dropFirst(min(t.count, b.count)))
  }

  /// A path with `.` and `..` folded (never above the root).
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for p in path.split(separator: "/") {
      if p == "." { continue }
      if p == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(p)
    }
    return parts.joined(separator: "/")
  }

  // MARK: - Walking the tree

  func destination(_ destination: String, at range: SourceRange, _ page: SitePage, _ d: inout Diagnostics) -> String {
    guard let result = target(of: destination, in: page) else { return destination }
    if !result.found {
      let shown = destination.hasPrefix(RefShortcode.marker) ? String(destination.dropFirst(RefShortcode.marker.count)) : destination
      d.report(.missingLinkTarget, "no page '\(shown)' in the site (or it is not built)", file: page.document.sourcePath, at: range)
    }
    return result.destination
  }
}
