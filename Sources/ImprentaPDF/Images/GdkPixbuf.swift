import CPangoCairo
import CRsvg
import Foundation

/// Decodes JPEG and GIF (and whatever other gdk-pixbuf loaders are installed) into a Cairo image
/// surface. Returns nil when no loader takes the bytes.
enum GdkPixbufDecoder {
  static func decode(_ bytes: [UInt8]) -> OpaquePointer? {
    guard let loader = gdk_pixbuf_loader_new() else { return nil }
    defer { imprenta_rsvg_unref(UnsafeMutableRawPointer(loader)) }
    var error: UnsafeMutablePointer<GError>? = nil
    let ok = bytes.withUnsafeBufferPointer { gdk_pixbuf_loader_write(loader, $0.baseAddress, gsize($0.count), &error) }
    imprenta_gerror_free(error)
    error = nil
    let closed = gdk_pixbuf_loader_close(loader, &error)
    imprenta_gerror_free(error)
    guard ok != 0, closed != 0, let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else { return nil }
    let w = Int(gdk_pixbuf_get_width(pixbuf)), h = Int(gdk_pixbuf_get_height(pixbuf))
    let stride = Int(gdk_pixbuf_get_rowstride(pixbuf)), channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
    let alpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
    guard let src = gdk_pixbuf_get_pixels(pixbuf), w > 0, h > 0 else { return nil }
    let surface = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(w), Int32(h))
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let dst = cairo_image_surface_get_data(surface) else {
      cairo_surface_destroy(surface)
      return nil
    }
    cairo_surface_flush(surface)
    let dstStride = Int(cairo_image_surface_get_stride(surface))
    for row in 0..<h {
      let s = src + row * stride
      let d = UnsafeMutableRawPointer(dst + row * dstStride).assumingMemoryBound(to: UInt32.self)
      for col in 0..<w {
        let p = s + col * channels
        var r = UInt32(p[0]), g = UInt32(p[1]), b = UInt32(p[2])
        var a: UInt32 = 255
        if alpha {
          a = UInt32(p[3])
          r = (r * a + 127) / 255
          g = (g * a + 127) / 255
          b = (b * a + 127) / 255
        }
        d[col] = a << 24 | r << 16 | g << 8 | b
      }
    }
    cairo_surface_mark_dirty(surface)
    return surface
  }
}
