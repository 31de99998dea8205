import CPangoCairo
import ImprentaStyle

/// Drawing calls print production needs beyond what page items use: clipping an imposed page to
/// its place on the sheet, page labels, and the shapes of printer's marks.
extension CairoContext {
  func save() { cairo_save(cr) }
  func restore() { cairo_restore(cr) }

  /// Clips everything drawn until `restore()` to `r`.
  func clip(_ r: Rect) {
    cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    cairo_clip(cr)
  }

  /// The label PDF readers show for the current page (`i`, `ii`, `1`, …).
  func setPageLabel(_ label: String) {
    if isPDF { cairo_pdf_surface_set_page_label(surface, label) }
  }

  func circle(x: Double, y: Double, radius: Double, width: Double, color: Color) {
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    cairo_set_line_width(cr, width)
    cairo_new_sub_path(cr)
    cairo_arc(cr, x, y, radius, 0, 2 * .pi)
    cairo_stroke(cr)
  }

  func dash(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color) {
    var pattern: [Double] = [2, 2]
    cairo_set_dash(cr, &pattern, 2, 0)
    line(x0: x0, y0: y0, x1: x1, y1: y1, width: width, color: color)
    cairo_set_dash(cr, nil, 0, 0)
  }
}
