import CPangoCairo
import Foundation
import ImprentaModel
import ImprentaStyle

/// A shaped block of text: an `AttributedText` shaped once (`ShapedText`), broken into lines by
/// total fit (`LineBreaker`), each line cut from the shaped runs and painted with Cairo's glyph
/// API (`TextBlock+Lines`). The shaped runs are kept until the block's last line is painted.
final class TextBlock {
  /// What the block is shaped again with (after `release`, or a word split across a ligature);
  /// a block shaped ahead on another core is handed over to the layout's engine.
  var engine: TextEngine
  let text: AttributedText
  let format: ParagraphFormat
  var lines: [LineMetrics] = []
  /// Characters no installed font has (Pango set its "unknown glyph" box), with their byte offsets
  /// in `text`, in order.
  private(set) var missingGlyphs: [(index: Int, scalar: Unicode.Scalar)] = []
  /// How each line is cut and set (`lines` has its metrics).
  var plans: [LinePlan] = []
  var shapedText: ShapedText?
  let bytes: [UInt8]
  /// Whether the paragraph was set ragged (not justified) although its format says justify: the
  /// measure was too narrow for justified lines without rivers.
  var fellBackToRagged = false

  /// How one line is cut from the shaped text and set.
  struct LinePlan {
    /// Bytes of the line's content (trailing spaces and the hard break excluded).
    var start: Int
    var end: Int
    /// The line ends with a hyphen the breaker added.
    var hyphenated = false
    /// Points added to each space (negative: taken) to justify the line.
    var spaceExtra = 0.0
    /// Points added after each letter (`isLetterSlot`): letter-spacing, the last resort.
    var letterExtra = 0.0
    /// Points of the line's end hanging into the margin (optical margin alignment).
    var hang = 0.0
    /// Points of the line's start hanging into the margin: its opening quote, ¿, ¡, parenthesis
    /// or dash (optical margin alignment; the right margin of a right-to-left line).
    var startHang = 0.0
  }

  /// A paragraph longer than this many bytes is shaped in chunks (`TextBlock.chunkBytes`).
  let chunkBytes: Int

  init(engine: TextEngine, text: AttributedText, format: ParagraphFormat, chunkBytes: Int = TextBlock.chunkBytes) {
    self.engine = engine
    self.text = text
    self.format = format
    self.chunkBytes = chunkBytes
    bytes = Array(text.string.utf8)
    let shaped = shape()
    findMissingGlyphs(shaped)
    breakLines(shaped)
    shaped.dropBreakingData()
    shapedText = shaped
  }

  /// Frees the shaped runs (lines and metrics stay); painting after this shapes the text again.
  func release() { shapedText = nil }

  /// The link areas `xRanges` found, by line and bytes: a block released after layout (its
  /// shaped runs freed until painting) still answers for a second pass without shaping again.
  var linkAreas: [LinkAreaKey: [(Double, Double)]] = [:]
  /// Where hyphens and letter-spacing never go (code, URLs), by byte. Made when the block is
  /// broken into lines, on the thread that makes it, before it is handed over.
  lazy var noHyphens = SortedRanges(text.attributes.compactMap { a -> Range<Int>? in
    if case .noHyphens = a.kind { return a.start..<a.end }
    return nil
  })
  struct LinkAreaKey: Hashable {
    var line: Int
    var start: Int
    var end: Int
  }

  /// The shaped text, shaped again if it was released.
  var shaped: ShapedText {
    if let shapedText { return shapedText }
    let s = shape()
    shapedText = s
    return s
  }

  private func shape() -> ShapedText {
    let (starts, ranges) = chunks()
    let pieces = ranges.count > 1 ? ChunkShaping.chunks(of: self, ranges, starts: starts) : [read(makeLayout(ranges[0], chunked: false), start: 0, first: true)]
    let shaped = ShapedText(chunks: consume pieces, bytes: bytes)
    if ranges.count > 1 {
      // Chunks shaped on the prefetch thread are painted in this engine's fonts.
      var fonts: [UnsafeMutableRawPointer: UnsafeMutablePointer<PangoFont>] = [:]
      shaped.rebind(to: engine, fonts: &fonts)
      for font in fonts.values { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    }
    return shaped
  }

  /// Where the text's chunks start and the bytes each holds (one chunk unless the text is huge).
  private func chunks() -> (starts: [Int], ranges: [Range<Int>]) {
    let noBreaks = text.attributes.compactMap { a -> Range<Int>? in if case .noBreaks = a.kind { a.start..<a.end } else { nil } }
    let starts = TextBlock.chunkStarts(bytes, noBreaks: noBreaks, chunkBytes: chunkBytes)
    return (starts, starts.indices.map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : bytes.count) })
  }

  /// The text shaped again with `engine` (another thread's: `PaintShaping`), ready for painting;
  /// reads only what never changes after the block is made, so any thread may call it. Its runs
  /// are in `engine`'s fonts until `ShapedText.rebind` sets them in the painter's.
  func shapedForPainting(engine: TextEngine) -> ShapedText {
    let (starts, ranges) = chunks()
    let pieces = ranges.indices.map { k in read(makeLayout(ranges[k], chunked: ranges.count > 1, engine: engine), start: starts[k], first: k == 0) }
    let shaped = ShapedText(chunks: consume pieces, bytes: bytes)
    shaped.dropBreakingData()
    return shaped
  }

  /// A chunk's layout read (`ShapedChunk`) and freed: its text, attributes, lines and glyph
  /// strings are not kept a moment longer.
  func read(_ layout: OpaquePointer, start: Int, first: Bool) -> ShapedChunk {
    defer { imprenta_g_object_unref(UnsafeMutableRawPointer(layout)) }
    return ShapedChunk(layout, start: start, first: first)
  }

  /// A paragraph longer than this is shaped in chunks of about this many bytes (`ShapedText`).
  static let chunkBytes = 64 * 1024

  /// Where the chunks of a paragraph start: 0, then every `chunkBytes` or so, at the first
  /// letter or digit after a space between two letters or digits (a break UAX #14 always
  /// allows, inside one script), never inside a no-break range. A text with no such place (one
  /// long word) is one chunk.
  static func chunkStarts(_ bytes: [UInt8], noBreaks: [Range<Int>] = [], chunkBytes: Int = TextBlock.chunkBytes) -> [Int] {
    func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
    let blocked = SortedRanges(noBreaks)
    var starts = [0]
    var k = chunkBytes
    while k < bytes.count {
      while k < bytes.count && !(k >= 2 && bytes[k - 1] == 0x20 && alnum(bytes[k]) && alnum(bytes[k - 2]) && !blocked.contains(k)) {
        k += 1
      }
      guard k < bytes.count else { break }
      starts.append(k)
      k += chunkBytes
    }
    return starts
  }

  /// A Pango layout of bytes `range` of the text with no width: its lines are the hard breaks.
  /// A chunk of a longer paragraph keeps the paragraph's base direction (not one guessed from
  /// the chunk's first letters).
  /// A Pango layout of bytes `range` of the text, set with `engine` (the block's own, or the
  /// prefetch thread's when chunks are shaped on two cores).
  func makeLayout(_ range: Range<Int>, chunked: Bool, engine: TextEngine? = nil) -> OpaquePointer {
    let rtl = format.direction == .rtl
    let engine = engine ?? self.engine
    let l = pango_layout_new(rtl ? engine.rtlContext : engine.context)!
    // A right-to-left paragraph stays right to left even when it opens with a Latin word.
    if rtl || chunked { pango_layout_set_auto_dir(l, 0) }
    let desc = pango_font_description_new()
    pango_font_description_set_family(desc, FontLanguage.family(format.font.family, language: format.language))
    pango_font_description_set_size(desc, Int32((format.font.size * pangoScale).rounded()))
    pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(format.font.weight)))
    pango_font_description_set_style(desc, format.font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_layout_set_font_description(l, desc)
    pango_font_description_free(desc)
    bytes.withUnsafeBufferPointer { buffer in
      guard let address = buffer.baseAddress else { return pango_layout_set_text(l, "", 0) }
      address.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        pango_layout_set_text(l, base + range.lowerBound, Int32(range.count))
      }
    }
    let list = pango_attr_list_new()
    if !format.language.isEmpty { insert(list, pango_attr_language_new(pango_language_from_string(format.language)), 0, range.count) }
    for a in text.attributes where a.start < range.upperBound && a.end > range.lowerBound {
      insert(list, attribute(a.kind, language: format.language), max(a.start, range.lowerBound) - range.lowerBound, min(a.end, range.upperBound) - range.lowerBound)
    }
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

  private func attribute(_ kind: TextAttributeKind, language: String) -> UnsafeMutablePointer<PangoAttribute>? {
    func c(_ v: Double) -> UInt16 { UInt16(max(0, min(65535, (v * 65535).rounded()))) }
    switch kind {
    case .weight(let w): return pango_attr_weight_new(PangoWeight(rawValue: UInt32(w)))
    case .italic: return pango_attr_style_new(PANGO_STYLE_ITALIC)
    case .family(let f): return pango_attr_family_new(FontLanguage.family(f, language: language))
    case .size(let s): return pango_attr_size_new(Int32((s * pangoScale).rounded()))
    case .color(let col): return pango_attr_foreground_new(c(col.red), c(col.green), c(col.blue))
    case .background(let col): return pango_attr_background_new(c(col.red), c(col.green), c(col.blue))
    case .underline: return pango_attr_underline_new(PANGO_UNDERLINE_SINGLE)
    case .strikethrough: return pango_attr_strikethrough_new(1)
    case .rise(let r): return pango_attr_rise_new(Int32(r * pangoScale))
    case .noBreaks: return pango_attr_allow_breaks_new(0)
    case .noHyphens, .breaksAfterPunctuation: return nil  // read by the line breaker
    }
  }

  /// Walks the shaped runs for glyphs with Pango's unknown flag and maps each back to its character
  /// (through the run's clusters). Spaces, controls and invisible format characters are not counted:
  /// they draw nothing whatever the font.
  private func findMissingGlyphs(_ shaped: ShapedText) {
    let unknownFlag: UInt32 = 0x1000_0000  // PANGO_GLYPH_UNKNOWN_FLAG
    var seen: Set<Int> = []
    let glyphs = shaped.glyphs
    for run in shaped.runs {
      for g in run.glyphs where glyphs.id(g) & unknownFlag != 0 {
        let index = run.start + Int(glyphs.cluster(g))
        guard index < bytes.count, seen.insert(index).inserted, let scalar = scalar(at: index) else { continue }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: continue
        default: missingGlyphs.append((index, scalar))
        }
      }
    }
    missingGlyphs.sort { $0.index < $1.index }
  }

  /// The character starting at byte `index` of the text.
  func scalar(at index: Int) -> Unicode.Scalar? {
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first
  }

  /// The line holding byte `index`.
  func lineIndex(ofByte index: Int) -> Int {
    var lo = 0, hi = lines.count - 1
    guard hi >= 0 else { return 0 }
    while lo < hi {
      let mid = (lo + hi) / 2
      let m = lines[mid]
      if index < m.start + max(m.length, 1) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// The visible text of line `index`: a hyphen the breaker added shown as `-`.
  func lineText(_ index: Int) -> String {
    let m = lines[index]
    let end = min(m.start + m.length, bytes.count)
    var s = String(decoding: bytes[min(m.start, end)..<end], as: UTF8.self)
    while s.last == "\n" { s.removeLast() }
    return index < plans.count && plans[index].hyphenated ? s + "-" : s
  }
}
