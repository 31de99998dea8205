import CPangoCairo
import ImprentaStyle

/// The looks of a run Pango does not paint with `pango_cairo_show_glyph_item`: colour,
/// background, underline, strike-through.
struct RunLook {
  /// Pango's 16-bit channels, as its attributes hold them (16 bytes, where two optional
  /// `Color`s took 80: a paragraph of many short runs keeps hundreds of thousands).
  private var foreground: PangoColor?
  private var back: PangoColor?
  var underline = false
  var strikethrough = false

  static func color(_ c: PangoColor) -> Color {
    Color(red: Double(c.red) / 65535, green: Double(c.green) / 65535, blue: Double(c.blue) / 65535)
  }

  var color: Color? { foreground.map(RunLook.color) }
  var background: Color? { back.map(RunLook.color) }

  mutating func set(color c: PangoColor) { foreground = c }
  mutating func set(background c: PangoColor) { back = c }
}

/// One shaped run of a paragraph (one font, one direction, one look), in logical order.
struct ShapedRun {
  /// The run's item: a copy the `ShapedText` owns (font, analysis, offsets in the paragraph).
  let item: UnsafeMutablePointer<PangoItem>
  // Offsets in 32 bits (a page is far under 2 GB): with the look's compact colours a run is
  // 72 bytes instead of 160.
  private let glyphStart: Int32, glyphEnd: Int32
  /// The run's baseline shift (Pango units), from its glyph item.
  let yOffset: Int32
  private let startByte: Int32, endByte: Int32
  let level: UInt8
  /// Logical extents above and below the baseline, rise included, in points.
  let ascent: Double
  let descent: Double
  let look: RunLook

  init(
    item: UnsafeMutablePointer<PangoItem>, glyphs: Range<Int>, yOffset: Int32, start: Int, end: Int, level: UInt8, ascent: Double, descent: Double,
    look: RunLook
  ) {
    self.item = item
    (glyphStart, glyphEnd) = (Int32(glyphs.lowerBound), Int32(glyphs.upperBound))
    self.yOffset = yOffset
    (startByte, endByte) = (Int32(start), Int32(end))
    self.level = level
    self.ascent = ascent
    self.descent = descent
    self.look = look
  }

  /// Where the run's glyphs are in the text's `glyphs`.
  var glyphs: Range<Int> { Int(glyphStart)..<Int(glyphEnd) }
  var start: Int { Int(startByte) }
  var end: Int { Int(endByte) }

  var isRTL: Bool { level & 1 == 1 }

  /// The run with its glyphs `shift` further on (its chunk's store appended to the paragraph's).
  func moved(by shift: Int) -> ShapedRun {
    ShapedRun(
      item: item, glyphs: glyphs.lowerBound + shift..<glyphs.upperBound + shift, yOffset: yOffset, start: start, end: end, level: level,
      ascent: ascent, descent: descent, look: look)
  }
}

/// One chunk of a paragraph read from its Pango layout, by the thread that shaped it (its fonts
/// are that thread's until `ShapedText.rebind`): its log attributes, its runs (items copied and
/// moved to the paragraph's offsets, glyphs in a `GlyphStore` of its own) and its hard lines.
/// The layout can be freed as soon as this is made: a huge paragraph's chunks no longer all
/// wait, layouts and glyph strings and all, until the last one is shaped (a 5.5 MB paragraph of
/// mixed scripts and links peaked at 750 MB).
struct ShapedChunk {
  var attrs: [PangoLogAttr]
  var runs: [ShapedRun] = []
  var glyphs = GlyphStore()
  var hardLines: [(start: Int, ascent: Double, descent: Double)] = []

  /// Reads `layout` (the chunk of the paragraph starting at byte `start`; `first`: the
  /// paragraph's first chunk, whose first line is a hard line of its own).
  init(_ layout: OpaquePointer, start: Int, first: Bool) {
    var n: Int32 = 0
    let p = pango_layout_get_log_attrs_readonly(layout, &n)!
    attrs = Array(UnsafeBufferPointer(start: p, count: Int(n)))
    readRuns(layout, start: start, first: first)
    glyphs.shrink()
  }

  /// Reads the runs of a chunk's layout, its items moved to the paragraph's offsets (the
  /// layout is not asked anything after this: its items are ours to renumber) and copied.
  private mutating func readRuns(_ layout: OpaquePointer, start chunkStart: Int, first: Bool) {
    var lineList = pango_layout_get_lines_readonly(layout)
    var firstLine = true
    while let node = lineList {
      let line = node.pointee.data.assumingMemoryBound(to: PangoLayoutLine.self)
      if first || !firstLine {
        var logical = PangoRectangle()
        pango_layout_line_get_extents(line, nil, &logical)
        hardLines.append((chunkStart + Int(imprenta_line_start(line)), Double(-logical.y) / pangoScale, Double(logical.y + logical.height) / pangoScale))
      }
      firstLine = false
      var runList = line.pointee.runs
      while let r = runList {
        let glyphItem = r.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
        glyphItem.pointee.item.pointee.offset += Int32(chunkStart)
        runs.append(makeRun(glyphItem))
        runList = r.pointee.next
      }
      lineList = node.pointee.next
    }
  }

  private mutating func makeRun(_ glyphItem: UnsafeMutablePointer<PangoGlyphItem>) -> ShapedRun {
    let item = glyphItem.pointee.item!
    let glyphs = glyphItem.pointee.glyphs!
    let stored = self.glyphs.append(glyphs.pointee)
    var logical = PangoRectangle()
    if glyphs.pointee.num_glyphs > 0, let font = item.pointee.analysis.font {
      FontFaces.note(font)
      pango_glyph_string_extents_range(glyphs, 0, 1, font, nil, &logical)
    }
    let rise = Double(glyphItem.pointee.y_offset) / pangoScale
    var look = RunLook()
    var attr = item.pointee.analysis.extra_attrs
    while let a = attr {
      let p = a.pointee.data.assumingMemoryBound(to: PangoAttribute.self)
      func color() -> PangoColor { UnsafeMutableRawPointer(p).assumingMemoryBound(to: PangoAttrColor.self).pointee.color }
      func int() -> Int32 { UnsafeMutableRawPointer(p).assumingMemoryBound(to: PangoAttrInt.self).pointee.value }
      switch p.pointee.klass.pointee.type {
      case PANGO_ATTR_FOREGROUND: look.set(color: color())
      case PANGO_ATTR_BACKGROUND: look.set(background: color())
      case PANGO_ATTR_UNDERLINE: look.underline = int() != 0
      case PANGO_ATTR_STRIKETHROUGH: look.strikethrough = int() != 0
      default: break
      }
      attr = a.pointee.next
    }
    let start = Int(item.pointee.offset)
    return ShapedRun(
      item: pango_item_copy(item)!, glyphs: stored, yOffset: glyphItem.pointee.y_offset, start: start, end: start + Int(item.pointee.length),
      level: item.pointee.analysis.level,
      ascent: Double(-logical.y) / pangoScale + rise, descent: Double(logical.y + logical.height) / pangoScale - rise, look: look)
  }

}

/// A paragraph itemized and shaped once: Pango layouts with no width (their lines are the hard
/// breaks) read into its runs in logical order (each run's item copied, its glyphs in one
/// compact `GlyphStore`; the layouts are freed at once), Pango's break opportunities (UAX #14)
/// and each character's advance, read from the glyphs' clusters. Lines are cut from these runs;
/// nothing is shaped again except a word broken at a hyphen across a ligature.
///
/// A paragraph over `TextBlock.chunkBytes` is shaped in chunks, one layout each, cut where a
/// line may always break (`TextBlock.chunkStarts`): Pango and HarfBuzz then never hold one
/// multi-megabyte line (their buffers for a 5.6 MB paragraph were most of a gigabyte). The runs'
/// items are moved to the paragraph's offsets, so the rest of the engine sees one text.
final class ShapedText {
  let bytes: [UInt8]
  /// The text NUL-terminated, for Pango's painting (made once: a copy per line would make
  /// painting a long paragraph quadratic).
  let cString: [CChar]
  private(set) var runs: [ShapedRun] = []
  private(set) var glyphs = GlyphStore()
  /// The hard lines' starts and extents (for an empty line).
  private(set) var hardLines: [(start: Int, ascent: Double, descent: Double)] = []
  /// Advance of the character starting at each byte, in points (0 inside a character).
  private(set) var advance: [Float]
  /// Whether a glyph cluster starts at each byte (a line may be cut there without reshaping).
  private(set) var clusterStart: [Bool]
  /// The chunks' log attributes joined: one per character, and one for the text's end.
  private(set) var attrs: UnsafeMutablePointer<PangoLogAttr>
  private(set) var attrCount: Int
  private var hyphens: [UnsafeMutableRawPointer: (glyph: PangoGlyph, width: Int32)] = [:]

  /// `chunks`: consecutive pieces of `bytes` read from their layouts (`ShapedChunk`), in order.
  init(chunks: consuming [ShapedChunk], bytes: [UInt8]) {
    var chunks = chunks
    self.bytes = bytes
    var c = [CChar](repeating: 0, count: bytes.count + 1)
    for k in bytes.indices { c[k] = CChar(bitPattern: bytes[k]) }
    cString = c
    advance = [Float](repeating: 0, count: bytes.count + 1)
    clusterStart = [Bool](repeating: false, count: bytes.count + 1)
    clusterStart[bytes.count] = true
    // Each chunk's last attribute is its end: the next chunk's first character stands there.
    func count(_ k: Int) -> Int { k == chunks.count - 1 ? chunks[k].attrs.count : max(chunks[k].attrs.count - 1, 0) }
    let total = chunks.indices.reduce(0) { $0 + count($1) }
    runs.reserveCapacity(chunks.reduce(0) { $0 + $1.runs.count })
    if chunks.count > 1 { glyphs.reserveCapacity(for: chunks.map(\.glyphs)) }
    let joined = UnsafeMutablePointer<PangoLogAttr>.allocate(capacity: max(total, 1))
    attrs = joined
    var at = 0
    for k in chunks.indices {
      let n = count(k)
      chunks[k].attrs.withUnsafeBufferPointer { if n > 0 { (joined + at).initialize(from: $0.baseAddress!, count: n) } }
      // A chunk starts after a space, before a letter: a break UAX #14 always allows (Pango
      // allows none at a text's start).
      if k > 0 && n > 0 { joined[at].is_line_break = 1 }
      at += n
      chunks[k].attrs = []
      let shift = glyphs.append(contentsOf: chunks[k].glyphs)
      chunks[k].glyphs = GlyphStore()
      for run in chunks[k].runs { runs.append(run.moved(by: shift)) }
      hardLines += chunks[k].hardLines
      (chunks[k].runs, chunks[k].hardLines) = ([], [])
    }
    attrCount = total
    glyphs.shrink()
    runs.sort { $0.start < $1.start }
    for run in runs { readAdvances(run) }
    // A huge paragraph's chunks were just freed (tens of megabytes in pieces malloc keeps): their
    // pages go back to the system before the paragraph is broken into lines, the next peak.
    if chunks.count > 1 { malloc_trim(0) }
  }

  /// Frees what only line breaking reads (each byte's advance, the log attributes: a quarter of
  /// a huge paragraph's memory); painting needs the runs and cluster starts alone.
  func dropBreakingData() {
    advance = []
    attrs.deallocate()
    attrs = .allocate(capacity: 1)
    attrCount = 0
  }

  deinit {
    attrs.deallocate()
    for run in runs { pango_item_free(run.item) }
  }

  /// Each cluster's advance shared among its characters (a ligature "fi" gives half to each).
  private func readAdvances(_ run: ShapedRun) {
    // The arrays are worked on as locals (no exclusivity check on every byte).
    var advance: [Float] = []
    var clusterStart: [Bool] = []
    swap(&advance, &self.advance)
    swap(&clusterStart, &self.clusterStart)
    defer {
      swap(&advance, &self.advance)
      swap(&clusterStart, &self.clusterStart)
    }
    let offset = run.start
    for g in run.glyphs {
      let b = offset + Int(glyphs.cluster(g))
      clusterStart[b] = true
      advance[b] += Float(glyphs.width(g)) / Float(pangoScale)
    }
    // Spread each cluster's width over the characters it holds.
    var b = run.start
    while b < run.end {
      guard clusterStart[b] else {
        b += 1
        continue
      }
      var count = 1
      var e = b + ShapedText.length(bytes[b])
      while e < run.end && !clusterStart[e] {
        count += 1
        e += ShapedText.length(bytes[e])
      }
      if count > 1 {
        let share = advance[b] / Float(count)
        var c = b
        while c < e {
          advance[c] = share
          c += ShapedText.length(bytes[c])
        }
      }
      b = e
    }
  }

  /// Bytes of the UTF-8 character whose lead byte is `lead`.
  @inline(__always)
  static func length(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The run holding byte `index` (the last run for the end of the text).
  func runIndex(at index: Int) -> Int? {
    guard !runs.isEmpty else { return nil }
    var lo = 0, hi = runs.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if runs[mid].start <= index { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// Sets every run in the fonts of `engine`'s font map: the same faces, sizes and styles
  /// (`pango_font_describe_with_absolute_size`, loaded again), so the glyphs stay what they are.
  /// Text shaped on the prefetch thread is painted on the writer's thread: with the writer's own
  /// fonts, no font object is ever used by two threads at once (a PDF painting the prefetch
  /// thread's fonts while that thread shaped another document crashed inside Cairo).
  /// `fonts` keeps the fonts already loaded, with a reference each, for the caller to release.
  func rebind(to engine: TextEngine, fonts: inout [UnsafeMutableRawPointer: UnsafeMutablePointer<PangoFont>]) {
    for run in runs {
      guard let font = run.item.pointee.analysis.font else { continue }
      let key = UnsafeMutableRawPointer(font)
      var target = fonts[key]
      if target == nil {
        let description = pango_font_describe_with_absolute_size(font)
        // The size the font sets text at: a bitmap font (Noto Color Emoji) describes itself at
        // its strike's pixel size (109), and loaded at that size it drew emoji ten times too big.
        var matrix = cairo_matrix_t()
        if let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) {
          cairo_scaled_font_get_font_matrix(scaled, &matrix)
          if matrix.yy > 0 { pango_font_description_set_absolute_size(description, matrix.yy * pangoScale) }
        }
        target = ShapedText.firstFont(engine, description, language: run.item.pointee.analysis.language)
        pango_font_description_free(description)
        fonts[key] = target
      }
      guard let target, target != font else { continue }
      imprenta_g_object_ref(UnsafeMutableRawPointer(target))
      run.item.pointee.analysis.font = target
      imprenta_g_object_unref(UnsafeMutableRawPointer(font))
    }
    hyphens = [:]
  }

  /// The first font of the font set `engine` loads for `description` in `language`: what
  /// `pango_font_map_load_font` gives in the context's language (the C locale's), here in the
  /// run's own, the language the face was picked for.
  static func firstFont(_ engine: TextEngine, _ description: OpaquePointer?, language: OpaquePointer?) -> UnsafeMutablePointer<PangoFont>? {
    guard let fontset = pango_font_map_load_fontset(engine.fontMap, engine.context, description, language) else { return nil }
    defer { imprenta_g_object_unref(UnsafeMutableRawPointer(fontset)) }
    var first: UnsafeMutablePointer<PangoFont>? = nil
    withUnsafeMutablePointer(to: &first) { slot in
      pango_fontset_foreach(
        fontset,
        { _, font, data in
          let slot = data!.assumingMemoryBound(to: UnsafeMutablePointer<PangoFont>?.self)
          if let font { imprenta_g_object_ref(UnsafeMutableRawPointer(font)) }
          slot.pointee = font
          return 1  // the first is enough
        }, slot)
    }
    return first
  }

  /// The hyphen glyph of the font of `run`, and its advance (Pango units): shaped once per font.
  func hyphen(for run: ShapedRun) -> (glyph: PangoGlyph, width: Int32) {
    let key = UnsafeMutableRawPointer(run.item.pointee.analysis.font!)
    if let hit = hyphens[key] { return hit }
    let gs = pango_glyph_string_new()!
    defer { pango_glyph_string_free(gs) }
    var analysis = run.item.pointee.analysis
    pango_shape("-", 1, &analysis, gs)
    let result = gs.pointee.num_glyphs > 0 ? (gs.pointee.glyphs[0].glyph, gs.pointee.glyphs[0].geometry.width) : (PangoGlyph(0x0FFF_FFFF), Int32(0))
    hyphens[key] = result
    return result
  }
}
