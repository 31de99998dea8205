import ImprentaModel

/// The choice between the native writer (`NativePDF`) and Cairo with qpdf, and the native path.
extension PDFWriter {
  /// The pages written natively, or why not (a font or image that needs Cairo): then the caller
  /// paints them with Cairo.
  func paintNative(
    _ placed: PageLayout, labels: [String], print: PrintGeometry, trim: (Double, Double), document: Document, environment: ExportEnvironment,
    pdfx: PDFXFindings
  ) -> Result<[UInt8], NativeRefusal> {
    let pdf = NativePDF(width: placed.pages.first?.width ?? 595, height: placed.pages.first?.height ?? 842)
    // PDF/X needs a TrimBox on every page, also without bleed (it is then the MediaBox).
    pdf.boxes = print.isPlain && pdfx.profile == nil ? nil : print.boxes(width: trim.0, height: trim.1)
    guard let links = paintEveryPage(placed, labels: labels, print: print, trim: trim, onto: pdf, stop: { pdf.unsupported != nil }) else {
      return .failure(NativeRefusal(reason: pdf.unsupported ?? "unknown"))
    }
    let m = document.metadata
    let figureAlts = placed.figureAlts  // a walk of every page's items: once
    let claims = !figureAlts.contains("")
    var metadata = xmp(document, environment: environment, claimsPDFUA: claims)
    // A PDF/X-4 file says so in its XMP too (with the identifiers PDF/X asks for).
    if pdfx.profile != nil { metadata.extra += PDFXMetadata.properties(title: metadata.title, date: QPDFPostProcessor.pdfDate(environment.buildDate)) }
    let bytes = pdf.finish(
      .init(
        title: m.title, author: m.authors.joined(separator: ", "), subject: m.description.isEmpty ? m.summary : m.description,
        keywords: m.tags.joined(separator: ", "), creator: options.creator, xmp: metadata.packet,
        language: document.language(default: style.base.language), rightToLeft: document.direction(defaultLanguage: style.base.language) == .rtl,
        date: QPDFPostProcessor.pdfDate(environment.buildDate), figureAlts: figureAlts, linkDescriptions: links))
    guard let bytes else { return .failure(NativeRefusal(reason: pdf.unsupported ?? "unknown")) }
    // The writer's fonts, subsets and streams: freed later, if ever (`ReleaseBin`).
    ReleaseBin.current?.hold(pdf)
    return .success(bytes)
  }
}

/// Why the native writer left a document to Cairo.
struct NativeRefusal: Error {
  var reason: String
}
