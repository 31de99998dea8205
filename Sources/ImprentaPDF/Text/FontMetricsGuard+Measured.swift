import CPangoCairo

/// A font's metrics measured as Pango 1.50 measures them (`_pango_cairo_font_get_metrics`), but
/// without its sample layout.
///
/// Pango lays out a sample text of the language in a font set of the font's own family to find
/// the approximate character and digit widths: a font set asks fontconfig to match and sort
/// every installed font for that description (11 of the 26 sorts a seed-site PDF made, and a
/// layout of the sample each). The sample here is shaped with the font itself, as that layout
/// shapes it when the font has every character of it (one item, positions rounded to whole
/// units, the context's default); the rest is the font's own tables, read through HarfBuzz as
/// Pango reads them. A font with a transform, a sample it lacks a character of, or a sample of
/// several scripts is measured by Pango (`nil` here).
extension FontMetricsGuard {
  static func measured(_ font: UnsafeMutablePointer<PangoFont>, language: OpaquePointer?) -> UnsafeMutablePointer<PangoFontMetrics>? {
    guard let hb = pango_font_get_hb_font(font) else { return nil }
    // A transformed face (synthetic slant, a matrix from the configuration) scales the ascent.
    if let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) {
      var matrix: UnsafeMutablePointer<FcMatrix>? = nil
      if FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch, let m = matrix?.pointee,
        m.xx != 1 || m.xy != 0 || m.yx != 0 || m.yy != 1
      {
        return nil
      }
    }
    guard let sample = pango_language_get_sample_string(language) else { return nil }
    let sampleText = String(cString: sample)
    guard let charWidth = sampleWidth(font, sampleText, language: language), let digitWidth = maxGlyphWidth(font, "0123456789", language: language)
    else { return nil }
    let units = Int(strwidth(sampleText))
    guard units > 0 else { return nil }

    var extents = hb_font_extents_t()
    hb_font_get_extents_for_direction(hb, HB_DIRECTION_LTR, &extents)
    let raw = g_slice_alloc0(gsize(MemoryLayout<PangoFontMetrics>.size))!
    let metrics = raw.assumingMemoryBound(to: PangoFontMetrics.self)
    metrics.pointee.ref_count = 1
    metrics.pointee.descent = -extents.descender
    metrics.pointee.ascent = extents.ascender
    metrics.pointee.height = extents.ascender - extents.descender + extents.line_gap
    metrics.pointee.underline_thickness = Int32(pangoScale)
    metrics.pointee.underline_position = -Int32(pangoScale)
    metrics.pointee.strikethrough_thickness = Int32(pangoScale)
    metrics.pointee.strikethrough_position = metrics.pointee.ascent / 2
    func table(_ tag: hb_ot_metrics_tag_t, _ set: (Int32) -> Void) {
      var position: hb_position_t = 0
      if hb_ot_metrics_get_position(hb, tag, &position) != 0, position != 0 { set(position) }
    }
    table(HB_OT_METRICS_TAG_UNDERLINE_SIZE) { metrics.pointee.underline_thickness = $0 }
    table(HB_OT_METRICS_TAG_UNDERLINE_OFFSET) { metrics.pointee.underline_position = $0 }
    table(HB_OT_METRICS_TAG_STRIKEOUT_SIZE) { metrics.pointee.strikethrough_thickness = $0 }
    table(HB_OT_METRICS_TAG_STRIKEOUT_OFFSET) { metrics.pointee.strikethrough_position = $0 }
    metrics.pointee.approximate_char_width = Int32(Int(charWidth) / units)
    metrics.pointee.approximate_digit_width = digitWidth
    return metrics
  }

  /// The glyphs of `text` in `font` alone (nil when the font lacks one of its characters or the
  /// text is of more than one script), positions rounded as a new context rounds them.
  private static func shaped(_ font: UnsafeMutablePointer<PangoFont>, _ text: String, language: OpaquePointer?) -> UnsafeMutablePointer<PangoGlyphString>? {
    var script = PANGO_SCRIPT_COMMON
    for scalar in text.unicodeScalars {
      guard pango_font_has_char(font, scalar.value) != 0 else { return nil }
      let s = pango_script_for_unichar(scalar.value)
      if s == PANGO_SCRIPT_COMMON || s == PANGO_SCRIPT_INHERITED { continue }
      if script != PANGO_SCRIPT_COMMON && s != script { return nil }
      script = s
    }
    guard let glyphs = pango_glyph_string_new() else { return nil }
    var analysis = PangoAnalysis()
    analysis.font = font
    analysis.level = 0
    analysis.gravity = UInt8(PANGO_GRAVITY_SOUTH.rawValue)
    analysis.script = UInt8(script.rawValue)
    analysis.language = language
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { c in
        pango_shape_with_flags(c.baseAddress, Int32(c.count), c.baseAddress, Int32(c.count), &analysis, glyphs, PANGO_SHAPE_ROUND_POSITIONS)
      }
    }
    return glyphs
  }

  private static func sampleWidth(_ font: UnsafeMutablePointer<PangoFont>, _ text: String, language: OpaquePointer?) -> Int32? {
    guard let glyphs = shaped(font, text, language: language) else { return nil }
    defer { pango_glyph_string_free(glyphs) }
    return pango_glyph_string_get_width(glyphs)
  }

  private static func maxGlyphWidth(_ font: UnsafeMutablePointer<PangoFont>, _ text: String, language: OpaquePointer?) -> Int32? {
    guard let glyphs = shaped(font, text, language: language) else { return nil }
    defer { pango_glyph_string_free(glyphs) }
    var widest: Int32 = 0
    for i in 0..<Int(glyphs.pointee.num_glyphs) { widest = max(widest, glyphs.pointee.glyphs[i].geometry.width) }
    return widest
  }

  /// Columns of `text` as Pango counts them (`pango_utf8_strwidth`): none for a zero-width
  /// character, two for a wide one.
  private static func strwidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { n, s in
      if g_unichar_iszerowidth(s.value) != 0 { return n }
      return n + (g_unichar_iswide(s.value) != 0 ? 2 : 1)
    }
  }
}
