import CPangoCairo
import ImprentaStyle

/// Where the pieces of a line of text go (`TextBlock.paint(line:…)` walks the line once for
/// every writer): filled rectangles (backgrounds, underlines), a segment's glyphs, and the hyphen
/// the line breaker added.
protocol LinePainter {
  func fill(_ r: Rect, _ color: Color)
  /// The glyphs of `segment` with their origin at (`x`, `y`); `text` and `bytes` are the
  /// paragraph's text (the segment's clusters index into it).
  func glyphs(_ segment: LineSegment, text: UnsafePointer<CChar>, bytes: [UInt8], x: Double, y: Double, color: Color)
  /// The breaker's hyphen (one glyph), whose text is a soft hyphen.
  func hyphen(_ segment: LineSegment, x: Double, y: Double, color: Color)
}

/// A line painted with Cairo's glyph API (Cairo writes the clusters' text into the PDF).
struct CairoLinePainter: LinePainter {
  let cr: OpaquePointer

  private func source(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

  func fill(_ r: Rect, _ color: Color) {
    source(color)
    cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    cairo_fill(cr)
  }

  func glyphs(_ s: LineSegment, text: UnsafePointer<CChar>, bytes: [UInt8], x: Double, y: Double, color: Color) {
    source(color)
    cairo_move_to(cr, x, y)
    var glyphItem = PangoGlyphItem(item: s.item, glyphs: s.glyphs, y_offset: 0, start_x_offset: 0, end_x_offset: 0)
    pango_cairo_show_glyph_item(cr, text, &glyphItem)
  }

  func hyphen(_ s: LineSegment, x: Double, y: Double, color: Color) {
    source(color)
    guard let font = s.item.pointee.analysis.font, let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return }
    cairo_set_scaled_font(cr, scaled)
    var glyph = cairo_glyph_t(index: UInt(s.glyphs.pointee.glyphs[0].glyph), x: x, y: y)
    var cluster = cairo_text_cluster_t(num_bytes: 2, num_glyphs: 1)
    cairo_show_text_glyphs(cr, "\u{AD}", 2, &glyph, 1, &cluster, 1, cairo_text_cluster_flags_t(rawValue: 0))
  }
}
