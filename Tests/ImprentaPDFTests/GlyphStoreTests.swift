import CPangoCairo
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// The compact glyphs a paragraph keeps from layout to painting (`GlyphStore`): whatever Pango
/// shaped comes back unchanged, also what does not fit its 16-bit fields.
@Suite struct GlyphStoreTests {
  /// A Pango glyph string of `glyphs` (id, width, cluster, x and y offsets, cluster start, colour).
  static func string(_ glyphs: [(PangoGlyph, Int32, Int32, Int32, Int32, Bool, Bool)]) -> UnsafeMutablePointer<PangoGlyphString> {
    let gs = pango_glyph_string_new()!
    pango_glyph_string_set_size(gs, Int32(glyphs.count))
    for (j, g) in glyphs.enumerated() {
      var attr = PangoGlyphVisAttr()
      attr.is_cluster_start = g.5 ? 1 : 0
      attr.is_color = g.6 ? 1 : 0
      gs.pointee.glyphs[j] = PangoGlyphInfo(glyph: g.0, geometry: PangoGlyphGeometry(width: g.1, x_offset: g.3, y_offset: g.4), attr: attr)
      gs.pointee.log_clusters[j] = g.2
    }
    return gs
  }

  static func same(_ a: PangoGlyphInfo, _ b: PangoGlyphInfo) -> Bool {
    a.glyph == b.glyph && a.geometry.width == b.geometry.width && a.geometry.x_offset == b.geometry.x_offset
      && a.geometry.y_offset == b.geometry.y_offset && a.attr.is_cluster_start == b.attr.is_cluster_start && a.attr.is_color == b.attr.is_color
  }

  @Test func glyphsComeBackAsPangoShapedThem() {
    // Plain glyphs first (no offsets yet), then Pango's empty and unknown glyphs, the highest
    // glyph ids, advances past 16 bits either way, offsets, and clusters past 64 KB.
    let plain = GlyphStoreTests.string([(42, 6144, 0, 0, 0, true, false), (43, 5000, 1, 0, 0, true, false), (7, 0, 1, 0, 0, false, false)])
    let odd = GlyphStoreTests.string([
      (0x0FFF_FFFF, 0, 0, 0, 0, true, false), (0x1000_0041, 9000, 1, 0, 0, true, false), (0xFFFE, 40000, 2, 0, 0, true, false),
      (0xFFFD, -70000, 3, 0, 0, true, true), (65000, 32767, 70000, -300, 512, true, false), (12, -32768, 70001, 0, -64, false, false),
    ])
    defer {
      pango_glyph_string_free(plain)
      pango_glyph_string_free(odd)
    }
    var store = GlyphStore()
    let first = store.append(plain.pointee)
    let second = store.append(odd.pointee)
    store.shrink()
    #expect(first == 0..<3)
    #expect(second == 3..<9)
    #expect(store.count == 9)
    for (range, gs) in [(first, plain), (second, odd)] {
      for (j, k) in range.enumerated() {
        #expect(GlyphStoreTests.same(store.info(k), gs.pointee.glyphs[j]), "glyph \(k)")
        #expect(store.cluster(k) == gs.pointee.log_clusters[j])
        #expect(store.id(k) == gs.pointee.glyphs[j].glyph)
        #expect(store.width(k) == gs.pointee.glyphs[j].geometry.width)
      }
    }
  }

  @Test func storesAppendedTogetherAreTheGlyphsAppendedInTurn() {
    // A huge paragraph's chunks are read into stores of their own and joined: every order of
    // plain, offset, aside and wide-cluster pieces reads back as if appended to one store.
    let plain = GlyphStoreTests.string([(42, 6144, 0, 0, 0, true, false), (43, 5000, 1, 0, 0, true, false)])
    let offset = GlyphStoreTests.string([(9, 700, 0, -300, 512, true, false), (10, 700, 1, 0, 0, true, false)])
    let odd = GlyphStoreTests.string([(0x0FFF_FFFF, 0, 0, 0, 0, true, false), (0x1000_0041, 90000, 1, 0, 0, true, true)])
    let wide = GlyphStoreTests.string([(5, 100, 70000, 0, 0, true, false), (6, 100, 70001, 0, 0, true, false)])
    defer { for gs in [plain, offset, odd, wide] { pango_glyph_string_free(gs) } }
    let pieces = [plain, offset, odd, wide]
    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1], [0, 2, 0, 1]] {
      var whole = GlyphStore(), joined = GlyphStore()
      for k in order {
        let expected = whole.append(pieces[k].pointee)
        var part = GlyphStore()
        _ = part.append(pieces[k].pointee)
        #expect(joined.append(contentsOf: part) == expected.lowerBound)
      }
      #expect(joined.count == whole.count)
      for k in 0..<whole.count {
        #expect(GlyphStoreTests.same(joined.info(k), whole.info(k)), "glyph \(k) of \(order)")
        #expect(joined.cluster(k) == whole.cluster(k))
      }
    }
  }

  @Test func aCopiedRangeIsTheGlyphsOneByOne() {
    // The plain store (the fast copy) and one with offsets, aside glyphs and wide clusters.
    let plain = GlyphStoreTests.string([(42, 6144, 3, 0, 0, true, false), (0x0FFF_FFFF, 0, 4, 0, 0, false, false), (43, -5000, 5, 0, 0, true, true)])
    let odd = GlyphStoreTests.string([(9, 700, 70000, -300, 512, true, false), (0x1000_0041, 90000, 70002, 0, 0, true, false)])
    defer { for gs in [plain, odd] { pango_glyph_string_free(gs) } }
    for pieces in [[plain], [plain, odd]] {
      var store = GlyphStore()
      for gs in pieces { _ = store.append(gs.pointee) }
      let out = GlyphStoreTests.string(Array(repeating: (0, 0, 0, 0, 0, false, false), count: store.count))
      defer { pango_glyph_string_free(out) }
      store.copy(1..<store.count, into: out.pointee.glyphs, clusters: out.pointee.log_clusters, base: 3)
      for (j, k) in (1..<store.count).enumerated() {
        #expect(GlyphStoreTests.same(out.pointee.glyphs[j], store.info(k)), "glyph \(k)")
        #expect(out.pointee.log_clusters[j] == store.cluster(k) - 3)
      }
    }
  }

  @Test func pangoUnitsAreThoseOfThePangoInstalled() {
    #expect(pangoScale == Double(imprenta_pango_scale()))
  }

  @Test func aParagraphsGlyphsAreThoseOfItsRuns() throws {
    // Spanish with a ligature, an accent and a mark, bold and a rise: each run's glyphs as Pango
    // laid them out, read back from the store.
    let engine = TextEngine()
    var text = AttributedText()
    text.append("Definición ﬁnal de la oﬁcina: e\u{301}xito ")
    text.with(.weight(700)) { $0.append("negrita") }
    text.with(.rise(3)) { $0.append(" 2") }
    let block = TextBlock(engine: engine, text: text, format: ParagraphFormat(font: FontSpec(family: ["Noto Serif"], size: 11), width: 400))
    let shaped = try #require(block.shapedText)
    #expect(shaped.runs.count >= 3)
    #expect(shaped.glyphs.count >= text.string.unicodeScalars.count - 4)
    for run in shaped.runs {
      #expect(!run.glyphs.isEmpty)
      for k in run.glyphs {
        let b = run.start + Int(shaped.glyphs.cluster(k))
        #expect(b >= run.start && b < run.end)
        #expect(shaped.glyphs.width(k) >= 0)
      }
    }
    // Runs follow one another and hold every glyph once.
    #expect(shaped.runs.map(\.glyphs.count).reduce(0, +) == shaped.glyphs.count)
  }
}

extension GlyphStoreTests {
  @Test func aRunIsSmall() {
    // A paragraph of many short runs (links, scripts, quotes) keeps one of these per run.
    #expect(MemoryLayout<ShapedRun>.stride <= 72)
  }
}
