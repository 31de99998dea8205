import CPangoCairo
import Foundation
import ImprentaStyle

/// A Cairo drawing context on a PDF surface written into memory, or on an image surface (tests).
final class CairoContext: PaintSurface {
  let surface: OpaquePointer
  let cr: OpaquePointer
  private let sink: Sink?
  let isPDF: Bool
  /// The structure elements Cairo has made, in the order it made them (= the tree's pre-order).
  let structure = StructureLog()
  /// The bitmaps painted on the current page, released when it is written: destroyed earlier,
  /// Cairo would copy each one (its snapshot of the pending page) at once.
  private var pageImages: [CairoImage] = []

  final class Sink {
    var bytes: [UInt8] = []
  }

  /// A PDF surface whose bytes collect in memory; the first page has the given size.
  init(pdfWidth: Double, height: Double) {
    let sink = Sink()
    let write: cairo_write_func_t = { closure, data, length in
      let s = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
      if let data { s.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
      return CAIRO_STATUS_SUCCESS
    }
    surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), pdfWidth, height)
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    cr = cairo_create(surface)
    self.sink = sink
    isPDF = true
  }

  /// An RGB image surface `scale` pixels per point, filled white.
  init(imageWidth: Double, height: Double, scale: Double) {
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((imageWidth * scale).rounded(.up)), Int32((height * scale).rounded(.up)))
    cr = cairo_create(surface)
    cairo_scale(cr, scale, scale)
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    sink = nil
    isPDF = false
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  // MARK: - Document

  func setMetadata(title: String, author: String, subject: String, keywords: String, creator: String) {
    guard isPDF else { return }
    for (key, value) in [
      (CAIRO_PDF_METADATA_TITLE, title), (CAIRO_PDF_METADATA_AUTHOR, author), (CAIRO_PDF_METADATA_SUBJECT, subject),
      (CAIRO_PDF_METADATA_KEYWORDS, keywords), (CAIRO_PDF_METADATA_CREATOR, creator),
    ] where !value.isEmpty {
      cairo_pdf_surface_set_metadata(surface, key, value)
    }
  }

  func setPageSize(width: Double, height: Double) {
    if isPDF { cairo_pdf_surface_set_size(surface, width, height) }
  }

  func showPage() {
    cairo_show_page(cr)
    pageImages.removeAll()
  }

  /// Adds a bookmark to the anchor `id`; returns its id for children.
  func addOutline(parent: Int32, title: String, anchor id: String) -> Int32 {
    guard isPDF else { return 0 }
    return cairo_pdf_surface_add_outline(
      surface, parent, title, "dest=" + PDFStrings.attributeValue(PDFStrings.destinationName(id)), CAIRO_PDF_OUTLINE_FLAG_OPEN)
  }

  /// Finishes the surface and returns the PDF bytes.
  func finish() -> [UInt8] {
    CairoContext.returnFreedMemory()
    cairo_surface_finish(surface)
    pageImages.removeAll()
    return sink?.bytes ?? []
  }

  /// Painting freed every held Pango layout (~110 MB at 1,000 pages) in small pieces that glibc
  /// keeps; `malloc_trim` gives them back before Cairo and qpdf write the file, or they add to the
  /// peak. (Looked up at run time: Swift's Glibc module does not export it.)
  static func returnFreedMemory() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
  }

  var status: String? {
    let s = cairo_surface_status(surface)
    return s == CAIRO_STATUS_SUCCESS ? nil : String(cString: cairo_status_to_string(s))
  }

  // MARK: - Tags

  func beginTag(_ name: String) {
    guard isPDF else { return }
    structure.names.append(name)
    cairo_tag_begin(cr, name, nil)
  }

  func endTag(_ name: String) {
    if isPDF { cairo_tag_end(cr, name) }
  }

  /// One link to the anchor `id` of this PDF over the areas `rects` (the lines of one page).
  func link(_ rects: [Rect], toAnchor id: String) {
    link(rects, attributes: "dest=" + PDFStrings.attributeValue(PDFStrings.destinationName(id)))
  }

  /// One link to a URI (the caller has checked it against `URLPolicy`) over the areas `rects`.
  func link(_ rects: [Rect], uri: String) {
    link(rects, attributes: "uri=" + PDFStrings.attributeValue(PDFStrings.uri(uri)))
  }

  private func link(_ rects: [Rect], attributes: String) {
    guard isPDF, !rects.isEmpty else { return }
    let area = rects.map { "\($0.x) \($0.y) \($0.width) \($0.height)" }.joined(separator: " ")
    structure.names.append(CAIRO_TAG_LINK)
    cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(area)] \(attributes)")
    cairo_tag_end(cr, CAIRO_TAG_LINK)
  }

  /// The named destination of the anchor `id`.
  func destination(_ id: String, y: Double) {
    guard isPDF else { return }
    cairo_tag_begin(cr, CAIRO_TAG_DEST, "name=" + PDFStrings.attributeValue(PDFStrings.destinationName(id)) + " x=0 y=\(max(0, y))")
    cairo_tag_end(cr, CAIRO_TAG_DEST)
  }

  // MARK: - Drawing

  private func source(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

  func fill(_ r: Rect, _ c: Color) {
    source(c)
    cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    cairo_fill(cr)
  }

  func stroke(_ r: Rect, _ c: Color, width: Double) {
    source(c)
    cairo_set_line_width(cr, width)
    cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    cairo_stroke(cr)
  }

  func line(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color) {
    source(color)
    cairo_set_line_width(cr, width)
    cairo_move_to(cr, x0, y0)
    cairo_line_to(cr, x1, y1)
    cairo_stroke(cr)
  }

  func dots(x0: Double, x1: Double, y: Double, color: Color) {
    source(color)
    // `cairo_arc` draws a line from the current point to the arc's start: without a new path the
    // first dot was joined to where the last text left it (a diagonal stroke across the contents).
    cairo_new_path(cr)
    var x = (x0 / 4).rounded(.up) * 4
    while x <= x1 {
      cairo_arc(cr, x, y, 0.45, 0, 2 * .pi)
      cairo_fill(cr)
      x += 4
    }
  }

  /// Draws line `index` of `block` with its start at `x` and its baseline at `baseline`.
  func text(_ block: TextBlock, line index: Int, x: Double, baseline: Double) {
    block.paint(line: index, x: x, baseline: baseline, color: block.format.font.color, with: CairoLinePainter(cr: cr))
    // Lines are painted in order: after the last one the shaped runs are no longer needed.
    if index == block.lines.count - 1 { block.release() }
  }

  func image(_ image: LoadedImage, in r: Rect) {
    switch image.content {
    case .bitmap(let source):
      // Decoded (or, for a JPEG in a PDF, only sized) for this paint and released with the page:
      // at most one page's images are in memory.
      guard let b = source.surface(forPDF: isPDF) else { return }
      pageImages.append(b)
      cairo_save(cr)
      cairo_rectangle(cr, r.x, r.y, r.width, r.height)
      cairo_clip(cr)
      cairo_translate(cr, r.x, r.y)
      cairo_scale(cr, r.width / Double(b.width), r.height / Double(b.height))
      cairo_set_source_surface(cr, b.surface, 0, 0)
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
      cairo_paint(cr)
      cairo_restore(cr)
    case .svg(let svg):
      cairo_save(cr)
      svg.render(into: cr, x: r.x, y: r.y, width: r.width, height: r.height)
      cairo_restore(cr)
    }
  }

  /// The colour of pixel (x, y) of an image surface, as 0xRRGGBB.
  func pixel(x: Int, y: Int) -> UInt32 {
    cairo_surface_flush(surface)
    guard let data = cairo_image_surface_get_data(surface) else { return 0 }
    let stride = Int(cairo_image_surface_get_stride(surface))
    let p = UnsafeRawPointer(data + y * stride + x * 4).assumingMemoryBound(to: UInt32.self)
    return p.pointee & 0xFFFFFF
  }

  /// The PNG bytes of an image surface (a generated cover for an e-book).
  func pngBytes() -> [UInt8] {
    cairo_surface_flush(surface)
    let sink = Sink()
    let write: cairo_write_func_t = { closure, data, length in
      let s = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
      if let data { s.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
      return CAIRO_STATUS_SUCCESS
    }
    let status = withExtendedLifetime(sink) { cairo_surface_write_to_png_stream(surface, write, Unmanaged.passUnretained(sink).toOpaque()) }
    return status == CAIRO_STATUS_SUCCESS ? sink.bytes : []
  }

  /// Writes an image surface as PNG (for looking at test pages).
  func writePNG(to path: String) {
    cairo_surface_write_to_png(surface, path)
  }
}
