import CPangoCairo
import CRsvg

/// An SVG document parsed by librsvg from memory (so nothing outside it is loaded), drawn as vectors.
final class SVGImage {
  private let handle: UnsafeMutablePointer<RsvgHandle>
  /// The intrinsic size in points (96 dpi CSS pixels), or a default when the file does not say.
  let width: Double
  let height: Double

  init?(bytes: [UInt8]) {
    var error: UnsafeMutablePointer<GError>? = nil
    guard let h = bytes.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
      imprenta_gerror_free(error)
      return nil
    }
    handle = h
    rsvg_handle_set_dpi(h, 96)
    var w = 0.0, hh = 0.0
    if rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) != 0, w > 0, hh > 0 {
      width = w * 0.75
      height = hh * 0.75
    } else {
      width = 300
      height = 150
    }
  }

  deinit { imprenta_rsvg_unref(UnsafeMutableRawPointer(handle)) }

  /// Draws the document into `rect` of the Cairo context `cr` (an opaque `cairo_t*`).
  func render(into cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double) {
    var viewport = RsvgRectangle(x: x, y: y, width: width, height: height)
    var error: UnsafeMutablePointer<GError>? = nil
    _ = rsvg_handle_render_document(handle, cr, &viewport, &error)
    imprenta_gerror_free(error)
  }
}
