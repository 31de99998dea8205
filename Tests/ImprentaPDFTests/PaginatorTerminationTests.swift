import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// The paginator always ends, whatever strips it is given: heights over a page, chains kept
/// together longer than a page, table headers taller than a column, figures that float, spanning
/// strips in columns, page breaks, notes longer than a page. Every strip lands on a page (its anchor is placed) and the
/// pages are bounded by the strips. (Two endless loops on tables once filled memory with pages of
/// repeated headers; the paginator now sets a strip as it is when three bands take nothing.)
@Suite struct PaginatorTerminationTests {
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 33
    }
    mutating func unit() -> Double { Double(next() % 10_000) / 10_000 }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
  }

  static let geometry = PageGeometry(width: 300, height: 400, marginTop: 40, marginBottom: 40, marginInner: 30, marginOuter: 30)

  static func strips(seed: UInt64, count: Int) -> [Slice] {
    var g = Generator(state: seed)
    let page = geometry.textHeight
    return (0..<count).map { k in
      let roll = g.unit()
      let height = roll < 0.7 ? 4 + g.unit() * 30 : roll < 0.9 ? g.unit() * page : page * (1 + g.unit() * 1.5)
      var s = Slice(height: height, spaceBefore: g.chance(0.5) ? g.unit() * 12 : 0, items: [PageItem(.anchor(name: "s\(k)", y: 0, outline: nil))])
      s.keepWithNext = g.chance(0.25)
      if g.chance(0.3) {
        // Lines to cut between.
        var y = 0.0
        while y < height - 12 {
          y += 6 + g.unit() * 10
          s.breaks.append(min(y, height))
        }
      }
      if g.chance(0.15) {
        var header = Slice(height: g.chance(0.3) ? page * (0.5 + g.unit()) : 8 + g.unit() * 20)
        header.keepWithNext = true
        s.repeatHeader = [header]
      }
      if g.chance(0.1) {
        s.figure = true
        s.deferrable = g.chance(0.7)
      }
      if g.chance(0.12) { s.footnotes = [k] }
      s.span = g.chance(0.15)
      s.pageBreakBefore = g.chance(0.03)
      return s
    }
  }

  /// Notes of one to forty lines, some taller than a page.
  static func notes(seed: UInt64, count: Int) -> [Int: [Slice]] {
    var g = Generator(state: seed ^ 0x5DEECE66D)
    var notes: [Int: [Slice]] = [:]
    for k in 0..<count { notes[k] = (0..<(1 + Int(g.next() % 40))).map { _ in Slice(height: 9) } }
    return notes
  }

  @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 3])
  func everyStripIsPlacedAndPaginationEnds(_ columns: Int) {
    for seed in UInt64(1)...60 {
      let strips = Self.strips(seed: seed &* 7919 &+ UInt64(columns), count: 40)
      var paginator = RegionPaginator(geometry: Self.geometry, notes: Self.notes(seed: seed, count: strips.count), columns: columns, gap: 12)
      let layout = paginator.paginate(strips)
      let placed = Set(layout.anchorPages.keys)
      #expect(placed.count == strips.count, "seed \(seed), \(columns) columns: \(strips.count - placed.count) strips lost")
      #expect(layout.pages.count <= 4 * strips.count + 4, "seed \(seed), \(columns) columns: \(layout.pages.count) pages")
    }
  }
}
