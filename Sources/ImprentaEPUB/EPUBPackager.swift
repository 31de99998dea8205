import ImprentaDigest
import ImprentaHTML
import ImprentaModel
import ImprentaStyle

/// Packages one or more documents as one EPUB 3 file: one document is one page's e-book; several
/// make one book (a Hugo site), in the order given.
///
/// Images come only through `environment.resources`; dates from `environment.buildDate`
/// (`dcterms:modified`, ZIP timestamps) and the documents; the identifier is a hash of the content.
/// Two runs over the same input give the same bytes.
public struct EPUBPackager: Sendable {
  static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
  static let epubNamespace = "http://www.idpf.org/2007/ops"
  /// The stylesheet, as the navigation document (in `OEBPS/`) sees it.
  static let stylesheetHref = "styles/style.css"

  /// The style the CSS comes from.
  public var style: Style
  /// Options.
  public var options: EPUBOptions

  /// Creates a packager.
  public init(style: Style, options: EPUBOptions = .init()) {
    self.style = style
    self.options = options
  }

  /// A part of a page, rendered.
  struct Chapter {
    var href: String
    var id: String
    var part: Int
    var page: XHTMLPage
  }

  /// The EPUB's bytes. Throws when there is no document or the container cannot be written;
  /// everything else (missing images, unsafe HTML, links out of the book) is a warning.
  public func package(_ documents: [Document], environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [UInt8] {
    try EPUBArchive.zip(files(documents, environment: environment, diagnostics: &diagnostics), date: environment.buildDate)
  }

  /// The EPUB of a book: its entries that `Book.placements` keeps, one content document each
  /// (or more when long), the navigation nesting sections inside parts as the book's outline
  /// does, the book's title, language, authors and cover.
  public func package(_ book: Book, environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [UInt8] {
    try EPUBArchive.zip(files(book, environment: environment, diagnostics: &diagnostics), date: environment.buildDate)
  }

  /// The files of a book's container after `mimetype`.
  package func files(_ book: Book, environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [(path: String, bytes: [UInt8])] {
    var packager = self
    if packager.options.title == nil { packager.options.title = book.title }
    return try packager.files(book.documents, book: book, environment: environment, diagnostics: &diagnostics)
  }

  /// The files of the container after `mimetype`, in order: paths and bytes (what `package` zips).
  package func files(_ documents: [Document], environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [(path: String, bytes: [UInt8])] {
    try files(documents, book: nil, environment: environment, diagnostics: &diagnostics)
  }

  func files(_ allDocuments: [Document], book: Book?, environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [(path: String, bytes: [UInt8])] {
    let placements = book?.placements
    let documents = placements.map { $0.map { allDocuments[$0.index] } } ?? allDocuments
    guard let first = documents.first else {
      throw ImprentaError(.emptyBook, "an EPUB needs at least one page", file: "")
    }
    let language = book.map { $0.language.isEmpty ? first.language(default: style.base.language) : $0.language } ?? first.language(default: style.base.language)
    let direction = book?.direction(defaultLanguage: style.base.language) ?? first.direction(defaultLanguage: style.base.language)
    let localization = Localization.forLanguage(language)
    let titleText = options.title ?? (first.metadata.title.isEmpty ? first.relativeName : first.metadata.title)
    let images = EPUBImages(resources: environment.resources)
    let warningsBefore = diagnostics.warningCount
    var facts = AccessibilityFacts()
    let textColors = [style.base.font.color, style.link.color, style.blockquote.color, style.figure.captionColor, style.code.font.color]
      + style.headings.map(\.font.color)
    facts.contrastMeetsAA = textColors.allSatisfy { AccessibilityFacts.contrastOnWhite($0) >= 4.5 }

    // MARK: Cover
    var coverImage: PackagedImage?
    var coverSource = documents.first(where: { !$0.metadata.cover.isEmpty }).map { ($0.metadata.cover, $0) }
    // A book's cover is its own: a chapter's cover image is that page's, not the book's.
    if let book { coverSource = book.metadata.cover.isEmpty ? nil : (book.metadata.cover, first) }
    if let (cover, doc) = coverSource {
      switch images.add(cover, for: doc) {
      case .success(let i): coverImage = images.images[i]
      case .failure(let failure):
        let why: String
        switch failure.resolution {
        case .missing(let w), .refused(let w), .unsupported(let w), .source(let w): why = w
        }
        diagnostics.report(.missingCover, "cover image \(cover) not used (\(why)): \(options.generatedCover == nil ? "a title page is generated instead" : "a cover is generated instead")", file: doc.sourcePath)
      }
    }
    if coverImage == nil, let generated = options.generatedCover, let i = images.add(generated: generated, name: "cover") {
      coverImage = images.images[i]
    }

    // MARK: Chapters
    var chapters: [Chapter] = []
    var parts: [EPUBLinks.Part] = []
    var usedNames: Set<String> = ["cover", "titlepage"]
    let marks = EPUBPageList.marks(options.pageMap, documents: documents, entries: placements?.map(\.index))
    for (d, doc) in documents.enumerated() {
      var renderer = XHTMLRenderer(style: style, document: doc, flavor: .epub) { images.resolve($0, in: doc) }
      renderer.pageBreaks = marks.byDocument[d] ?? PageBreakMarks()
      let chunks = EPUBChapters.split(doc, limit: options.splitCharacters)
      var topLevel = EPUBChapters.topLevelIndices(doc)[...]
      let base = EPUBNames.safe(doc.relativeName.replacingSlashes(), fallback: "page-\(d + 1)")
      var idToFile: [String: String] = [:]
      var firstFile = ""
      for (k, blocks) in chunks.enumerated() {
        var name = k == 0 ? base : "\(base)-\(k + 1)"
        var n = 2
        while usedNames.contains(name) {
          name = (k == 0 ? base : "\(base)-\(k + 1)") + "-\(n)"
          n += 1
        }
        usedNames.insert(name)
        let href = "text/\(name).xhtml"
        if k == 0 { firstFile = href }
        renderer.blockPath = BlockPath()
        renderer.blockPath.topLevel = Array(topLevel.prefix(blocks.count))
        topLevel = topLevel.dropFirst(blocks.count)
        let page = renderer.page(
          blocks: blocks, title: doc.metadata.title, titleBlock: k == 0 && renderer.showsTitleBlock, notes: k == chunks.count - 1,
          stylesheet: .linked("../" + EPUBPackager.stylesheetHref), css: "")
        for id in page.ids where idToFile[id] == nil { idToFile[id] = href }
        chapters.append(Chapter(href: href, id: "c-\(name)", part: d, page: page))
      }
      diagnostics.append(contentsOf: renderer.diagnostics)
      facts.images += renderer.imageCount
      facts.undescribedImages += renderer.imagesWithoutAlt
      parts.append(EPUBLinks.Part(relativeName: doc.relativeName, keys: EPUBLinks.keys(of: doc), firstFile: firstFile, idToFile: idToFile))
    }
    facts.undescribedImages += images.failures

    // MARK: Links
    let links = EPUBLinks(parts: parts, baseURL: options.baseURL, webAddresses: options.webAddresses)
    for chapter in chapters {
      var reported: Set<String> = []
      // Where each link of the chapter's page is, found in one walk when the first one is reported.
      var linkRanges: [String: SourceRange]?
      chapter.page.rewriteLinks { href in
        switch links.resolve(href, from: chapter.part, file: chapter.href) {
        case .href(let h):
          return h
        case .text(let why):
          if reported.insert(href).inserted {
            let doc = documents[chapter.part]
            if linkRanges == nil { linkRanges = doc.linkRanges }
            let range = linkRanges?[href] ?? .unknown
            if href.hasPrefix(internalLinkScheme) {
              // A page of the same export, written as its own EPUB, with no web address (the
              // facade's `OtherOutputLinks` rule has already sent those it could to the web).
              diagnostics.report(.linkToOtherOutput, "the link to \(href.dropFirst(internalLinkScheme.count)) is text in this page's EPUB (that page is exported separately)", file: doc.sourcePath, at: range)
            } else {
              diagnostics.report(.unresolvedLink, "the link \(href) is text in the EPUB: \(why)", file: doc.sourcePath, at: range)
            }
          }
          return nil
        }
      }
    }
    facts.hadWarnings = diagnostics.warningCount > warningsBefore

    // MARK: Content documents and identifier
    let digest = Digest(.sha1)
    digest.update(titleText + "\u{0}" + language + "\u{0}")
    var chapterFiles: [(path: String, bytes: [UInt8])] = []
    for chapter in chapters {
      let bytes = chapter.page.serialize(declaration: true)
      digest.update(chapter.href + "\u{0}")
      digest.update(bytes)
      chapterFiles.append(("OEBPS/" + chapter.href, bytes))
    }
    for image in images.images {
      digest.update(image.href + "\u{0}")
      digest.update(image.bytes)
    }
    let identifier = ContentIdentifier.uuidURN(digest.finalize())

    // MARK: Navigation
    let entries = placements.map { bookContents($0, documents: documents, parts: parts) } ?? tableOfContents(documents, parts: parts)
    let frontHref = coverImage == nil ? "text/titlepage.xhtml" : "text/cover.xhtml"
    var landmarks: [(type: String, label: String, href: String)] = [
      (coverImage == nil ? "titlepage" : "cover", coverImage == nil ? localization.titlePage : localization.cover, frontHref),
      ("toc", localization.contents, "nav.xhtml#toc"),
    ]
    if let firstChapter = chapters.first { landmarks.append(("bodymatter", first.metadata.title.isEmpty ? titleText : first.metadata.title, firstChapter.href)) }
    var navigation = EPUBNavigation(title: titleText, language: language, direction: direction, localization: localization, entries: entries, landmarks: landmarks)
    navigation.pages = marks.pages.compactMap { page in parts[page.document].idToFile[page.id].map { (page.label, $0 + "#" + page.id) } }

    // MARK: Package document
    var front = EPUBFrontMatter(title: titleText, language: language, direction: direction, localization: localization, documents: documents)
    if let book {
      front.authors = book.authors
      front.subtitle = book.metadata.subtitle
      if let date = book.metadata.date { front.date = date }
    }
    var items: [EPUBPackageDocument.Item] = [
      .init(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav"),
      .init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
      .init(id: "css", href: EPUBPackager.stylesheetHref, mediaType: "text/css"),
      .init(id: coverImage == nil ? "titlepage" : "cover", href: frontHref, mediaType: "application/xhtml+xml"),
    ]
    items += chapters.map { .init(id: $0.id, href: $0.href, mediaType: "application/xhtml+xml") }
    items += images.images.map { .init(id: $0.id, href: $0.href, mediaType: $0.mediaType.rawValue, properties: $0.id == coverImage?.id ? "cover-image" : "") }
    let dates = documents.compactMap(\.metadata.date)
    let opf = EPUBPackageDocument(
      identifier: identifier, title: titleText, subtitle: book?.metadata.subtitle ?? (documents.count == 1 ? first.metadata.subtitle : ""), language: language,
      creators: front.creators, date: book?.metadata.date ?? dates.max(), modified: environment.buildDate,
      description: first.metadata.description.isEmpty ? first.metadata.summary : first.metadata.description,
      subjects: front.subjects, accessibility: facts, pageBreakSource: options.pageMap?.source, items: items, spine: [items[3].id, "nav"] + chapters.map(\.id),
      coverImageID: coverImage?.id, direction: direction, localization: localization)

    // MARK: Container
    var files: [(path: String, bytes: [UInt8])] = [
      ("META-INF/container.xml", EPUBFrontMatter.container()),
      ("OEBPS/content.opf", opf.xml()),
      ("OEBPS/nav.xhtml", navigation.navDocument()),
      ("OEBPS/toc.ncx", navigation.ncx(identifier: identifier)),
      ("OEBPS/" + EPUBPackager.stylesheetHref, Array(CSSWriter(style: style, target: .epub).css().utf8)),
      ("OEBPS/" + frontHref, coverImage.map { front.coverPage(image: "../" + $0.href, generated: $0.bytes == options.generatedCover) } ?? front.titlePage()),
    ]
    files += chapterFiles
    files += images.images.map { ("OEBPS/" + $0.href, $0.bytes) }
    return files
  }

  /// A book's table of contents: each kept entry's title at its level in the book, its headings
  /// below it at the levels the merged document gives them (`Placement.level(of:)`), nested by
  /// level, so parts hold their chapters and chapters their sections (the PDF outline's shape).
  func bookContents(_ placements: [Book.Placement], documents: [Document], parts: [EPUBLinks.Part]) -> [TOCEntry] {
    var flat: [(level: Int, entry: TOCEntry)] = []
    for (d, placement) in placements.enumerated() {
      flat.append((placement.level, TOCEntry(label: placement.title, href: parts[d].firstFile)))
      let outline = documents[d].outline
      let headings = placement.titleIsFirstHeading ? Array(outline.dropFirst()) : outline
      // Every heading, as the PDF's bookmarks list them (the printed contents' depth is the style's);
      // one that is no anchor (`{anchor=false}`) points at the file it is in.
      var file = parts[d].firstFile
      for h in headings {
        let label = h.content.plainText.trimmingCharacters(in: " \t\n")
        let level = placement.level(of: h)
        guard !label.isEmpty else { continue }
        if let known = parts[d].idToFile[h.id] { file = known }
        flat.append((level, TOCEntry(label: label, href: h.id.isEmpty || parts[d].idToFile[h.id] == nil ? file : file + "#" + h.id)))
      }
    }
    return TOCEntry.nest(flat)
  }

  /// The nested table of contents: one page's headings, or one entry per page with its headings.
  func tableOfContents(_ documents: [Document], parts: [EPUBLinks.Part]) -> [TOCEntry] {
    var out: [TOCEntry] = []
    for (d, doc) in documents.enumerated() {
      let outline = doc.outline
      let top = outline.map(\.level).min() ?? 1
      let flat = outline.compactMap { h -> (level: Int, entry: TOCEntry)? in
        let label = h.content.plainText.trimmingCharacters(in: " \t\n")
        guard h.level < top + max(style.toc.depth, 1), !label.isEmpty, let file = parts[d].idToFile[h.id] else { return nil }
        return (h.level, TOCEntry(label: label, href: file + "#" + h.id))
      }
      let headings = TOCEntry.nest(flat)
      let title = doc.metadata.title.isEmpty ? doc.relativeName : doc.metadata.title
      if documents.count == 1 {
        out = headings.isEmpty ? [TOCEntry(label: title, href: parts[d].firstFile)] : headings
      } else {
        out.append(TOCEntry(label: title, href: parts[d].firstFile, children: headings))
      }
    }
    return out
  }
}

extension String {
  func replacingSlashes() -> String { split(separator: "/").joined(separator: "-") }
}

extension XMLElementValue {
  /// The page root with `dir="rtl"` when the book is written right to left (left to right is the default).
  func directed(_ direction: WritingDirection) -> XMLElementValue {
    var e = self
    if direction == .rtl { e.set("dir", "rtl") }
    return e
  }
}
