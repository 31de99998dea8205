import CPangoCairo
import Foundation

/// A bitmap as a Cairo image surface, made when it is painted and destroyed after.
///
/// A JPEG going into a PDF is never decoded: its surface is an empty recording surface of the
/// image's size (no pixels at all) carrying the JPEG bytes as MIME data, which the PDF surface
/// embeds as they are (DCTDecode). Every surface of one image carries the same unique id, so the PDF holds
/// the image once however often it is painted.
final class CairoImage {
  let surface: OpaquePointer
  let width: Int
  let height: Int

  /// Decodes `bytes`, or for `embedOnly` (a JPEG the PDF embeds) only sizes a blank surface.
  init?(bytes: [UInt8], header: ImageHeader, uniqueID: String, embedOnly: Bool = false) {
    var s: OpaquePointer?
    if embedOnly {
      var extents = cairo_rectangle_t(x: 0, y: 0, width: Double(header.width), height: Double(header.height))
      s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents)
    } else {
      switch header.format {
      case .png: s = CairoImage.decodePNG(bytes)
      case .jpeg, .gif, .webp: s = GdkPixbufDecoder.decode(bytes)
      case .svg: s = nil
      }
    }
    guard let surface = s else { return nil }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(surface)
      return nil
    }
    if header.format == .jpeg { CairoImage.attach(bytes, as: CAIRO_MIME_TYPE_JPEG, to: surface) }
    CairoImage.attach(Array(uniqueID.utf8), as: CAIRO_MIME_TYPE_UNIQUE_ID, to: surface)
    self.surface = surface
    width = embedOnly ? header.width : Int(cairo_image_surface_get_width(surface))
    height = embedOnly ? header.height : Int(cairo_image_surface_get_height(surface))
  }

  deinit { cairo_surface_destroy(surface) }

  private static func attach(_ bytes: [UInt8], as type: String, to surface: OpaquePointer) {
    guard !bytes.isEmpty, let copy = malloc(bytes.count) else { return }
    bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
    let freeData: @convention(c) (UnsafeMutableRawPointer?) -> Void = { free($0) }
    cairo_surface_set_mime_data(surface, type, copy.assumingMemoryBound(to: UInt8.self), UInt(bytes.count), freeData, copy)
  }

  private final class Reader {
    let bytes: [UInt8]
    var offset = 0
    init(_ b: [UInt8]) { bytes = b }
  }

  private static func decodePNG(_ bytes: [UInt8]) -> OpaquePointer? {
    let reader = Reader(bytes)
    let read: cairo_read_func_t = { closure, data, length in
      let r = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
      let n = Int(length)
      guard r.offset + n <= r.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
      r.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + r.offset, count: n) }
      r.offset += n
      return CAIRO_STATUS_SUCCESS
    }
    return withExtendedLifetime(reader) {
      cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
    }
  }
}
