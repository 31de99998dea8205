import CPangoCairo

/// The pictures of a natively written PDF as XObjects, each written once however often it is
/// painted: bitmaps (by their source), SVG images as forms (by image and placed size), and the
/// colour glyphs of emoji fonts (by font and glyph, with the glyph's extents).
final class NativeXObjects {
  struct XObject {
    let number: Int
    let name: String
  }

  private struct FormKey: Hashable {
    var svg: ObjectIdentifier
    var width: Double
    var height: Double
  }

  private struct GlyphKey: Hashable {
    var face: Int
    var glyph: UInt32
  }

  private var bitmaps: [ObjectIdentifier: XObject] = [:]
  private var forms: [FormKey: XObject] = [:]
  private var glyphs: [GlyphKey: (object: XObject, extents: hb_glyph_extents_t)?] = [:]

  /// The bitmap of `source`, or nil when it cannot be decoded.
  func bitmap(_ source: BitmapSource, writer: PDFFileWriter) -> XObject? {
    let key = ObjectIdentifier(source)
    if let known = bitmaps[key] { return known }
    guard let number = NativeImages.write(source, into: writer) else { return nil }
    let object = XObject(number: number, name: "Im\(bitmaps.count + 1)")
    bitmaps[key] = object
    return object
  }

  /// `svg` drawn by librsvg at `width` × `height` points, or nil when Cairo's PDF of it cannot be
  /// read back.
  func form(_ svg: SVGImage, width: Double, height: Double, writer: PDFFileWriter) -> XObject? {
    let key = FormKey(svg: ObjectIdentifier(svg), width: (width * 100).rounded(), height: (height * 100).rounded())
    if let known = forms[key] { return known }
    guard let number = ImportedPage.svgForm(svg, width: width, height: height, into: writer) else { return nil }
    let object = XObject(number: number, name: "Fm\(forms.count + 1)")
    forms[key] = object
    return object
  }

  /// The picture of a colour glyph (PNG in the font) and its extents in font units, or nil when
  /// the glyph has none.
  func colorGlyph(_ glyph: UInt32, face: EmbeddedFonts.Face, writer: PDFFileWriter) -> (object: XObject, extents: hb_glyph_extents_t)? {
    let key = GlyphKey(face: face.number, glyph: glyph)
    if let known = glyphs[key] { return known }
    var result: (object: XObject, extents: hb_glyph_extents_t)? = nil
    let blob = hb_ot_color_glyph_reference_png(face.font, glyph)
    defer { hb_blob_destroy(blob) }
    var length: UInt32 = 0
    var extents = hb_glyph_extents_t()
    if let data = hb_blob_get_data(blob, &length), length > 0, hb_font_get_glyph_extents(face.font, glyph, &extents) != 0, extents.width != 0, extents.height != 0 {
      let png = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
      if let header = ImageHeader(png), let number = NativeImages.write(BitmapSource(bytes: png, header: header), into: writer) {
        result = (XObject(number: number, name: "Em\(glyphs.count)"), extents)
      }
    }
    glyphs[key] = result
    return result
  }
}
