import ImprentaModel
import ImprentaStyle

extension PDFWriter {
  /// The front cover a book's PDF opens with, painted as a PNG `pixelsHigh` pixels high: the
  /// same page (style colours, cover image, title, subtitle, authors, date), so an e-book's
  /// cover (`properties="cover-image"`) is what library thumbnails show. `document` gives the
  /// metadata (a book's title document); empty when Cairo cannot paint.
  public func coverPNG(_ document: Document, environment: ExportEnvironment, pixelsHigh: Double = 1600, diagnostics: inout Diagnostics) -> [UInt8] {
    FontFaces.writing { paintCover(document, environment: environment, pixelsHigh: pixelsHigh, diagnostics: &diagnostics) }
  }

  private func paintCover(_ document: Document, environment: ExportEnvironment, pixelsHigh: Double, diagnostics: inout Diagnostics) -> [UInt8] {
    var layouter = PDFLayouter(style: style, engine: TextEngine(), hyphenator: nil, document: document, environment: environment)
    let page = layouter.frontCover(bleed: 0)
    diagnostics.append(contentsOf: layouter.diagnostics)
    var layout = PageLayout()
    layout.pages = [page]
    let ctx = CairoContext(imageWidth: page.width, height: page.height, scale: pixelsHigh / page.height)
    Painter(layout: layout).paint(page: 0, into: ctx)
    return ctx.pngBytes()
  }
}
