import CPangoCairo
import Foundation
import ImprentaModel
import ImprentaStyle

let pangoScale: Double = 1024  // PANGO_SCALE (a literal: no lazy global to initialise on every use)

/// A resolved font: what Pango needs to pick faces.
struct FontSpec: Hashable {
  var family: String
  var size: Double
  var weight: Int
  var italic: Bool
  var color: Color

  init(family: [String], size: Double, weight: Int = 400, italic: Bool = false, color: Color = .black) {
    self.family = family.joined(separator: ",")
    self.size = size
    self.weight = weight
    self.italic = italic
    self.color = color
  }

  static func weight(_ text: String) -> Int {
    switch text {
    case "bold": return 700
    case "normal": return 400
    default: return Int(text) ?? 400
    }
  }
}

/// How a block of text is set: font, width, alignment, line pitch.
struct ParagraphFormat: Hashable {
  var font: FontSpec
  var width: Double
  var align: TextAlignment = .left
  /// Line pitch as a multiple of the font size.
  var lineHeight: Double = 1.4
  /// Indent of the first line (negative for hanging indents).
  var firstLineIndent: Double = 0
  /// Break anywhere when a word does not fit (code).
  var breakAnywhere = false
  /// The paragraph's base direction; nil takes the document's (`PDFLayouter.lineSlices`).
  /// Right to left: every line is ordered from the right and `left`/`right` alignment mean the
  /// start and the end of the line, so they swap sides.
  var direction: WritingDirection? = nil
  /// The text's language (BCP 47), or empty: Pango picks fallback fonts and glyph forms by it
  /// (Han characters take Chinese, Japanese or Korean shapes).
  var language = ""
  /// Optical margin alignment: the fraction of a line-final hyphen's, period's, comma's or
  /// quote's width that hangs into the margin (0: none).
  var protrusion = 0.0
  /// At most this many lines in a row end with a hyphen (0: no limit).
  var consecutiveHyphens = 2
}

/// The metrics of one line of a shaped block, in points from the layout's top-left corner.
struct LineMetrics {
  var start: Int
  var length: Int
  var x: Double
  var width: Double
  var top: Double
  var height: Double
  var baseline: Double
}

/// Owns the Pango context every block is shaped with: hinting off so the measures are the PDF's,
/// 72 dpi so one Pango point is one PDF point. The font map is the thread's own default (Pango
/// keeps one per thread, for the thread's life): a document no longer creates and destroys a font
/// map of its own, which cost fontconfig set-up per PDF and, when documents were written in
/// parallel, freed fonts another thread's Cairo surface could still reach (a rare crash inside
/// FreeType under the parallel test suite).
final class TextEngine {
  let fontMap: UnsafeMutablePointer<PangoFontMap>
  let context: OpaquePointer
  /// The same set-up with a right-to-left base direction, for right-to-left paragraphs (Pango
  /// reads the base direction from the context, not the layout).
  let rtlContext: OpaquePointer

  init() {
    fontMap = pango_cairo_font_map_get_default()
    // The contexts Pango makes itself (to measure a font `FontMetricsGuard.measured` leaves to
    // it) at the resolution of ours: their font patterns are then the same as ours
    // (`FontMatchCache`).
    pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
    context = TextEngine.makeContext(fontMap)
    rtlContext = TextEngine.makeContext(fontMap)
    pango_context_set_base_dir(rtlContext, PANGO_DIRECTION_RTL)
    FontMetricsGuard.install(fontMap: fontMap, context: context)
  }

  private static func makeContext(_ fontMap: UnsafeMutablePointer<PangoFontMap>) -> OpaquePointer {
    let context = pango_font_map_create_context(fontMap)!
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_cairo_context_set_resolution(context, 72)
    pango_context_set_round_glyph_positions(context, 0)
    return context
  }

  deinit {
    // The font map is the thread's, not ours to release.
    imprenta_g_object_unref(UnsafeMutableRawPointer(context))
    imprenta_g_object_unref(UnsafeMutableRawPointer(rtlContext))
  }

  /// Whether fontconfig lists a font of `family` (names compared as fontconfig compares them:
  /// case and spaces ignored). Listing is a scan of names; loading a font to see what comes
  /// back (`matchedFamily`) had Pango match and sort every installed font for the description.
  func isInstalled(_ family: String) -> Bool {
    guard let pattern = FcPatternCreate() else { return false }
    defer { FcPatternDestroy(pattern) }
    let added = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
    guard added != 0, let objects = FcObjectSetCreate() else { return false }
    defer { FcObjectSetDestroy(objects) }
    _ = FcObjectSetAdd(objects, FC_FAMILY)
    let config = pango_fc_font_map_get_config(OpaquePointer(fontMap))
    guard let list = FcFontList(config, pattern, objects) else { return false }
    defer { FcFontSetDestroy(list) }
    return list.pointee.nfont > 0
  }

  /// The family fontconfig actually picks for the first name of `families`, for fallback warnings.
  func matchedFamily(_ family: String) -> String {
    let desc = pango_font_description_new()
    defer { pango_font_description_free(desc) }
    pango_font_description_set_family(desc, family)
    pango_font_description_set_size(desc, Int32(10 * pangoScale))
    guard let font = pango_font_map_load_font(fontMap, context, desc) else { return "" }
    defer { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    let actual = pango_font_describe(font)
    defer { pango_font_description_free(actual) }
    return pango_font_description_get_family(actual).map { String(cString: $0) } ?? ""
  }

  /// The advance width of `text` set in `font`, on one line.
  func width(of text: String, font: FontSpec) -> Double {
    let block = TextBlock(engine: self, text: { var t = AttributedText(); t.append(text); return t }(), format: ParagraphFormat(font: font, width: -1))
    return block.lines.map(\.width).max() ?? 0
  }
}

/// Makes Pango's font metrics the same whichever threads ask for them.
///
/// Pango 1.50's `_pango_cairo_font_get_metrics` (pangocairo-font.c) guards a recursive call with
/// a process-wide `static int in_get_metrics`: while one thread computes a font's metrics, a
/// second thread computing another font's metrics skips the approximate character width and
/// keeps a cruder value, cached in that font for the rest of its life. Line breaking reads it
/// (three approximate characters are the margin within which break points are measured by
/// shaping), so the same paragraph got different break widths and justified word spaces in two
/// runs: byte-different PDFs (`TJ` numbers) and flaky layout goldens when PDFs were written in
/// parallel. The `get_metrics` method of Pango's Cairo font class is wrapped once per process
/// in a recursive lock, so only one thread at a time is ever inside it.
enum FontMetricsGuard {
  typealias GetMetrics = @convention(c) (UnsafeMutablePointer<PangoFont>?, OpaquePointer?) -> UnsafeMutablePointer<PangoFontMetrics>?

  private static let lock = NSRecursiveLock()
  nonisolated(unsafe) private static var original: GetMetrics?

  /// Metrics already computed, by font (description with its absolute size, Cairo font options,
  /// matrices) and language: shared by the font maps of every thread. Pango caches a font's
  /// metrics in the font object, so the layout's map and the prefetch thread's each measured
  /// the same twenty fonts (a layout of a sample sentence each, matching fonts through
  /// fontconfig while holding this lock): the first 40 ms of the seed site's PDF were the two
  /// threads taking turns here.
  nonisolated(unsafe) private static var known: [String: UnsafeMutablePointer<PangoFontMetrics>] = [:]

  private static let wrapper: GetMetrics = { font, language in
    lock.lock()
    defer { lock.unlock() }
    guard let font, let original else { return original?(font, language) }
    let key = identity(of: font, language: language)
    if let metrics = known[key] { return pango_font_metrics_ref(metrics) }
    // Measured without Pango's sample layout when the font allows (`measured`): the same values.
    let metrics = measured(font, language: language) ?? original(font, language)
    if let metrics { known[key] = pango_font_metrics_ref(metrics) }
    return metrics
  }

  /// The metrics Pango itself measures for `font` (its sample layout), for tests.
  static func measuredByPango(_ font: UnsafeMutablePointer<PangoFont>, language: OpaquePointer?) -> UnsafeMutablePointer<PangoFontMetrics>? {
    lock.lock()
    defer { lock.unlock() }
    return original?(font, language)
  }

  /// What a font's metrics depend on: its description (absolute size included), its face's file,
  /// its Cairo font options and matrices, and the language whose sample text measures it. The
  /// font's part is made once and kept on the font object (it goes with the font).
  private static func identity(of font: UnsafeMutablePointer<PangoFont>, language: OpaquePointer?) -> String {
    fontIdentity(font) + "|" + (language.flatMap { pango_language_to_string($0) }.map { String(cString: $0) } ?? "")
  }

  private static let identityQuark = g_quark_from_string("imprenta-metrics-identity")

  private static func fontIdentity(_ font: UnsafeMutablePointer<PangoFont>) -> String {
    let object = UnsafeMutableRawPointer(font).assumingMemoryBound(to: GObject.self)
    if let known = g_object_get_qdata(object, identityQuark) { return String(cString: known.assumingMemoryBound(to: CChar.self)) }
    let description = pango_font_describe_with_absolute_size(font)
    defer { pango_font_description_free(description) }
    var key = pango_font_description_to_string(description).map { p -> String in
      defer { g_free(p) }
      return String(cString: p)
    } ?? ""
    // The face's file and index: a description names the face fontconfig picked for it, not
    // necessarily the same one in another font map (fonts a site adds, say).
    if let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) {
      var file: UnsafeMutablePointer<FcChar8>? = nil
      var index: Int32 = 0
      if FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file {
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        key += "|" + String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)) + "#\(index)"
      }
    }
    if let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) {
      let options = cairo_font_options_create()
      cairo_scaled_font_get_font_options(scaled, options)
      var ctm = cairo_matrix_t(), matrix = cairo_matrix_t()
      cairo_scaled_font_get_ctm(scaled, &ctm)
      cairo_scaled_font_get_font_matrix(scaled, &matrix)
      key += "|\(cairo_font_options_hash(options))|\(ctm.xx) \(ctm.yx) \(ctm.xy) \(ctm.yy)|\(matrix.xx) \(matrix.yx) \(matrix.xy) \(matrix.yy)"
      cairo_font_options_destroy(options)
    }
    g_object_set_qdata_full(object, identityQuark, g_strdup(key), { g_free($0) })
    return key
  }

  /// Wraps the method on the class of the fonts `fontMap` makes (once; later calls do nothing).
  static func install(fontMap: UnsafeMutablePointer<PangoFontMap>, context: OpaquePointer) {
    lock.lock()
    defer { lock.unlock() }
    guard original == nil else { return }
    let desc = pango_font_description_new()
    defer { pango_font_description_free(desc) }
    pango_font_description_set_family(desc, "serif")
    pango_font_description_set_size(desc, Int32(10 * pangoScale))
    guard let font = pango_font_map_load_font(fontMap, context, desc) else { return }
    defer { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    guard let instanceClass = UnsafeMutableRawPointer(font).assumingMemoryBound(to: GTypeInstance.self).pointee.g_class else { return }
    let fontClass = UnsafeMutableRawPointer(instanceClass).assumingMemoryBound(to: PangoFontClass.self)
    guard let current = fontClass.pointee.get_metrics else { return }
    original = current
    fontClass.pointee.get_metrics = wrapper
  }
}
