import CPangoCairo

/// Bitmaps as image XObjects: a JPEG of 1, 3 or 4 components as it is (`/DCTDecode`, never
/// decoded), anything else decoded once to 8-bit RGB with its alpha as a soft mask, both
/// compressed. Each image is written once however often it is painted.
enum NativeImages {
  /// Writes `source` and returns its object number, or nil when it cannot be decoded.
  static func write(_ source: BitmapSource, into writer: PDFFileWriter) -> Int? {
    let header = source.header
    if source.embedsAsIs {
      let number = writer.reserve()
      let space: String
      switch header.components {
      case 1: space = "/DeviceGray"
      case 4: space = "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]"
      default: space = "/DeviceRGB"
      }
      writer.streamBody(
        number, entries: "/Type /XObject /Subtype /Image /Width \(header.width) /Height \(header.height) /ColorSpace \(space) /BitsPerComponent 8 /Interpolate true",
        payload: source.bytes, filter: "/DCTDecode")
      return number
    }
    guard let (width, height, rgb, alpha, gray) = pixels(source) else { return nil }
    let number = writer.reserve()
    // A grey picture (a scan, a chart in greys) is one channel, a third of the data.
    var entries = "/Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace \(gray ? "/DeviceGray" : "/DeviceRGB") /BitsPerComponent 8 /Interpolate true"
    if let alpha {
      let mask = writer.reserve()
      writer.stream(mask, entries: "/Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Interpolate true", data: alpha)
      entries += " /SMask \(mask) 0 R"
    }
    writer.stream(number, entries: entries, data: rgb)
    return number
  }

  /// The bitmap decoded (and its Cairo surface freed again): 8-bit RGB, or grey when every pixel
  /// is, and its alpha channel when any pixel is translucent.
  private static func pixels(_ source: BitmapSource) -> (Int, Int, [UInt8], [UInt8]?, Bool)? {
    guard let image = source.surface(forPDF: false) else { return nil }
    let surface = image.surface
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let format = cairo_image_surface_get_format(surface)
    guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface),
      format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24
    else { return nil }
    let hasAlpha = format == CAIRO_FORMAT_ARGB32
    func pixel(_ row: Int, _ col: Int) -> UInt32 { UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)[col] }
    // A first pass finds what the picture needs (grey or colour, alpha or not), so only those
    // channels are ever allocated: a 100-megapixel grey scan is 100 MB beside Cairo's 400.
    var gray = true, translucent = false
    for row in 0..<height where gray || !translucent {
      for col in 0..<width {
        let p = pixel(row, col)
        if hasAlpha && p >> 24 != 0xFF { translucent = true }
        if gray && (((p >> 16) & 0xFF) != ((p >> 8) & 0xFF) || ((p >> 8) & 0xFF) != (p & 0xFF)) { gray = false }
        if !gray && translucent { break }
      }
    }
    let channels = gray ? 1 : 3
    var color = [UInt8](repeating: 0, count: width * height * channels)
    var alpha = translucent ? [UInt8](repeating: 255, count: width * height) : []
    for row in 0..<height {
      for col in 0..<width {
        let p = pixel(row, col)
        let a = hasAlpha ? Int(p >> 24) : 255
        var r = Int((p >> 16) & 0xFF), g = Int((p >> 8) & 0xFF), b = Int(p & 0xFF)
        // Cairo's pixels are premultiplied.
        if a > 0 && a < 255 {
          r = min(255, (r * 255 + a / 2) / a)
          g = min(255, (g * 255 + a / 2) / a)
          b = min(255, (b * 255 + a / 2) / a)
        }
        let i = row * width + col
        if gray {
          color[i] = UInt8(r)
        } else {
          color[3 * i] = UInt8(r)
          color[3 * i + 1] = UInt8(g)
          color[3 * i + 2] = UInt8(b)
        }
        if translucent { alpha[i] = UInt8(a) }
      }
    }
    return (width, height, color, translucent ? alpha : nil, gray)
  }
}
