import Foundation

/// The units of a batch build: each is one document (a page, or a whole book) and its formats.
struct BatchPlan {
  struct Unit: Sendable {
    var publication: Publication
    var pages: [PageSource]
    var formats: [OutputFormat]
    /// The output path without extension, relative to the output folder.
    var outputName: String
    /// Bytes of source, for balancing shards.
    var size: Int
    /// Every page of the publication, for links between them.
    var siblings: PageLinkResolver
    /// Documents already read (a Hugo site is read whole, to resolve links and cascades).
    var prepared: Prepared?
    /// The project's folder: a page built alone finds a Hugo site around it only inside it.
    var projectFolder = FileSystem.currentFolder
    /// How the shortcodes of pages outside a Hugo site are expanded: the project file's
    /// `shortcodes:` (a site's pages take their site's own, read with the site).
    var shortcodes = ShortcodeExpander()
  }

  /// What a Hugo site's unit is made of: its documents (links resolved), or its book.
  struct Prepared: Sendable {
    var documents: [Document]
    var book: Book?
    var resources: FileResources
    /// The site's absolute address, for links out of an e-book.
    var baseURL: String?
    /// The site's configuration and structure (`HugoProject.fingerprint`).
    var fingerprint: String
    /// Where the site's pages live on the web (`Site.webAddresses`), for links between pages
    /// exported as e-books of their own.
    var webAddresses: [String: String] = [:]
  }

  var all: [Unit]

  static func make(_ publications: [Publication], options: BatchOptions, diagnostics: inout Diagnostics) -> BatchPlan {
    var units: [Unit] = []
    for p in publications {
      if let source = p.site {
        units += siteUnits(p, source: source, options: options, diagnostics: &diagnostics)
        continue
      }
      let pages = PageFinder.pages(
        of: p.inputs, project: options.projectFolder, inputsAreUntrusted: p.prefixOutputs, diagnostics: &diagnostics)
      let formats = p.formats.isEmpty ? options.defaultFormats : p.formats
      func size(_ page: PageSource) -> Int {
        FileSystem.status(page.path).size
      }
      let siblings = PageLinkResolver(pages: Set(pages.map(\.relativeName)))
      if p.book {
        guard !pages.isEmpty else { continue }
        units.append(Unit(publication: p, pages: pages, formats: formats, outputName: p.name, size: pages.map(size).reduce(0, +), siblings: siblings))
      } else {
        for page in pages {
          let name = p.prefixOutputs ? p.name + "/" + page.relativeName : page.relativeName
          units.append(Unit(publication: p, pages: [page], formats: formats, outputName: name, size: size(page), siblings: siblings))
        }
      }
    }
    // The project file's shortcode mapping, read once for every unit of pages (the
    // `unknown-shortcode` hint names it; it applied to Hugo sites only).
    let projectFile = options.projectFolder + "/" + ProjectFile.fileName
    let shortcodes = units.contains(where: { $0.prepared == nil }) && FileSystem.linkStatus(projectFile).kind != .missing
      ? ShortcodeExpander(mapping: ShortcodeMapping.load(projectFile: projectFile, diagnostics: &diagnostics)) : ShortcodeExpander()
    for k in units.indices {
      units[k].projectFolder = options.projectFolder
      units[k].shortcodes = shortcodes
    }
    // Two units may not write the same file.
    var owners: [String: String] = [:]
    units = units.filter { u in
      if let other = owners[u.outputName] {
        diagnostics.report(.duplicateOutput, "\(u.pages[0].path) and \(other) would both be written to \(u.outputName)", file: u.pages[0].path)
        return false
      }
      owners[u.outputName] = u.pages[0].path
      return true
    }
    return BatchPlan(all: units)
  }

  /// The units of a Hugo site: one per page, or with `book` one per language.
  static func siteUnits(_ p: Publication, source: SiteSource, options: BatchOptions, diagnostics: inout Diagnostics) -> [Unit] {
    // "Now" is the clock's, read here and handed to the reader; output dates follow SOURCE_DATE_EPOCH.
    var read = SiteReader.Options(
      includeDrafts: options.includeDrafts, includeFuture: source.includeFuture, includeExpired: source.includeExpired,
      now: PageDate(secondsSince1970: Int(Date().timeIntervalSince1970)))
    read.jobs = options.jobs
    let project: HugoProject
    do {
      project = try HugoProject(root: source.root, environment: source.environment, options: read, diagnostics: &diagnostics)
    } catch let error as ImprentaError {
      diagnostics.report(error.diagnostic)
      return []
    } catch {
      diagnostics.report(.siteError, "\(error)", file: source.root)
      return []
    }
    for skipped in project.site.skipped {
      diagnostics.report(.pageSkipped, "\(skipped.reason.rawValue) page skipped", file: skipped.path)
    }
    let formats = p.formats.isEmpty ? options.defaultFormats : p.formats
    let baseURL = project.site.config.absoluteBaseURL
    let webAddresses = project.site.webAddresses
    func prepared(_ documents: [Document], book: Book? = nil) -> Prepared {
      Prepared(documents: documents, book: book, resources: project.resources, baseURL: baseURL, fingerprint: project.fingerprint, webAddresses: webAddresses)
    }
    func pageSource(_ d: Document) -> PageSource {
      PageSource(path: d.sourcePath, root: source.root, relativeName: d.relativeName)
    }
    func size(_ d: Document) -> Int { FileSystem.status(d.sourcePath).size }
    let none = PageLinkResolver(pages: [])
    if p.book {
      return project.books(sections: source.sections, diagnostics: &diagnostics).compactMap { language, book in
        let documents = book.documents.filter { !$0.sourcePath.isEmpty }
        guard !documents.isEmpty else { return nil }
        let name = project.bookName(language: language)
        return Unit(
          publication: p, pages: documents.map(pageSource), formats: formats, outputName: p.prefixOutputs ? p.name + "/" + name : name,
          size: documents.map(size).reduce(0, +), siblings: none, prepared: prepared(book.documents, book: book))
      }
    }
    return project.documents(diagnostics: &diagnostics).map { d in
      Unit(
        publication: p, pages: [pageSource(d)], formats: formats, outputName: p.prefixOutputs ? p.name + "/" + d.relativeName : d.relativeName,
        size: size(d), siblings: none, prepared: prepared([d]))
    }
  }

  /// The units of one share (all of them without a shard).
  func units(in shard: Shard?) -> [Unit] {
    guard let shard else { return all }
    let assignment = Shard.assign(all.map { ($0.outputName, $0.size) }, count: shard.count)
    return all.indices.filter { assignment[$0] == shard.index - 1 }.map { all[$0] }
  }

  /// Every output path of the whole plan (every shard), relative to the output folder.
  var allOutputPaths: [String] {
    all.flatMap { u in u.formats.map { u.outputName + "." + $0.fileExtension } }
  }
}

extension Publication {
  /// Applies the publication's language and metadata overrides to a page.
  func apply(to document: inout Document, fallbackLanguage: String) {
    if document.metadata.language.isEmpty { document.metadata.language = language ?? fallbackLanguage }
    for pair in metadata where !book {
      override(&document.metadata, pair)
    }
  }

  /// The pages as one book: its title and metadata from the publication (else the first page's
  /// language and date, and the publication's name as title), every page a chapter.
  func book(of documents: [Document]) -> Book {
    var m = Metadata(title: name, language: documents.first?.metadata.language ?? "", params: [])
    m.date = documents.compactMap(\.metadata.date).max()
    for pair in metadata { override(&m, pair) }
    return Book(title: m.title, language: m.language, metadata: m, entries: documents.map { Book.Entry(document: $0, role: .chapter, level: 1) })
  }

  private func override(_ m: inout Metadata, _ pair: KeyValue<MetaValue>) {
    switch pair.key {
    case "title": m.title = pair.value.description
    case "subtitle": m.subtitle = pair.value.description
    case "authors", "author": m.authors = pair.value.strings
    case "date": if case .date(let d) = pair.value { m.date = d }
    case "description": m.description = pair.value.description
    case "language": m.language = pair.value.description
    case "cover": m.cover = pair.value.description
    case "tags": m.tags = pair.value.strings
    default: break
    }
  }
}
