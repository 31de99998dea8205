import CPangoCairo
import Foundation
import ImprentaModel
import ImprentaStyle

let pangoScale = Double(imprenta_pango_scale())

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

  private static let wrapper: GetMetrics = { font, language in
    lock.lock()
    defer { lock.unlock() }
    return original?(font, language)
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

/// A shaped block of text: an `AttributedText` set by Pango in a `ParagraphFormat`. The Pango
/// layout made for measuring is kept until the block's last line is painted: laying a paragraph
/// out is the most expensive step of the PDF backend (Pango 1.50 shapes each line several times
/// while it looks for a break), so painting must not do it again. Held layouts cost about 50 MB
/// at 1,000 pages.
final class TextBlock {
  let engine: TextEngine
  let text: AttributedText
  let format: ParagraphFormat
  private(set) var lines: [LineMetrics] = []
  /// Characters no installed font has (Pango set its "unknown glyph" box), with their byte offsets
  /// in `text`, in order.
  private(set) var missingGlyphs: [(index: Int, scalar: Unicode.Scalar)] = []
  private var layout: OpaquePointer?
  private let bytes: [UInt8]

  /// `text` is set with break opportunities in its overlong runs: read links and footnote calls
  /// from `self.text`, whose offsets match the lines'.
  init(engine: TextEngine, text: AttributedText, format: ParagraphFormat) {
    self.engine = engine
    self.text = text.breakingLongRuns()
    self.format = format
    bytes = Array(self.text.string.utf8)
    let l = makeLayout()
    measure(l)
    if pango_layout_get_unknown_glyphs_count(l) > 0 { findMissingGlyphs(l) }
    layout = l
  }

  deinit { release() }

  /// Frees the Pango layout (lines and metrics stay); painting after this lays the block out again.
  func release() {
    if let layout { imprenta_g_object_unref(UnsafeMutableRawPointer(layout)) }
    layout = nil
  }

  /// The live Pango layout, made again if it was released.
  var pangoLayout: OpaquePointer {
    if let layout { return layout }
    let l = makeLayout()
    layout = l
    return l
  }

  private func makeLayout() -> OpaquePointer {
    let rtl = format.direction == .rtl
    let l = pango_layout_new(rtl ? engine.rtlContext : engine.context)!
    // A right-to-left paragraph stays right to left even when it opens with a Latin word.
    if rtl { pango_layout_set_auto_dir(l, 0) }
    let desc = pango_font_description_new()
    pango_font_description_set_family(desc, format.font.family)
    pango_font_description_set_size(desc, Int32((format.font.size * pangoScale).rounded()))
    pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(format.font.weight)))
    pango_font_description_set_style(desc, format.font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_layout_set_font_description(l, desc)
    pango_font_description_free(desc)
    if format.width > 0 {
      pango_layout_set_width(l, Int32((format.width * pangoScale).rounded(.down)))
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
    }
    // `left` is the start of the line: the right edge in a right-to-left paragraph.
    let start = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, end = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT
    switch format.align {
    case .left: pango_layout_set_alignment(l, start)
    case .center: pango_layout_set_alignment(l, PANGO_ALIGN_CENTER)
    case .right: pango_layout_set_alignment(l, end)
    case .justify:
      pango_layout_set_alignment(l, start)
      if format.width > 0 { pango_layout_set_justify(l, 1) }
    }
    if format.firstLineIndent != 0 { pango_layout_set_indent(l, Int32(format.firstLineIndent * pangoScale)) }
    pango_layout_set_text(l, text.string, Int32(bytes.count))
    let list = pango_attr_list_new()
    if !format.language.isEmpty { insert(list, pango_attr_language_new(pango_language_from_string(format.language)), 0, bytes.count) }
    if format.breakAnywhere { insert(list, pango_attr_insert_hyphens_new(0), 0, bytes.count) }
    for a in text.attributes { insert(list, attribute(a.kind), a.start, a.end) }
    pango_layout_set_attributes(l, list)
    pango_attr_list_unref(list)
    return l
  }

  private func insert(_ list: OpaquePointer?, _ attr: UnsafeMutablePointer<PangoAttribute>?, _ start: Int, _ end: Int) {
    guard let attr else { return }
    attr.pointee.start_index = UInt32(start)
    attr.pointee.end_index = UInt32(end)
    pango_attr_list_insert(list, attr)
  }

  private func attribute(_ kind: TextAttributeKind) -> UnsafeMutablePointer<PangoAttribute>? {
    func c(_ v: Double) -> UInt16 { UInt16(max(0, min(65535, (v * 65535).rounded()))) }
    switch kind {
    case .weight(let w): return pango_attr_weight_new(PangoWeight(rawValue: UInt32(w)))
    case .italic: return pango_attr_style_new(PANGO_STYLE_ITALIC)
    case .family(let f): return pango_attr_family_new(f)
    case .size(let s): return pango_attr_size_new(Int32((s * pangoScale).rounded()))
    case .color(let col): return pango_attr_foreground_new(c(col.red), c(col.green), c(col.blue))
    case .background(let col): return pango_attr_background_new(c(col.red), c(col.green), c(col.blue))
    case .underline: return pango_attr_underline_new(PANGO_UNDERLINE_SINGLE)
    case .strikethrough: return pango_attr_strikethrough_new(1)
    case .rise(let r): return pango_attr_rise_new(Int32(r * pangoScale))
    case .noHyphens: return pango_attr_insert_hyphens_new(0)
    case .noBreaks: return pango_attr_allow_breaks_new(0)
    }
  }

  private func measure(_ l: OpaquePointer) {
    let iter = pango_layout_get_iter(l)
    defer { pango_layout_iter_free(iter) }
    repeat {
      guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
      var logical = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, nil, &logical)
      let baseline = Double(pango_layout_iter_get_baseline(iter)) / pangoScale
      lines.append(
        LineMetrics(
          start: Int(imprenta_line_start(line)), length: Int(imprenta_line_length(line)),
          x: Double(logical.x) / pangoScale, width: Double(logical.width) / pangoScale,
          top: Double(logical.y) / pangoScale, height: Double(logical.height) / pangoScale, baseline: baseline))
    } while pango_layout_iter_next_line(iter) != 0
  }

  /// Walks the shaped runs for glyphs with Pango's unknown flag and maps each back to its character
  /// (through the run's clusters). Spaces, controls and invisible format characters are not counted:
  /// they draw nothing whatever the font.
  private func findMissingGlyphs(_ l: OpaquePointer) {
    let unknownFlag: UInt32 = 0x1000_0000  // PANGO_GLYPH_UNKNOWN_FLAG
    var seen: Set<Int> = []
    let iter = pango_layout_get_iter(l)
    defer { pango_layout_iter_free(iter) }
    repeat {
      guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item, let glyphs = run.pointee.glyphs else { continue }
      for g in 0..<Int(glyphs.pointee.num_glyphs) where glyphs.pointee.glyphs[g].glyph & unknownFlag != 0 {
        let index = Int(item.pointee.offset) + Int(glyphs.pointee.log_clusters[g])
        guard index < bytes.count, seen.insert(index).inserted, let scalar = scalar(at: index) else { continue }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: continue
        default: missingGlyphs.append((index, scalar))
        }
      }
    } while pango_layout_iter_next_run(iter) != 0
    missingGlyphs.sort { $0.index < $1.index }
  }

  /// The character starting at byte `index` of the text.
  private func scalar(at index: Int) -> Unicode.Scalar? {
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first
  }

  /// Calls `body` with the Pango line `index`.
  func withLine(_ index: Int, _ body: (UnsafeMutablePointer<PangoLayoutLine>) -> Void) {
    if let line = pango_layout_get_line_readonly(pangoLayout, Int32(index)) { body(line) }
  }

  /// The horizontal extents (from the layout's left edge) of bytes `start..<end` on line `index`.
  func xRanges(line index: Int, start: Int, end: Int) -> [(Double, Double)] {
    var result: [(Double, Double)] = []
    withLine(index) { line in
      var ranges: UnsafeMutablePointer<Int32>? = nil
      var n: Int32 = 0
      pango_layout_line_get_x_ranges(line, Int32(start), Int32(end), &ranges, &n)
      if let ranges {
        for k in 0..<Int(n) { result.append((Double(ranges[2 * k]) / pangoScale, Double(ranges[2 * k + 1]) / pangoScale)) }
        g_free(ranges)
      }
    }
    return result
  }

  /// The line holding byte `index`.
  func lineIndex(ofByte index: Int) -> Int {
    for (k, m) in lines.enumerated() where index < m.start + max(m.length, 1) { return k }
    return max(lines.count - 1, 0)
  }

  /// The visible text of line `index`: soft hyphens dropped, a line-final one shown as `-`.
  func lineText(_ index: Int) -> String {
    let m = lines[index]
    let end = min(m.start + m.length, bytes.count)
    var s = String(decoding: bytes[min(m.start, end)..<end], as: UTF8.self)
    while s.last == "\n" { s.removeLast() }
    let hyphenated = s.hasSuffix("\u{AD}")
    s.removeAll { $0 == "\u{AD}" }
    return hyphenated ? s + "-" : s
  }
}
