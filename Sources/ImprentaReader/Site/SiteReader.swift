import Foundation
import Synchronization
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
  /// The language most pages were detected in, when the configuration states none.
  public var detectedLanguage: String?

  /// Where each page lives on the web (`Document.relativeName` → absolute URL), empty without an
  /// absolute `baseURL`: a page's own EPUB links there to the other pages of the export.
  public var webAddresses: [String: String] {
    var out: [String: String] = [:]
    for page in pages {
      if let url = config.absoluteURL(path: page.permalink) { out[page.document.relativeName] = url }
    }
    return out
  }

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
    /// Pages read at once.
    public var jobs = 1

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
    var reader = pageReader
    reader.keepsReferenceMarkers = true
    reader.site = ShortcodeSite(params: config.params)
    reader.markup = MarkupOptions(hugoConfig: config.values)
    let files = SiteFiles.list(config, diagnostics: &diagnostics)
    reader.files = ReadPolicy(roots: files.roots)
    let codes = Set(config.languages.map(\.code))

    // Where each file sits: its language (the mount's, else a file-name suffix, else the site's
    // default), its folder and stem in the content tree, its kind.
    var planned: [Planned] = []
    for file in files.files {
      var stem = ((file.logical as NSString).lastPathComponent as NSString).deletingPathExtension
      var language = file.mount.language.isEmpty ? config.defaultContentLanguage : file.mount.language
      let suffix = (stem as NSString).pathExtension.lowercased()
      if !suffix.isEmpty, codes.contains(suffix) {
        stem = (stem as NSString).deletingPathExtension
        if file.mount.language.isEmpty { language = suffix }
      }
      let folder = (file.logical as NSString).deletingLastPathComponent
      let kind: SitePage.Kind = stem == "_index" ? (folder.isEmpty ? .home : .section) : .page
      planned.append(Planned(file: file, stem: stem, folder: folder, language: language, kind: kind))
    }
    // Sections first, shallow before deep, so each page's `cascade` is known before its descendants are read.
    var cascades: [String: [CascadeEntry]] = [:]  // "<lang>\u{0}<folder>" → the section's own entries
    func cascade(for p: Planned) -> [KeyValue<MetaValue>] {
      var values: [KeyValue<MetaValue>] = []
      let path = "/" + (p.folder.isEmpty ? p.stem : p.folder + "/" + p.stem)
      // Nearest section first (a section's own cascade applies to itself), the configuration's last.
      var chain: [[CascadeEntry]] = []
      var f: String? = p.folder
      while let current = f {
        if let entries = cascades[p.language + "\u{0}" + current] { chain.append(entries) }
        // The parent folder, by bytes (never looping on a folder that Foundation keeps as its own parent).
        f = current.isEmpty ? nil : current.lastIndex(of: "/").map { String(current[..<$0]) } ?? ""
      }
      chain.append(config.cascade)
      for entries in chain {
        for e in entries where e.applies(path: path, kind: p.kind.rawValue, language: p.language, environment: config.environment) {
          values = CascadeEntry.apply(e.values, to: values)
        }
      }
      return values
    }
    let sections = planned.indices.filter { planned[$0].kind != .page }.sorted {
      (planned[$0].folder.split(separator: "/").count, planned[$0].folder) < (planned[$1].folder.split(separator: "/").count, planned[$1].folder)
    }
    var results = [ReadResult?](repeating: nil, count: planned.count)
    for i in sections {
      let result = readPage(planned[i], reader: reader, cascade: cascade(for: planned[i]), config: config)
      let own = result.document.map { CascadeEntry.entries($0.metadata.param("cascade")) } ?? []
      if !own.isEmpty {
        // A section's own `cascade` reaches itself too: read it again with it.
        cascades[planned[i].language + "\u{0}" + planned[i].folder] = own
        results[i] = readPage(planned[i], reader: reader, cascade: cascade(for: planned[i]), config: config)
      } else {
        results[i] = result
      }
    }
    let regular = planned.indices.filter { planned[$0].kind == .page }
    let inputs = regular.map { (planned[$0], cascade(for: planned[$0])) }
    let shared = reader
    let read = Mutex([ReadResult?](repeating: nil, count: inputs.count))
    let next = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, inputs.count))) { _ in
      while true {
        let n: Int = next.withLock { n in
          defer { n += 1 }
          return n
        }
        guard n < inputs.count else { return }
        let r = readPage(inputs[n].0, reader: shared, cascade: inputs[n].1, config: config)
        read.withLock { $0[n] = r }
      }
    }
    for (k, r) in read.withLock({ $0 }).enumerated() { results[regular[k]] = r }

    var pages: [SitePage] = []
    var skipped: [SkippedPage] = []
    for result in results {
      guard let result else { continue }
      diagnostics.append(contentsOf: result.diagnostics)
      if let page = result.page { pages.append(page) }
      if let s = result.skipped { skipped.append(s) }
    }
    let order = config.languages.map(\.code)
    pages.sort { a, b in
      let la = order.firstIndex(of: a.language) ?? order.count, lb = order.firstIndex(of: b.language) ?? order.count
      if la != lb { return la < lb }
      return PageOrder.precedes(a, b)
    }
    var site = Site(config: config, pages: pages, skipped: skipped)
    if !config.statesLanguage { site.detectLanguages(diagnostics: &diagnostics) }
    return site
  }

  /// A file to read and where it sits in the site.
  struct Planned: Sendable {
    var file: SiteFiles.File
    var stem: String
    var folder: String
    var language: String
    var kind: SitePage.Kind
  }

  struct ReadResult: Sendable {
    var document: Document?
    var page: SitePage?
    var skipped: SkippedPage?
    var diagnostics = Diagnostics()
  }

  func readPage(_ p: Planned, reader: PageReader, cascade: [KeyValue<MetaValue>], config: SiteConfig) -> ReadResult {
    var result = ReadResult()
    let codes = Set(config.languages.map(\.code))
    var language = p.language
    let relative = (config.isMultilingual ? language + "/" : "") + (p.folder.isEmpty ? p.stem : p.folder + "/" + p.stem)
    var languageReader = reader
    languageReader.cascade = cascade
    if let l = config.language(language), !l.params.isEmpty {
      languageReader.site = ShortcodeSite(params: l.params + config.params)
    }
    // `include` paths starting with `/` are from the content root of the page's language.
    let root = config.contentMounts.first { $0.target.isEmpty && ($0.language.isEmpty || $0.language == p.file.mount.language) } ?? p.file.mount
    languageReader.site.contentFolder = config.root + "/" + root.source
    var doc: Document
    do {
      doc = try languageReader.read(contentsOf: p.file.path, relativeName: relative, diagnostics: &result.diagnostics)
    } catch let error as ImprentaError {
      result.diagnostics.report(error.diagnostic)
      return result
    } catch {
      result.diagnostics.report(.unreadableFile, "\(error)", file: p.file.path)
      return result
    }
    result.document = doc
    if !doc.metadata.language.isEmpty, codes.contains(doc.metadata.language.lowercased()) {
      language = doc.metadata.language.lowercased()
    }
    if doc.metadata.language.isEmpty, config.statesLanguage || config.language(language)?.languageCode.isEmpty == false {
      doc.metadata.language = config.language(language)?.tag ?? language
    }
    // The site language's direction (`languages.he.direction = 'rtl'`) when the page says none.
    if doc.metadata.direction == nil, let said = config.language(language)?.direction, !said.isEmpty {
      doc.metadata.direction = WritingDirection(parsing: said)
    }
    // A section or bundle with no title is named after its folder, as Hugo does (not `_index`).
    let fileName = (relative as NSString).lastPathComponent
    if doc.metadata.title == fileName && (p.stem == "_index" || p.stem == "index") {
      doc.metadata.title = p.kind == .home ? (config.language(language).map { $0.title.isEmpty ? config.title : $0.title } ?? config.title)
        : BookBuilder.titleCase((p.folder as NSString).lastPathComponent)
    }
    let build = BuildOptions(doc.metadata)
    if let reason = skipReason(doc.metadata, build: build) {
      result.skipped = SkippedPage(path: p.file.path, reason: reason)
      return result
    }
    let keyPath = (p.folder.isEmpty ? p.stem : p.folder + "/" + p.stem).lowercased()
    result.page = SitePage(
      document: doc, kind: p.kind, language: language, contentPath: p.file.logical, key: keyPath,
      sectionPath: sectionPath(folder: p.folder, kind: p.kind, isBundle: p.stem == "index"),
      permalink: Permalinks(config: config).permalink(language: language, folder: p.folder, stem: p.stem, kind: p.kind, metadata: doc.metadata),
      isListed: build.list)
    result.page?.aliases = (doc.metadata.param("aliases")?.strings ?? []).filter { !$0.isEmpty }
    return result
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
