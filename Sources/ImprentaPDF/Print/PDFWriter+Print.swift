import CPangoCairo
import CQPDF
import ImprentaModel
import ImprentaStyle

/// One file the PDF backend writes: the publication (`suffix` empty) or its imposed sheets
/// (`suffix` `booklet` or `2up`, written as `name.booklet.pdf`).
public struct PDFFile: Sendable, Hashable {
  /// Empty for the unimposed file, else the imposition's name.
  public var suffix: String
  /// The PDF.
  public var bytes: [UInt8]
}

extension PDFWriter {
  /// Every file of the publication: the pages (with covers, bleed, marks and page boxes when the
  /// style asks for them) and, when imposing, the imposed sheets. Preflight findings are warnings.
  ///
  /// Steps: lay out each document → covers around the body → page labels (roman for covers) →
  /// preflight → paint the pages on sheets of the media size → qpdf (boxes, language, dates) →
  /// the same for imposed sheets, each page painted again (vector) at its place on its sheet.
  public func writeFiles(_ documents: [Document], environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [PDFFile] {
    try FontFaces.writing { try writeFilesAlone(documents, environment: environment, diagnostics: &diagnostics) }
  }

  private func writeFilesAlone(_ documents: [Document], environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [PDFFile] {
    guard let first = documents.first else {
      throw ImprentaError(.noDocuments, "nothing to write", file: "")
    }
    let engine = TextEngine()
    var body = PageLayout()
    for document in documents {
      let part = self.layout(document, engine: engine, environment: environment, diagnostics: &diagnostics)
      let offset = body.pages.count
      body.pages.append(contentsOf: part.pages)
      for (k, v) in part.anchorPages where body.anchorPages[k] == nil { body.anchorPages[k] = v + offset }
      body.imageSources.merge(part.imageSources) { a, _ in a }
    }
    // The pages, their shaped paragraphs and the documents are freed when the build's thread
    // next needs the memory, if ever (`ReleaseBin`).
    ReleaseBin.current?.hold((body, engine, documents))
    return try writeFiles(body: body, first: first, engine: engine, environment: environment, diagnostics: &diagnostics).files
  }

  /// The files of laid-out `body` pages (covers, labels, preflight, painting, imposition), and
  /// the final layout's page labels.
  func writeFiles(body: PageLayout, first: Document, engine: TextEngine, environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> (
    files: [PDFFile], labels: [String], covers: CoverPages
  ) {
    let print = PrintGeometry(style: style)
    var coverStyle = style
    if options.bookCover { coverStyle.cover.front = true }
    var coverLayouter = PDFLayouter(style: coverStyle, engine: engine, hyphenator: nil, document: first, environment: environment)
    // The covers are painted into the same file as the body: their structure ids start far
    // above the body's, or the cover's title (id 1) and the body's first element (id 1) were
    // logged as one element continued from the cover to the title page.
    coverLayouter.counter = 1 << 40
    let covers = coverLayouter.layoutCovers(bleed: print.bleed)
    diagnostics.append(contentsOf: coverLayouter.diagnostics)
    let layout = PDFWriter.compose(body, covers: covers, coverImages: coverLayouter.imageSources)
    let hasCovers = !covers.front.isEmpty || !covers.back.isEmpty
    let front = covers.front.count + body.frontMatterPages
    let labels = hasCovers || body.frontMatterPages > 0 ? PDFWriter.pageLabels(front: front, body: body.pages.count - body.frontMatterPages, back: covers.back.count) : []
    let mode = options.impose ?? Imposition(rawValue: style.print.impose)
    // A cover the style did not ask for (a book's) alone does not make the PDF a print job.
    let styleCovers = hasCovers && (style.cover.front || style.cover.back)
    let preflight = options.preflight ?? (!print.isPlain || styleCovers || mode != nil)
    if preflight { Preflight(style: style, geometry: print, file: first.sourcePath, labels: labels).check(layout, into: &diagnostics) }

    var files: [PDFFile] = []
    // nil: look for fonts that are not embedded while post-processing; [] (found or not asked): done.
    var fontProblems: [String]? = preflight ? nil : []
    var qpdfWarnings: [String] = []
    var pdfx = PDFXFindings(profile: style.print.standard == "pdf/x-4" ? options.outputProfile : nil)
    if style.print.standard == "pdf/x-4", options.outputProfile == nil {
      if let problem = options.outputProfileProblem {
        diagnostics.report(.pdfxProfileUnusable, "\(problem): the PDF stays RGB", file: first.sourcePath)
      } else {
        diagnostics.report(.pdfxNoProfile, "the style asks for PDF/X-4 but no CMYK output profile was found: the PDF stays RGB", file: first.sourcePath)
      }
    }
    defer {
      pdfx.report(into: &diagnostics, preflight: preflight, labels: labels, file: first.sourcePath)
      for w in Set(qpdfWarnings).sorted() {
        diagnostics.report(.pdfRepaired, "the PDF needed repair when it was post-processed (qpdf: \(w))", file: first.sourcePath)
      }
    }
    let undescribed = layout.figureAlts.filter(\.isEmpty).count
    if undescribed > 0 {
      diagnostics.report(
        .pdfuaNotClaimed, "the PDF does not claim PDF/UA-1: \(undescribed) figure(s) with a caption have no alternative text (a caption is not a description)",
        file: first.sourcePath)
    }
    if mode == nil || options.writeUnimposed {
      let bytes = try paintPages(
        layout, labels: labels, print: print, document: first, environment: environment, fontProblems: &fontProblems, qpdfWarnings: &qpdfWarnings, pdfx: &pdfx,
        diagnostics: &diagnostics)
      files.append(PDFFile(suffix: "", bytes: bytes))
    }
    if let mode {
      let imposed = ImposedLayout(
        pageCount: layout.pages.count, mode: mode, pageWidth: layout.pages.first?.width ?? 0, pageHeight: layout.pages.first?.height ?? 0,
        keepLast: covers.back.count)
      let bytes = try paintSheets(
        imposed, layout: layout, print: print, document: first, environment: environment, fontProblems: &fontProblems, qpdfWarnings: &qpdfWarnings,
        pdfx: &pdfx)
      files.append(PDFFile(suffix: mode.suffix, bytes: bytes))
    }
    for name in fontProblems ?? [] {
      diagnostics.report(.preflightFontNotEmbedded, "font \(name) is not embedded in the PDF: the printer would substitute it", file: first.sourcePath)
    }
    let allLabels = labels.isEmpty ? (0..<layout.pages.count).map { String($0 + 1) } : labels
    return (files, allLabels, covers)
  }

  /// The body between its covers; anchors move with their pages.
  static func compose(_ body: PageLayout, covers: CoverPages, coverImages: [ObjectIdentifier: (reference: String, range: SourceRange, file: String)]) -> PageLayout {
    guard !covers.front.isEmpty || !covers.back.isEmpty else { return body }
    var out = PageLayout()
    out.pages = covers.front + body.pages + covers.back
    for (k, v) in body.anchorPages { out.anchorPages[k] = v + covers.front.count }
    out.imageSources = body.imageSources.merging(coverImages) { a, _ in a }
    out.idLanguages = body.idLanguages
    return out
  }

  /// Roman numbers for the front covers, then 1, 2, … for the body and what follows it.
  static func pageLabels(front: Int, body: Int, back: Int) -> [String] {
    (0..<front).map { roman($0 + 1) } + (0..<(body + back)).map { String($0 + 1) }
  }

  /// Lower-case roman numerals (1 → i, 4 → iv).
  static func roman(_ n: Int) -> String {
    let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    var n = n
    var out = ""
    for (v, s) in table {
      while n >= v {
        out += s
        n -= v
      }
    }
    return out
  }

  // MARK: - Painting

  /// A PDF surface with the document's metadata.
  private func surface(width: Double, height: Double, document: Document) -> CairoContext {
    let ctx = CairoContext(pdfWidth: width, height: height)
    let m = document.metadata
    ctx.setMetadata(
      title: m.title, author: m.authors.joined(separator: ", "), subject: m.description.isEmpty ? m.summary : m.description,
      keywords: m.tags.joined(separator: ", "), creator: options.creator)
    return ctx
  }

  /// The XMP packet of `document`; it claims PDF/UA-1 when `claimsPDFUA`.
  func xmp(_ document: Document, environment: ExportEnvironment, claimsPDFUA: Bool) -> XMPMetadata {
    let m = document.metadata
    return XMPMetadata(
      title: m.title, language: document.language(default: style.base.language), authors: m.authors,
      description: m.description.isEmpty ? m.summary : m.description, keywords: m.tags.joined(separator: ", "), creatorTool: options.creator,
      date: XMPMetadata.isoDate(environment.buildDate), claimsPDFUA: claimsPDFUA)
  }

  private func finish(
    _ ctx: CairoContext, document: Document, environment: ExportEnvironment, figureAlts: [String], boxes: PageBoxes?, fontProblems: inout [String]?,
    qpdfWarnings: inout [String], accessibility: QPDFPostProcessor.Accessibility, pdfx: inout PDFXFindings, imposed: Bool = false
  ) throws -> [UInt8] {
    let bytes = ctx.finish()
    if let problem = ctx.status {
      throw ImprentaError(.pdfWriteFailed, "Cairo could not write the PDF: \(problem)", file: document.sourcePath)
    }
    final class Found { var names: [String]? = nil }
    let found = Found()
    let inspect: ((qpdf_data?) -> Void)? = fontProblems == nil ? { found.names = QPDFPostProcessor.fontsNotEmbedded($0) } : nil
    var report: QPDFPostProcessor.PDFXReport? = nil
    defer { if let report { pdfx.add(report, imposed: imposed) } }
    do {
      let out = try QPDFPostProcessor.process(
        bytes, language: document.language(default: style.base.language),
        rightToLeft: document.direction(defaultLanguage: style.base.language) == .rtl, date: environment.buildDate, figureAlts: figureAlts, boxes: boxes,
        accessibility: accessibility, warnings: &qpdfWarnings, inspect: inspect, outputProfile: pdfx.profile, title: document.metadata.title, pdfx: &report)
      if let names = found.names { fontProblems = names }
      return out
    } catch {
      throw ImprentaError(.pdfWriteFailed, "\(error)", file: document.sourcePath)
    }
  }

  /// The pages, each on a sheet of the media size with its marks.
  func paintPages(
    _ layout: PageLayout, labels: [String], print: PrintGeometry, document: Document, environment: ExportEnvironment, fontProblems: inout [String]?,
    qpdfWarnings: inout [String], pdfx: inout PDFXFindings, diagnostics: inout Diagnostics
  ) throws -> [UInt8] {
    let placed = print.place(layout)
    let trim = (layout.pages.first?.width ?? 595, layout.pages.first?.height ?? 842)
    if style.print.writer != "cairo" {
      switch paintNative(placed, labels: labels, print: print, trim: trim, document: document, environment: environment, pdfx: pdfx) {
      case .success(let bytes):
        // Every font is embedded by construction (a face that cannot be is why it would fail).
        if fontProblems == nil { fontProblems = [] }
        guard let profile = pdfx.profile else { return bytes }
        // PDF/X-4: the colours converted to the printer's CMYK by the one conversion there is.
        var report: QPDFPostProcessor.PDFXReport? = nil
        defer { if let report { pdfx.add(report, imposed: false) } }
        do {
          return try QPDFPostProcessor.convertToPDFX(
            bytes, profile: profile, title: document.metadata.title, date: QPDFPostProcessor.pdfDate(environment.buildDate), warnings: &qpdfWarnings,
            report: &report)
        } catch {
          throw ImprentaError(.pdfWriteFailed, "\(error)", file: document.sourcePath)
        }
      case .failure(let problem):
        diagnostics.report(.pdfWrittenByCairo, "the PDF was written through Cairo and qpdf: the native writer does not do \(problem.reason)", file: document.sourcePath)
      }
    }
    let ctx = surface(width: placed.pages.first?.width ?? 595, height: placed.pages.first?.height ?? 842, document: document)
    let links = paintEveryPage(placed, labels: labels, print: print, trim: trim, onto: ctx) ?? []
    // PDF/X needs a TrimBox on every page, also without bleed (it is then the MediaBox).
    let boxes = print.isPlain && pdfx.profile == nil ? nil : print.boxes(width: trim.0, height: trim.1)
    let figureAlts = placed.figureAlts  // a walk of every page's items: once
    let claims = !figureAlts.contains("")
    return try finish(ctx, document: document, environment: environment, figureAlts: figureAlts, boxes: boxes, fontProblems: &fontProblems,
      qpdfWarnings: &qpdfWarnings,
      accessibility: .init(metadata: xmp(document, environment: environment, claimsPDFUA: claims), linkDescriptions: links, structure: ctx.structure),
      pdfx: &pdfx)
  }

  /// Paints every page onto `surface` — page labels, printer's marks, all under one document
  /// element, then the bookmarks — and returns what each link says; nil when `stop` says so
  /// after a page (the native writer met something it leaves to Cairo).
  func paintEveryPage(
    _ placed: PageLayout, labels: [String], print: PrintGeometry, trim: (Double, Double), onto surface: some PaintSurface, stop: () -> Bool = { false }
  ) -> [String]? {
    var painter = Painter(layout: placed)
    painter.shaping = PaintShaping.start(for: placed.pages, policy: prefetchPolicy)
    defer { painter.shaping?.stop() }
    surface.beginTag("Document")
    var links: [String] = []
    for n in placed.pages.indices {
      if n < labels.count { surface.setPageLabel(labels[n]) }
      links += painter.paint(page: n, into: surface)
      PrinterMarks.paint(into: surface, width: trim.0, height: trim.1, geometry: print)
      if n < placed.pages.count - 1 { surface.showPage() }
      if stop() { return nil }
      // Paragraphs shaped ahead were allocated in the prefetch thread's malloc arena: freed as
      // their pages are painted, that memory is not reused by this thread's allocations (the
      // PDF's streams), so it is handed back to the system every few pages (1,000 pages peaked
      // at 228 MB without, 190 MB with).
      if n % 64 == 63 { malloc_trim(0) }
    }
    surface.endTag("Document")
    surface.showPage()
    painter.addOutline(surface)
    return links
  }

  /// The imposed sheets: each page painted again at its place, clipped to its half of the sheet
  /// (and the bleed on the sheet's outer edges), with crop marks around the sheet and fold marks.
  func paintSheets(
    _ imposed: ImposedLayout, layout: PageLayout, print: PrintGeometry, document: Document, environment: ExportEnvironment,
    fontProblems: inout [String]?, qpdfWarnings: inout [String], pdfx: inout PDFXFindings
  ) throws -> [UInt8] {
    let w = imposed.pageWidth, h = imposed.pageHeight
    let o = print.offset, b = print.bleed
    let media = print.media(width: imposed.sheetWidth, height: h)
    // The sheets as pages of items, for anchors, the outline and figure order.
    var sheets = PageLayout()
    var slots: [[(page: LaidPage, clip: Rect)]] = []
    for (s, sheet) in imposed.sheets.enumerated() {
      var items: [PageItem] = []
      var row: [(page: LaidPage, clip: Rect)] = []
      for (k, index) in sheet.pages.enumerated() {
        guard let index else { continue }
        let dx = o + Double(k) * w
        var page = layout.pages[index]
        page.items = page.items.map { $0.offsetBy(dx: dx, dy: o) }
        for item in page.items {
          if case .anchor(let name, _, _) = item.kind, sheets.anchorPages[name] == nil { sheets.anchorPages[name] = s }
        }
        items += page.items
        let left = k == 0 ? dx - b : dx
        let right = k == sheet.pages.count - 1 ? dx + w + b : dx + w
        row.append((page, Rect(x: left, y: o - b, width: right - left, height: h + 2 * b)))
      }
      sheets.pages.append(LaidPage(width: media.width, height: media.height, items: items))
      slots.append(row)
    }
    let ctx = surface(width: media.width, height: media.height, document: document)
    ctx.beginTag("Document")
    for (s, row) in slots.enumerated() {
      for slot in row {
        ctx.save()
        ctx.clip(slot.clip)
        Painter(layout: PageLayout(pages: [slot.page], anchorPages: sheets.anchorPages)).paint(page: 0, into: ctx)
        ctx.restore()
      }
      PrinterMarks.paint(into: ctx, width: imposed.sheetWidth, height: h, geometry: print, folds: [w])
      if s < slots.count - 1 { ctx.showPage() }
    }
    ctx.endTag("Document")
    ctx.showPage()
    Painter(layout: sheets).addOutline(ctx)
    // PDF/X needs a TrimBox on every page, also without bleed (it is then the MediaBox).
    let boxes = print.isPlain && pdfx.profile == nil ? nil : print.boxes(width: imposed.sheetWidth, height: h)
    // Sheets in print order are not for reading: the file says it is not tagged (and claims no
    // PDF/UA), the unimposed PDF beside it is the accessible one.
    return try finish(ctx, document: document, environment: environment, figureAlts: [], boxes: boxes, fontProblems: &fontProblems,
      qpdfWarnings: &qpdfWarnings,
      accessibility: .init(metadata: xmp(document, environment: environment, claimsPDFUA: false), untagged: true), pdfx: &pdfx, imposed: true)
  }
}
