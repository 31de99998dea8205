import Foundation
import Testing

@testable import ImprentaPDF

/// The Knuth–Plass breaker on synthetic boxes, glue and penalties.
@Suite struct LineBreakerTests {
  /// Words of the given widths separated by spaces of width 1 (stretch 1/2, shrink 1/3), ending
  /// with fil glue and a forced break.
  static func paragraph(_ words: [Double], hyphenAfter: Set<Int> = []) -> [BreakItem] {
    var items: [BreakItem] = []
    for (k, w) in words.enumerated() {
      if k > 0 { items.append(.glue(1, stretch: 0.5, shrink: 1.0 / 3)) }
      if hyphenAfter.contains(k) {
        items.append(.box(w / 2))
        var p = BreakItem.penalty(0.5, cost: 50, flagged: true)
        p.isHyphenation = true
        items.append(p)
        items.append(.box(w / 2))
      } else {
        items.append(.box(w))
      }
    }
    items.append(.glue(0, stretch: LineBreaker.fil, shrink: 0))
    items.append(.penalty(0, cost: LineBreaker.forced))
    return items
  }

  /// The stretch ratio of each line but the last, measured independently of the breaker.
  static func ratios(_ items: [BreakItem], _ lines: [LineBreaker.Line], width: Double) -> [Double] {
    var start = 0
    var out: [Double] = []
    for line in lines.dropLast() {
      var w = 0.0, y = 0.0, z = 0.0
      for k in start..<line.end where items[k].kind != .penalty {
        w += items[k].width
        y += items[k].stretch
        z += items[k].shrink
      }
      if items[line.end].kind == .penalty { w += items[line.end].width }
      out.append(w < width ? (width - w) / y : (width - w) / z)
      start = line.end + 1
      while start < items.count && items[start].kind != .box { start += 1 }
    }
    return out
  }

  @Test func totalFitBeatsFirstFit() throws {
    // A greedy fill leaves a very loose line that looking ahead avoids.
    let words: [Double] = [3, 3, 3, 7, 3, 3, 9, 2, 4, 6, 3, 5, 3, 8, 2, 3, 4, 6, 2, 5, 3, 3, 7, 4]
    let items = Self.paragraph(words)
    var breaker = LineBreaker(items: items, width: 20)
    var p = LineBreaker.Parameters()
    p.tolerance = 10
    let found = breaker.breaks(p)
    let optimal = try #require(found)
    let greedy = breaker.greedy(p)
    // Knuth–Plass's objective (sum of squared line demerits) is never worse than first fit's.
    func cost(_ lines: [LineBreaker.Line]) -> Double {
      Self.ratios(items, lines, width: 20).reduce(0) { $0 + pow(10 + LineBreaker.badness($1), 2) }
    }
    #expect(cost(optimal) <= cost(greedy))
    #expect(optimal != greedy || cost(optimal) == cost(greedy))
    // Every line the breaker chose is within the measure's stretch and shrink.
    #expect(Self.ratios(items, optimal, width: 20).allSatisfy { $0 >= -1 })
  }

  @Test func fitnessClassesFollowTheRatio() {
    #expect(LineBreaker.fitness(-0.8) == 0)
    #expect(LineBreaker.fitness(0.2) == 1)
    #expect(LineBreaker.fitness(0.8) == 2)
    #expect(LineBreaker.fitness(1.5) == 3)
    #expect(LineBreaker.badness(1) == 100)
    #expect(LineBreaker.badness(-0.5) == 12.5)
  }

  @Test func consecutiveHyphensAreLimited() throws {
    // Every word can break in its middle, and lines that all end with a hyphen fit exactly.
    let words = [Double](repeating: 5, count: 30)
    let items = Self.paragraph(words, hyphenAfter: Set(0..<30))
    func longestHyphenRun(_ limit: Int) throws -> Int {
      var breaker = LineBreaker(items: items, width: 12.5, firstLineWidth: 15)
      var p = LineBreaker.Parameters()
      p.hyphenate = true
      p.tolerance = 10
      p.consecutiveHyphens = limit
      p.flaggedDemerits = 0
      let found = breaker.breaks(p)
      let lines = try #require(found)
      var run = 0, longest = 0
      for line in lines {
        run = items[line.end].flagged ? run + 1 : 0
        longest = max(longest, run)
      }
      return longest
    }
    #expect(try longestHyphenRun(1) <= 1)
    #expect(try longestHyphenRun(2) <= 2)
    #expect(try longestHyphenRun(0) > 2)
  }

  @Test func emergencyStretchFindsLinesWhenTolerancesFail() {
    // Long words on a short measure: no set of lines is within tolerance 1 ...
    let items = Self.paragraph([9, 9, 9, 9, 9, 9])
    var breaker = LineBreaker(items: items, width: 15)
    var p = LineBreaker.Parameters()
    p.tolerance = 1
    #expect(breaker.breaks(p) == nil)
    // ... but with emergency stretch on every line there is, before any overfull line.
    p.backgroundStretch = 6
    let lines = breaker.breaks(p)
    #expect(lines?.count == 6)
  }

  @Test func lineBeforeAHardBreakIsSetAtItsWidth() throws {
    var items = Self.paragraph([4, 4])
    items.removeLast(2)
    items += [.glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced)]
    items += Self.paragraph([4, 4, 4])
    var breaker = LineBreaker(items: items, width: 30)
    let found = breaker.breaks(LineBreaker.Parameters())
    let lines = try #require(found)
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { abs($0.ratio) < 1e-3 })
  }

  @Test func workIsLinearInAnUnbreakableRun() {
    // A run with a break opportunity between every character, no glue (a 300 KB word cut by
    // grapheme): the work per character does not grow with the run.
    func work(_ n: Int) -> Int {
      var items: [BreakItem] = []
      for _ in 0..<n {
        items.append(.box(0.6))
        var p = BreakItem.penalty(0, cost: 0)
        p.breakStretch = 1
        items.append(p)
      }
      items += [.glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced)]
      var breaker = LineBreaker(items: items, width: 30)
      _ = breaker.breaks(LineBreaker.Parameters())
      return breaker.work
    }
    let small = work(10_000), large = work(40_000)
    #expect(small > 0)
    #expect(Double(large) / Double(small) < 6)  // quadratic would be 16
  }

  @Test func bidiSegmentsAreReorderedByLevel() {
    // L2: logical a(0) b(1) c(1) d(0) → visual a c b d; nested levels reverse in turn.
    let levels: [UInt8] = [0, 1, 1, 0]
    let visual = TextBlock.visualOrder(Array(0..<4)) { levels[$0] }
    #expect(visual == [0, 2, 1, 3])
    let nested: [UInt8] = [1, 2, 2, 1]
    #expect(TextBlock.visualOrder(Array(0..<4)) { nested[$0] } == [3, 1, 2, 0])
  }
}

/// The breaker's shortcuts on generated paragraphs: each must choose the lines the whole search
/// chooses.
@Suite struct LineBreakerShortcutTests {
  /// A paragraph drawn from `seed`: words of 0.5–12 units (some one unit, as in "a a a"), a
  /// hyphenation point in some, hanging punctuation at some breaks, no-glue penalties with
  /// break stretch (pieces of a long run, CJK), a hard break now and then, letter stretch.
  static func paragraph(seed: UInt64, words: Int) -> [BreakItem] {
    var state = seed
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % n
    }
    var items: [BreakItem] = []
    for k in 0..<words {
      if k > 0 {
        switch next(20) {
        case 0:
          var p = BreakItem.penalty(0, cost: 0)
          p.breakStretch = 2
          items.append(p)
        case 1:
          items += [.glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced)]
        default:
          var g = BreakItem.glue(1, stretch: 0.5, shrink: 1.0 / 3)
          if next(6) == 0 { g.hang = 0.3 }
          items.append(g)
        }
      }
      let width = next(4) == 0 ? 1 : 0.5 + Double(next(24)) / 2
      if width > 5 && next(3) == 0 {
        var left = BreakItem.box(width / 2)
        left.letterStretch = 0.2
        items.append(left)
        var p = BreakItem.penalty(0.5, cost: 50, flagged: true)
        p.isHyphenation = true
        p.hang = 0.25
        items += [p, .box(width / 2)]
      } else {
        var box = BreakItem.box(width)
        box.letterStretch = 0.1 * width
        if next(8) == 0 { box.startHang = min(0.3, width) }
        items.append(box)
      }
    }
    items += [.glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced)]
    return items
  }

  @Test(arguments: 0..<40)
  func skippingLooseNodesChangesNoChoice(seed: Int) {
    let items = Self.paragraph(seed: UInt64(seed) &+ 11, words: 400)
    let width = 18.0 + Double(seed % 7) * 6
    var passes: [LineBreaker.Parameters] = []
    for (tolerance, hyphenate, letters, background, ragged) in [
      (1.0, false, false, 0.0, false), (1.5, true, false, 0.0, false), (2.0, true, true, 0.0, false),
      (2.5, true, false, 3.0, false), (1000.0, true, false, 9.0, true),
    ] {
      var p = LineBreaker.Parameters()
      (p.tolerance, p.hyphenate, p.letterSpacing, p.backgroundStretch, p.ragged) = (tolerance, hyphenate, letters, background, ragged)
      passes.append(p)
    }
    var saved = false
    for p in passes {
      var fast = LineBreaker(items: items, width: width, firstLineWidth: width - Double(seed % 3) * 2)
      var whole = fast
      whole.skipsLooseNodes = false
      let a = fast.breaks(p), b = whole.breaks(p)
      #expect(a == b)
      #expect(fast.work <= whole.work)
      if fast.work < whole.work { saved = true }
    }
    #expect(saved)
  }

  @Test func aParagraphOfOneLetterWordsTriesFewNodesAndKeepsFew() {
    // A line holds about 60 one-unit words: every one of them is active at a break, but only
    // those a feasible line away are tried; paths that run side by side to the paragraph's end
    // are settled `window` lines back, so the nodes kept do not grow a line's worth a line.
    func run(_ words: Int, skipping: Bool = true) -> (work: Int, peak: Int, lines: [LineBreaker.Line]) {
      var items: [BreakItem] = []
      for _ in 0..<words { items += [.box(1), .glue(1, stretch: 0.5, shrink: 1.0 / 3)] }
      items.removeLast()
      items += [.glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced)]
      var breaker = LineBreaker(items: items, width: 120)
      breaker.skipsLooseNodes = skipping
      let lines = breaker.breaks(LineBreaker.Parameters()) ?? []
      return (breaker.work, breaker.peakNodes, lines)
    }
    let small = run(20_000), whole = run(20_000, skipping: false), large = run(200_000)
    #expect(small.lines.count > 300 && large.lines.count > 10 * small.lines.count - 10)
    // Lines of 49 to 72 words are feasible: the 60 or so newer positions' nodes are not tried.
    #expect(small.lines == whole.lines)
    #expect(Double(small.work) < 0.5 * Double(whole.work))
    #expect(Double(large.work) / Double(small.work) < 11)
    // 3,300 lines with some 45 paths side by side kept 150,000 nodes before `window`.
    #expect(large.peak < 2 * LineBreaker.compactionThreshold)
  }

  @Test func anItemTakesTwentyBytes() {
    #expect(MemoryLayout<BreakItem>.stride == 20)
  }
}
