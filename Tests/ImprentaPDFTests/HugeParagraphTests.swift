import Foundation
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// The paragraph engine's budgets on hostile input, as bounded structures and work counts (no
/// timings): a huge paragraph is shaped in chunks cut where a line may always break, with the
/// same lines as in one piece; the breaker keeps only the nodes its active ones descend from.
@Suite struct HugeParagraphTests {
  /// `count` words drawn from a small Spanish list by a fixed generator (the same text each run).
  static func words(_ count: Int) -> String {
    let list = ["gobierno", "abierto", "transparencia", "participación", "ciudadana", "rendición", "de", "cuentas", "datos", "públicos", "y", "la"]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var out: [String] = []
    out.reserveCapacity(count)
    for _ in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      out.append(list[Int(state >> 33) % list.count])
    }
    return out.joined(separator: " ")
  }

  @Test func chunksStartAfterASpaceBetweenWords() {
    let text = Array(Self.words(20_000).utf8)
    let starts = TextBlock.chunkStarts(text, chunkBytes: 4096)
    #expect(starts.first == 0)
    #expect(starts.count >= text.count / (4096 + 32))
    for (a, b) in zip(starts, starts.dropFirst()) {
      #expect(b - a >= 4096 && b - a < 4096 + 32)
      #expect(text[b - 1] == 0x20 && text[b] != 0x20 && text[b - 2] != 0x20)
    }
    // One long word has no place to cut: one chunk. A no-break range is never cut.
    #expect(TextBlock.chunkStarts([UInt8](repeating: 0x61, count: 100_000), chunkBytes: 4096) == [0])
    #expect(TextBlock.chunkStarts(text, noBreaks: [0..<text.count], chunkBytes: 4096) == [0])
  }

  @Test func aParagraphShapedInChunksSetsTheSameLines() throws {
    let engine = TextEngine()
    var t = AttributedText()
    t.append(Self.words(600))
    t.with(.italic) { $0.append(" " + Self.words(300)) }
    t.append(" " + Self.words(600))
    for align in [TextAlignment.justify, .left] {
      let format = ParagraphFormat(font: FontSpec(family: ["DejaVu Serif"], size: 10), width: 280, align: align)
      let whole = TextBlock(engine: engine, text: t, format: format)
      let chunked = TextBlock(engine: engine, text: t, format: format, chunkBytes: 1024)
      #expect(TextBlock.chunkStarts(whole.bytes, chunkBytes: 1024).count > 8)
      #expect(whole.lines.count > 40)
      #expect(chunked.plans.map { [$0.start, $0.end] } == whole.plans.map { [$0.start, $0.end] })
      for (a, b) in zip(chunked.plans, whole.plans) { #expect(abs(a.spaceExtra - b.spaceExtra) < 0.01) }
      for (a, b) in zip(chunked.lines, whole.lines) { #expect(abs(a.width - b.width) < 0.01 && abs(a.top - b.top) < 0.01) }
      // Every line's glyphs are cut from the chunks' runs: their widths are the lines'.
      for k in [0, chunked.lines.count / 2, chunked.lines.count - 1] {
        let segments = chunked.segments(k)
        defer { chunked.free(segments) }
        let width = segments.reduce(0.0) { $0 + Double($1.width) / pangoScale }
        #expect(abs(width - chunked.lines[k].width) < 0.05)
      }
    }
  }

  @Test func breakerNodesStayBoundedOnALongParagraph() {
    // Words of 3 to 9 units with a space between: 100,000 lines' worth of breaks.
    func run(_ words: Int) -> (peak: Int, made: Int, lines: Int) {
      var items: [BreakItem] = []
      for k in 0..<words {
        items.append(.box(Double(3 + (k * 7919) % 7)))
        items.append(.glue(1, stretch: 0.5, shrink: 0.33))
      }
      items.removeLast()
      items += [.glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced)]
      var breaker = LineBreaker(items: items, width: 60)
      var p = LineBreaker.Parameters()
      p.tolerance = 3
      let lines = breaker.breaks(p) ?? []
      return (breaker.peakNodes, breaker.nodesMade, lines.count)
    }
    let small = run(20_000), large = run(200_000)
    #expect(small.lines > 1000 && large.lines > 10 * small.lines - 100)
    // Kept nodes: the active nodes' ancestors (about one a line) and what was made since the
    // last compaction, not every feasible break made.
    #expect(large.made > 150_000)
    #expect(large.peak < large.made / 2)
    #expect(large.peak < 2 * large.lines + 2 * LineBreaker.compactionThreshold)
  }
}

/// The lookups that made a paragraph of many links quadratic, against the plain scans they
/// replace, on generated spans.
@Suite struct SpanLookupTests {
  static func spans(seed: UInt64, count: Int, length: Int) -> [(start: Int, end: Int)] {
    var state = seed
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % n
    }
    return (0..<count).map { _ in
      let start = next(length)
      return (start, next(3) == 0 ? start : start + 1 + next(40))
    }
  }

  @Test(arguments: 0..<20)
  func sortedRangesHoldWhatTheRangesHold(seed: Int) {
    let spans = Self.spans(seed: UInt64(seed) + 1, count: seed * 7, length: 600)
    let ranges = spans.map { $0.start..<max($0.start, $0.end) }
    let sorted = SortedRanges(ranges)
    #expect(sorted.isEmpty == ranges.allSatisfy(\.isEmpty))
    for o in -2..<660 { #expect(sorted.contains(o) == ranges.contains { $0.contains(o) }, "offset \(o)") }
  }

  @Test(arguments: 0..<20)
  func aLineCursorFindsWhatEveryLineAskingEverySpanFinds(seed: Int) {
    let spans = Self.spans(seed: UInt64(seed) + 99, count: seed * 9, length: 1000).map { ($0.start, max($0.start, $0.end)) }
    var cursor = PDFLayouter.LineCursor(spans)
    // Lines of 20–60 bytes in order, the last taking all that is left (as anchors are asked).
    var start = 0
    var k = 0
    while start < 1100 {
      let end = start >= 1040 ? Int.max : start + 20 + (k * 37) % 41
      let expected = spans.indices.filter { spans[$0].0 < end && spans[$0].1 > start }
      #expect(cursor.overlapping(start, end) == expected, "line \(start)..<\(end)")
      start = end == Int.max ? 1100 : end
      k += 1
    }
  }
}
