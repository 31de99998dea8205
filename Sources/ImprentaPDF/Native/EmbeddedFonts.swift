import CPangoCairo
import Foundation

/// The fonts of a natively written PDF: each font file (HarfBuzz face) the pages use becomes one
/// composite font (Type 0, Identity-H) whose character codes are the font's own glyph ids, so a
/// page's text is written as the shaper placed it. When the pages are done each face is subset
/// with HarfBuzz's `hb-subset` to the glyphs used (layout tables and hinting dropped) and
/// embedded (`FontFile2`) with its widths, a `CIDToGIDMap` from the original ids to the subset's,
/// and a ToUnicode map of each glyph's text.
///
/// Faces the native writer cannot embed faithfully — colour glyphs (emoji), CFF outlines,
/// variable instances other than the default, synthetic bold or slant — are reported through
/// `unsupported`, and the PDF is written through Cairo instead.
final class EmbeddedFonts {
  final class Face {
    /// The Type 0 font's object number (reserved when the face is first used).
    let number: Int
    /// The page resource name (`F1`, `F2`, …).
    let resource: String
    let face: OpaquePointer
    /// The face at its design size (advances in font units).
    let font: OpaquePointer
    let upem: Double
    // The tables below are read for every glyph painted, by the one thread that writes the
    // document: no dynamic exclusivity check (three a glyph, some 60 instructions each).

    /// The character code (CID) of each glyph used, by glyph id (0: not used yet): numbered in
    /// the order glyphs are first used, so a Latin text's codes stay under 256 and compress well.
    @exclusivity(unchecked) private var codes: [UInt16]
    /// Each code's glyph id (index: code - 1).
    @exclusivity(unchecked) private(set) var glyphs: [UInt32] = []
    /// Width in 1/1000 em of each code's glyph (index: code - 1).
    @exclusivity(unchecked) private(set) var widths: [Double] = []
    /// The text (UTF-8) of each code's glyph, as first seen standing alone for its cluster (index:
    /// code - 1; empty: none yet).
    @exclusivity(unchecked) var texts: [[UInt8]] = []

    /// `BT /F1 `: what starts a text object in this font.
    let selectPrefix: [UInt8]

    /// A colour bitmap font (Noto Color Emoji: PNG glyphs, no outlines): its glyphs are painted as
    /// images and the font is not embedded.
    let bitmapOnly: Bool

    /// CID-keyed CFF outlines (Noto CJK): a CIDFontType0 font whose codes are the glyphs' CIDs,
    /// here their ids (`CFFCharset`); TrueType fonts' codes are numbered by first use.
    let cff: Bool

    init(number: Int, resource: String, face: OpaquePointer, bitmapOnly: Bool = false, cff: Bool = false) {
      self.bitmapOnly = bitmapOnly
      self.cff = cff
      self.number = number
      self.resource = resource
      selectPrefix = Array("BT /\(resource) ".utf8)
      self.face = hb_face_reference(face)
      font = hb_font_create(face)
      upem = Double(max(16, hb_face_get_upem(face)))
      codes = [UInt16](repeating: 0, count: Int(hb_face_get_glyph_count(face)) + 1)
    }

    deinit {
      hb_font_destroy(font)
      hb_face_destroy(face)
    }

    /// The code of `glyph` (numbered and measured when it is first used), or nil when the face
    /// has used up its 65,535 codes.
    @inline(__always)
    func code(_ glyph: UInt32) -> UInt16? {
      let g = Int(glyph)
      if g < codes.count, codes[g] != 0 { return codes[g] }
      return newCode(glyph)
    }

    private func newCode(_ glyph: UInt32) -> UInt16? {
      guard glyphs.count < 65_535, Int(glyph) < codes.count else { return nil }
      glyphs.append(glyph)
      widths.append((Double(hb_font_get_glyph_h_advance(font, glyph)) * 10_000 / upem).rounded() / 10)
      texts.append([])
      let c = UInt16(glyphs.count)
      codes[Int(glyph)] = c
      return c
    }

    /// The character code written for `code` into content streams and the font's maps.
    @inline(__always)
    func wire(_ code: UInt16) -> UInt16 { cff ? UInt16(truncatingIfNeeded: glyphs[Int(code) - 1]) : code }

    /// The width of the glyph of `code` in 1/1000 em.
    func width(code: UInt16) -> Double { widths[Int(code) - 1] }
  }

  /// A Pango font as the pages use it: its face and size.
  struct Use {
    let face: Face
    let size: Double
    /// A synthetic slant (fontconfig's oblique for a family without italics): the text matrix's
    /// shear, x moved per unit of height.
    var shear = 0.0
    /// Synthetic bold: the outlines stroked as well as filled, as FreeType emboldens them.
    var embolden = false
  }

  private var byFont: [UnsafeMutableRawPointer: Use?] = [:]
  private var byFace: [String: Face] = [:]
  private(set) var faces: [Face] = []
  /// Why the document cannot be written natively (the first reason found), or nil.
  var unsupported: String?

  /// The face and size `font` sets text in, or nil (and `unsupported` set) when it cannot be
  /// embedded natively.
  func use(_ font: UnsafeMutablePointer<PangoFont>, writer: PDFFileWriter) -> Use? {
    let key = UnsafeMutableRawPointer(font)
    if let known = byFont[key] { return known }
    let use = makeUse(font, writer: writer)
    // Held until the file is written: a font freed meanwhile could leave its address to another.
    imprenta_g_object_ref(key)
    byFont[key] = use
    return use
  }

  deinit {
    for key in byFont.keys { imprenta_g_object_unref(key) }
  }

  private func refuse(_ reason: String) -> Use? {
    if unsupported == nil { unsupported = reason }
    return nil
  }

  private func makeUse(_ font: UnsafeMutablePointer<PangoFont>, writer: PDFFileWriter) -> Use? {
    guard let hbFont = pango_font_get_hb_font(font), let face = hb_font_get_face(hbFont) else { return refuse("a font without a HarfBuzz face") }
    guard let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return refuse("a font Cairo cannot scale") }
    var matrix = cairo_matrix_t()
    cairo_scaled_font_get_font_matrix(scaled, &matrix)
    // Cairo's font matrix maps glyph space (y down) to the page; a shear is a synthetic slant.
    guard matrix.yx == 0, abs(matrix.xx - matrix.yy) < 1e-6, matrix.xx > 0, abs(matrix.xy) < matrix.xx else { return refuse("a rotated font") }
    var embolden = false
    let name = Self.postScriptName(face)
    // One embedded font per font file and face index, whichever thread's font map loaded it.
    var faceKey = "\(UInt(bitPattern: UnsafeMutableRawPointer(face)))"
    if let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) {
      var bold: FcBool = 0
      if FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &bold) == FcResultMatch, bold != 0 { embolden = true }
      var file: UnsafeMutablePointer<FcChar8>? = nil
      var index: Int32 = 0
      if FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file {
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        faceKey = String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)) + "#\(index)"
      }
    }
    if hb_ot_color_has_layers(face) != 0 || hb_ot_color_has_svg(face) != 0 { return refuse("colour glyphs in layers or SVG (\(name))") }
    let bitmapOnly = hb_ot_color_has_png(face) != 0
    var cff = false
    if !bitmapOnly {
      if Self.hasTable(face, "CFF2") { return refuse("CFF2 outlines (\(name))") }
      if Self.hasTable(face, "CFF ") {
        // Only a CID-keyed CFF whose CIDs are its glyph ids (Adobe-Identity-0: Noto CJK).
        guard let cids = CFFCharset.cids(Self.table(face, "CFF ")), cids.enumerated().allSatisfy({ UInt16(truncatingIfNeeded: $0.offset) == $0.element }) else {
          return refuse("CFF outlines not keyed by glyph id (\(name))")
        }
        cff = true
      } else if !Self.hasTable(face, "glyf") {
        return refuse("no TrueType outlines (\(name))")
      }
    }
    var coordCount: UInt32 = 0
    if let coords = hb_font_get_var_coords_normalized(hbFont, &coordCount), coordCount > 0,
      (0..<Int(coordCount)).contains(where: { coords[$0] != 0 })
    {
      return refuse("a variable font instance (\(name))")
    }
    let embedded: Face
    if let known = byFace[faceKey] {
      embedded = known
    } else {
      embedded = Face(number: writer.reserve(), resource: "F\(faces.count + 1)", face: face, bitmapOnly: bitmapOnly, cff: cff)
      byFace[faceKey] = embedded
      faces.append(embedded)
    }
    return Use(face: embedded, size: matrix.xx, shear: -matrix.xy / matrix.xx, embolden: embolden)
  }

  static func tag(_ s: String) -> hb_tag_t {
    let b = Array(s.utf8)
    return (UInt32(b[0]) << 24) | (UInt32(b[1]) << 16) | (UInt32(b[2]) << 8) | UInt32(b[3])
  }

  static func hasTable(_ face: OpaquePointer, _ name: String) -> Bool {
    let blob = hb_face_reference_table(face, tag(name))
    defer { hb_blob_destroy(blob) }
    return hb_blob_get_length(blob) > 0
  }

  static func table(_ face: OpaquePointer, _ name: String) -> [UInt8] {
    let blob = hb_face_reference_table(face, tag(name))
    defer { hb_blob_destroy(blob) }
    var length: UInt32 = 0
    guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
    return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
  }

  /// The face's PostScript name with only the characters a PDF name may hold plainly.
  static func postScriptName(_ face: OpaquePointer) -> String {
    var buffer = [CChar](repeating: 0, count: 128)
    var size = UInt32(buffer.count)
    _ = hb_ot_name_get_utf8(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME), nil, &size, &buffer)
    var name = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    name = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }.map(Character.init))
    return name.isEmpty ? "Font" : String(name.prefix(60))
  }
}
