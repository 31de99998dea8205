import CPangoCairo
import Testing

@testable import ImprentaPDF

/// A font's metrics measured without Pango's sample layout (`FontMetricsGuard.measured`) are the
/// ones Pango measures with it: ascent, descent, height, underline and strike-through, and the
/// approximate character and digit widths from the language's sample text.
@Suite struct FontMetricsTests {
  /// Family (with its weight or slant), size in points, language, and whether the font has every
  /// character of the language's sample (Noto Sans has no Hebrew, Noto Color Emoji no letters:
  /// Pango measures those itself, falling back to other fonts for the sample).
  @Test(arguments: [
    ("Noto Serif", 10.5, "es", true), ("Noto Serif Bold", 10.5, "es", true), ("Noto Serif Italic", 8.5, "es", true),
    ("Noto Sans Bold", 26.0, "es", true), ("DejaVu Sans", 9.0, "en", true), ("DejaVu Serif", 12.0, "de", true),
    ("DejaVu Sans Mono", 8.5, "fr", true), ("Noto Sans CJK SC", 10.0, "zh-cn", true), ("Noto Serif", 14.0, "c", true),
    ("Noto Sans", 11.0, "he", false), ("Noto Color Emoji", 10.5, "und-zsye", false),
  ])
  func measuredAsPangoMeasures(family: String, size: Double, language tag: String, measuredHere: Bool) throws {
    let engine = TextEngine()
    let description = pango_font_description_new()
    defer { pango_font_description_free(description) }
    pango_font_description_set_family(description, family.split(separator: " ").prefix { !["Bold", "Italic"].contains($0) }.joined(separator: " "))
    if family.hasSuffix("Bold") { pango_font_description_set_weight(description, PANGO_WEIGHT_BOLD) }
    if family.hasSuffix("Italic") { pango_font_description_set_style(description, PANGO_STYLE_ITALIC) }
    pango_font_description_set_absolute_size(description, size * pangoScale)
    let font = try #require(pango_font_map_load_font(engine.fontMap, engine.context, description))
    defer { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    let language = pango_language_from_string(tag)
    let measured = FontMetricsGuard.measured(font, language: language)
    #expect((measured != nil) == measuredHere, "\(family) \(tag)")
    guard let mine = measured else { return }
    defer { pango_font_metrics_unref(mine) }
    let theirs = try #require(FontMetricsGuard.measuredByPango(font, language: language))
    defer { pango_font_metrics_unref(theirs) }
    let (a, b) = (mine.pointee, theirs.pointee)
    #expect(a.ascent == b.ascent && a.descent == b.descent && a.height == b.height, "\(family) \(tag)")
    #expect(a.underline_position == b.underline_position && a.underline_thickness == b.underline_thickness, "\(family) \(tag)")
    #expect(a.strikethrough_position == b.strikethrough_position && a.strikethrough_thickness == b.strikethrough_thickness, "\(family) \(tag)")
    #expect(a.approximate_char_width == b.approximate_char_width, "\(family) \(tag): \(a.approximate_char_width) \(b.approximate_char_width)")
    #expect(a.approximate_digit_width == b.approximate_digit_width, "\(family) \(tag)")
    #expect(a.approximate_char_width > 0 && a.ascent > 0)
  }

  @Test func repeatedQuestionsGetTheSameMetrics() throws {
    // The guard keeps what it measured: asked again, the same values.
    let engine = TextEngine()
    let description = pango_font_description_from_string("Noto Serif 10.5px")
    defer { pango_font_description_free(description) }
    let font = try #require(pango_font_map_load_font(engine.fontMap, engine.context, description))
    defer { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    let language = pango_language_from_string("es")
    let first = try #require(pango_font_get_metrics(font, language))
    defer { pango_font_metrics_unref(first) }
    let again = try #require(pango_font_get_metrics(font, language))
    defer { pango_font_metrics_unref(again) }
    #expect(first.pointee.approximate_char_width == again.pointee.approximate_char_width && first.pointee.height == again.pointee.height)
    #expect(first.pointee.approximate_char_width > 0)
  }
}
