import Foundation
import ImprentaFiles
import ImprentaModel

/// A Hugo site, read: its configuration and the pages Hugo would build, sorted Hugo's way.
public struct Site: Sendable, Hashable {
  /// The configuration.
  public var config: SiteConfig
  /// Every page that is built, in Hugo's default order within each language (languages by weight).
  public var pages: [SitePage]
  /// Pages left out and why (drafts, future, expired, headless).
  public var skipped: [SkippedPage]

  /// The pages of one language.
  public func pages(language: String) -> [SitePage] {
    pages.filter { $0.language == language }
  }
}

/// Reads a Hugo project's content tree as Hugo does: sections, bundles, languages, and the rules
/// for drafts, future and expired pages, headless bundles and `build` options.
public struct SiteReader: Sendable {
  /// What to include; "now" is given, never read from the clock here.
  public struct Options: Sendable, Hashable {
    /// Build drafts (`--drafts`).
    public var includeDrafts: Bool
    /// Build pages published in the future (`--future`).
    public var includeFuture: Bool
    /// Build expired pages (`--expired`).
    public var includeExpired: Bool
    /// The moment publish and expiry dates are compared with.
    public var now: PageDate

    /// Creates options.
    public init(includeDrafts: Bool = false, includeFuture: Bool = false, includeExpired: Bool = false, now: PageDate) {
      self.includeDrafts = includeDrafts
      self.includeFuture = includeFuture
      self.includeExpired = includeExpired
      self.now = now
    }
  }

  /// Reads each page (shortcode mapping and site params are set on it by `read`).
  public var pageReader: PageReader
  /// What to include.
  public var options: Options

  /// Creates a reader.
  public init(pageReader: PageReader = PageReader(), options: Options) {
    self.pageReader = pageReader
    self.options = options
  }

  /// Reads the site of `config`. A page that cannot be read is an error diagnostic; the others are still read.
  public func read(_ config: SiteConfig, diagnostics: inout Diagnostics) -> Site {
    var pages: [SitePage] = []
    var skipped: [SkippedPage] = []
    var reader = pageReader
    reader.keepsReferenceMarkers = true
    reader.site = ShortcodeSite(params: config.params)
    let sharedDir = config.root + "/" + config.contentDir
    var folders: [(dir: String, language: String?)] = []
    for language in config.languages where !language.contentDir.isEmpty {
      folders.append((config.root + "/" + language.contentDir, language.code))
    }
    if folders.count < config.languages.count { folders.insert((sharedDir, nil), at: 0) }
    let codes = Set(config.languages.map(\.code))
    // Every content folder must lie inside the site; pages are read from the content folders only
    // (a link from a page to elsewhere in the site, or out of it, is refused).
    let site = ReadPolicy(roots: [config.root])
    folders = folders.filter { folder in
      switch site.resolve(folder.dir) {
      case .success: return true
      case .failure(let refusal) where refusal.reason == .missing && !folder.dir.hasPrefix(config.root + "//"):
        if folder.dir != sharedDir || folders.count == 1 {
          let at = config.location(of: "contentDir")
          diagnostics.warning(.missingInput, "the content folder '\(folder.dir)' does not exist", file: at.file, at: SourceRange(at.line, 1, at.line, 1))
        }
        return false
      case .failure:
        let at = config.location(of: "contentDir")
        diagnostics.error(.outsideRoots, "the content folder '\(folder.dir)' is outside the site (contentDir); not read", file: at.file,
          at: SourceRange(at.line, 1, at.line, 1))
        return false
      }
    }
    let policy = ReadPolicy(roots: folders.map(\.dir))
    reader.files = policy
    for (dir, folderLanguage) in folders {
      for file in ContentWalker.markdownFiles(under: dir, policy: policy, diagnostics: &diagnostics) {
        var stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var language = folderLanguage ?? config.defaultContentLanguage
        let suffix = (stem as NSString).pathExtension.lowercased()
        if !suffix.isEmpty, codes.contains(suffix) {
          stem = (stem as NSString).deletingPathExtension
          if folderLanguage == nil { language = suffix }
        }
        let folder = (file as NSString).deletingLastPathComponent
        let keyPath = (folder.isEmpty ? stem : folder + "/" + stem).lowercased()
        let relative = (config.isMultilingual ? language + "/" : "") + (folder.isEmpty ? stem : folder + "/" + stem)
        var pageDiagnostics = Diagnostics()
        var languageReader = reader
        if let l = config.language(language), !l.params.isEmpty {
          languageReader.site = ShortcodeSite(params: l.params + config.params)
        }
        languageReader.site.contentFolder = dir
        let document: Document
        do {
          document = try languageReader.read(contentsOf: dir + "/" + file, relativeName: relative, diagnostics: &pageDiagnostics)
        } catch let error as ImprentaError {
          pageDiagnostics.report(error.diagnostic)
          diagnostics.append(contentsOf: pageDiagnostics)
          continue
        } catch {
          diagnostics.report(.unreadableFile, "\(error)", file: dir + "/" + file)
          continue
        }
        diagnostics.append(contentsOf: pageDiagnostics)
        var doc = document
        if !doc.metadata.language.isEmpty, codes.contains(doc.metadata.language.lowercased()) {
          language = doc.metadata.language.lowercased()
        }
        if doc.metadata.language.isEmpty { doc.metadata.language = config.language(language)?.tag ?? language }
        let kind: SitePage.Kind = stem == "_index" ? (folder.isEmpty ? .home : .section) : .page
        let build = BuildOptions(doc.metadata)
        if let reason = skipReason(doc.metadata, build: build) {
          skipped.append(SkippedPage(path: dir + "/" + file, reason: reason))
          continue
        }
        let page = SitePage(
          document: doc, kind: kind, language: language, contentPath: file, key: keyPath,
          sectionPath: sectionPath(folder: folder, kind: kind, isBundle: stem == "index"),
          permalink: permalink(config: config, language: language, folder: folder, stem: stem, metadata: doc.metadata),
          isListed: build.list)
        pages.append(page)
      }
    }
    let order = config.languages.map(\.code)
    pages.sort { a, b in
      let la = order.firstIndex(of: a.language) ?? order.count, lb = order.firstIndex(of: b.language) ?? order.count
      if la != lb { return la < lb }
      return PageOrder.precedes(a, b)
    }
    return Site(config: config, pages: pages, skipped: skipped)
  }

  /// Why Hugo would not build a page with `metadata`, or nil.
  func skipReason(_ m: Metadata, build: BuildOptions) -> SkippedPage.Reason? {
    if m.draft && !options.includeDrafts { return .draft }
    if !options.includeFuture, let publish = m.publishDate ?? m.date, publish.secondsSince1970 > options.now.secondsSince1970 { return .future }
    if !options.includeExpired, let expiry = m.expiryDate, expiry.secondsSince1970 <= options.now.secondsSince1970 { return .expired }
    if m.headless || !build.render { return .notRendered }
    return nil
  }

  /// The section folder of a page: its own folder for `_index.md`, the bundle's parent for `index.md`.
  func sectionPath(folder: String, kind: SitePage.Kind, isBundle: Bool) -> String {
    if kind != .page { return folder }
    if isBundle { return (folder as NSString).deletingLastPathComponent }
    return folder
  }

  /// Hugo's default URL: `/<folder>/<slug or name>/`, lower-cased, spaces as `-`; `url` wins; other languages prefixed.
  func permalink(config: SiteConfig, language: String, folder: String, stem: String, metadata: Metadata) -> String {
    var path: String
    if case .string(let url)? = metadata.param("url"), !url.isEmpty {
      path = url.hasPrefix("/") ? url : "/" + url
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
}

/// Hugo's `build` front-matter options (`build` or `_build`): `list` and `render`.
struct BuildOptions {
  var list = true
  var render = true

  init(_ m: Metadata) {
    guard let table = m.param("build") ?? m.param("_build") else { return }
    if let l = table["list"]?.description.lowercased() { list = l != "never" && l != "false" }
    if let r = table["render"]?.description.lowercased() { render = r != "never" && r != "false" }
  }
}

/// Lists a content folder's Markdown pages as Hugo sees them: a leaf bundle's other Markdown
/// files (and sub-folders) are its resources, not pages. Walked under the read policy.
enum ContentWalker {
  static let extensions: Set<String> = ["md", "markdown", "mdown"]

  /// Paths relative to `root`, in byte order.
  static func markdownFiles(under root: String, policy: ReadPolicy, diagnostics: inout Diagnostics) -> [String] {
    var out: [String] = []
    var walker = FolderWalker(policy: policy)
    walker.walk(root) { relative, entries in
      let markdown = entries.filter { !$0.isFolder && extensions.contains(($0.name as NSString).pathExtension.lowercased()) }
      // A leaf bundle: `index.md` (or `index.<lang>.md`) makes the folder one page.
      let indexes = markdown.filter {
        let stem = ($0.name as NSString).deletingPathExtension
        return stem == "index" || stem.hasPrefix("index.")
      }
      if !indexes.isEmpty, !relative.isEmpty {
        out += indexes.map(\.relativePath)
        return []
      }
      out += markdown.map(\.relativePath)
      return entries.filter(\.isFolder)
    }
    diagnostics.append(contentsOf: walker.diagnostics)
    return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
