import Foundation
import ImprentaModel

/// Rewrites links between pages of a site as the site publishes them: to a page of the export →
/// an internal link (`imprenta-page:<relativeName>#anchor`, see `Link.internalTarget`); to a page
/// or file of the site not in the export (another section, `/documents/x.pdf` from `static/`, a
/// bundle's file) → an absolute URL on the environment's `baseURL`; to no page → a warning
/// `missing-link-target` at the link. Without an absolute `baseURL` such links cannot be made
/// absolute: a warning `no-base-url`, and the link's text is kept without the link (never a
/// relative link that leads nowhere). Pages are found by content path, permalink (`url`, `slug`,
/// `permalinks` patterns) and `aliases`.
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
    // Aliases never shadow a real permalink.
    for page in site.pages {
      for alias in page.aliases {
        var a = alias.hasPrefix("/") ? alias : "/" + (page.sectionPath.isEmpty ? "" : page.sectionPath + "/") + alias
        if !a.hasSuffix("/") && !(a as NSString).lastPathComponent.contains(".") { a += "/" }
        if byPermalink[a.lowercased()] == nil { byPermalink[a.lowercased()] = page }
      }
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

  /// What a link becomes.
  public enum Resolution: Sendable, Hashable {
    /// Kept as written (a URL elsewhere, an anchor on the page).
    case unchanged
    /// A link to a page of the export (internal) or to the site's own address (absolute).
    case link(String)
    /// No page or file of the site is there: a warning; the link goes to `destination` if any,
    /// else only its text is kept.
    case missing(String?)
    /// A page or file of the site that is not in the export, and no absolute `baseURL`: text only.
    case unreachable
  }

  /// Where `destination`, written in `page`, leads.
  public func resolve(_ destination: String, in page: SitePage) -> Resolution {
    var path = destination
    var isContentPath = false
    if path.hasPrefix(RefShortcode.marker) {
      path = String(path.dropFirst(RefShortcode.marker.count)).removingPercentEncoding ?? path
      isContentPath = true
    } else if path.hasPrefix("#") || path.isEmpty || path.hasPrefix(internalLinkScheme) {
      return .unchanged
    } else if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") {
      // A URL: only one on the site's own address is a link to a page.
      let base = site.config.baseURL
      guard !base.isEmpty, site.config.absoluteBaseURL != nil, let rest = SiteLinkResolver.strip(base: base, from: path) else { return .unchanged }
      path = "/" + rest
    } else if path.hasPrefix("//") {
      return .unchanged
    }
    var anchor = ""
    if let hash = path.firstIndex(of: "#") {
      anchor = String(path[path.index(after: hash)...])
      path = String(path[..<hash])
    }
    if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
    path = path.removingPercentEncoding ?? path
    if path.isEmpty { return .unchanged }
    let ext = (path as NSString).pathExtension.lowercased()
    if ContentWalker.extensions.contains(ext) { isContentPath = true }
    if isContentPath {
      guard let target = lookupContent(path, from: page) else { return .missing(nil) }
      return link(to: target, anchor: anchor)
    }
    if !ext.isEmpty && ext != "html" && ext != "htm" {
      // A file the site publishes (`/documents/x.pdf` from static/, a bundle's `report.pdf`).
      let absolutePath = path.hasPrefix("/") ? path : page.permalink + path
      return absolute("/" + SiteLinkResolver.normalize(absolutePath), anchor: anchor).map(Resolution.link) ?? .unreachable
    }
    guard let target = lookupPermalink(path, from: page) else {
      return .missing(path.hasPrefix("/") ? absolute(path, anchor: anchor) : nil)
    }
    return link(to: target, anchor: anchor)
  }

  func link(to target: SitePage, anchor: String) -> Resolution {
    if exported.contains(target.document.relativeName) {
      return .link(Link.internalDestination(page: target.document.relativeName, anchor: anchor))
    }
    return absolute(target.permalink, anchor: anchor).map(Resolution.link) ?? .unreachable
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
    // A relative link is tried from the page's URL (as a browser would), then from its section's
    // and from the root (as Hugo's render hooks resolve it with `GetPage`).
    let sectionURL = page.permalink.hasSuffix("/") ? (String(page.permalink.dropLast()) as NSString).deletingLastPathComponent : page.permalink
    let bases = raw.hasPrefix("/") ? [""] : [page.permalink, sectionURL + "/", "/"]
    for base in bases {
      var path = "/" + SiteLinkResolver.normalize(base + raw)
      if !path.hasSuffix("/") && !(path as NSString).lastPathComponent.contains(".") { path += "/" }
      if path.hasSuffix(".html") { path = String(path.dropLast(5)) + "/" }
      if path == "//" { path = "/" }
      let lower = path.lowercased()
      if let p = byPermalink[lower] { return p }
      // `/blog/post/` written on a page of another language means that language's translation.
      let prefix = "/" + page.language
      if !lower.hasPrefix(prefix + "/"), let p = byPermalink[prefix + lower] { return p }
      if let p = byKey[SiteLinkResolver.normalize(lower)]?.first(where: { $0.language == page.language }) { return p }
    }
    // Written from the page's file (a bundle's folder is the page): `../other/` beside it.
    if !raw.hasPrefix("/") {
      let file = page.key.hasSuffix("/index") || page.key.hasSuffix("/_index") || page.key == "_index" ? page.key : (page.key as NSString).deletingLastPathComponent
      let folder = page.key.hasSuffix("index") ? (file as NSString).deletingLastPathComponent : file
      let key = SiteLinkResolver.normalize(folder + "/" + raw).lowercased()
      if let p = byKey[key]?.first(where: { $0.language == page.language }) ?? byKey[key]?.first { return p }
    }
    return nil
  }

  /// `path` on the site's absolute base URL, or nil when it has none.
  func absolute(_ path: String, anchor: String) -> String? {
    site.config.absoluteURL(path: path, anchor: anchor)
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

  func destination(_ destination: String, at range: SourceRange, _ page: SitePage, _ d: inout Diagnostics) -> String? {
    let shown = (destination.hasPrefix(RefShortcode.marker) ? String(destination.dropFirst(RefShortcode.marker.count)) : destination).escapedForLog
    switch resolve(destination, in: page) {
    case .unchanged: return destination
    case .link(let target): return target
    case .missing(let target):
      d.report(.missingLinkTarget, "no page '\(shown)' in the site (or it is not built)", file: page.document.sourcePath, at: range)
      return target
    case .unreachable:
      d.report(.noBaseURL, "'\(shown)' is a page or file of the site that is not in this output, and the site has no absolute baseURL to link to: kept as text",
        file: page.document.sourcePath, at: range)
      return nil
    }
  }
}
