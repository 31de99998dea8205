import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Floating figures under the style's control (`figure.float`) and the figure's own (`nofloat`,
/// `float` classes): a floating figure that does not fit waits while the text after it fills the
/// gap; one that does not float keeps reading order, starting the next page or column when it
/// does not fit; figures keep their order either way. In one column and in two.
@Suite struct RegionPaginatorFloatTests {
  static let front = RegionPaginatorTests.front
  static let sentence = PaginationTests.sentence

  /// A page of `filler` short paragraphs, a captioned figure, six paragraphs after it.
  static func page(filler: Int, figure: String = "![A chart](images/chart.jpg \"The chart\")") -> String {
    front + (1...filler).map { "Filler \($0) before the figure." }.joined(separator: "\n\n") + "\n\n"
      + figure + "\n\n"
      + (1...6).map { "Paragraph \($0) after the figure. " + String(repeating: sentence, count: 2) }.joined(separator: "\n\n")
      + "\n"
  }

  /// Where a thing is in reading order on the page: page, then top (a spanning figure divides a
  /// page's column bands, so this is reading order in columns too).
  struct Spot: Comparable {
    var page: Int
    var y: Double
    static func < (a: Spot, b: Spot) -> Bool { a.page != b.page ? a.page < b.page : a.y < b.y - 0.01 }
  }

  /// The figures' tops, in the order they are laid out, and every text line with its spot.
  static func spots(_ layout: PageLayout) -> (figures: [Spot], lines: [(text: String, spot: Spot)]) {
    var figures: [Spot] = []
    var lines: [(String, Spot)] = []
    for (p, page) in layout.pages.enumerated() {
      for item in page.items {
        switch item.kind {
        case .image(let r, _): figures.append(Spot(page: p, y: r.y))
        case .text(let t): lines.append((t.text, Spot(page: p, y: t.baseline)))
        default: break
        }
      }
    }
    return (figures.sorted(), lines)
  }

  /// Whether text after the figure is set before it in reading order (it jumped ahead), for each
  /// filler count; every layout is also checked for what must hold whatever the style.
  static func jumps(columns: Int, float: Bool, figure: String = "![A chart](images/chart.jpg \"The chart\")") throws -> [Bool] {
    var style = RegionPaginatorTests.smallPage(columns: columns)
    style.figure.float = float
    var out: [Bool] = []
    for filler in stride(from: 2, through: 30, by: 2) {
      let (layout, _) = PDFTest.layout(try PDFTest.document(page(filler: filler, figure: figure)), style: style)
      let (figures, lines) = spots(layout)
      guard let figure = figures.first else {
        Issue.record("no image laid out")
        continue
      }
      // Text before the figure is always above it, and the caption right under it.
      for l in lines where l.text.hasPrefix("Filler") { #expect(l.spot < figure, "filler \(filler): \(l.text) after the figure") }
      let caption = try #require(lines.first { $0.text == "The chart" })
      #expect(caption.spot.page == figure.page && figure < caption.spot)
      let after = lines.filter { $0.text.hasPrefix("Paragraph") || $0.text.contains("quick brown") }
      out.append(after.contains { $0.spot < figure })
      // No page before the figure's is left blank under its text: a page starts over only
      // when the figure does not fit the room left.
      if figure.page > 0 {
        let previous = lines.filter { $0.spot.page == figure.page - 1 }
        #expect(!previous.isEmpty, "filler \(filler): page \(figure.page) is empty")
      }
    }
    return out
  }

  @Test(arguments: [1, 2])
  func floatingFiguresLetTheTextAfterThemFillTheGap(columns: Int) throws {
    let jumps = try Self.jumps(columns: columns, float: true)
    #expect(jumps.contains(true), "no figure ever waited while text filled the gap: \(jumps)")
  }

  @Test(arguments: [1, 2])
  func figuresThatDoNotFloatKeepReadingOrder(columns: Int) throws {
    let jumps = try Self.jumps(columns: columns, float: false)
    #expect(!jumps.contains(true), "text after a figure that does not float was set before it: \(jumps)")
  }

  /// The figure's own class wins over the style: `nofloat` under a floating style, `float` under
  /// one that does not float (from the figure shortcode and from a raw HTML image).
  @Test(arguments: [1, 2])
  func aFiguresClassOverridesTheStyle(columns: Int) throws {
    let pinned = try Self.jumps(columns: columns, float: true, figure: "{{< figure src=\"images/chart.jpg\" caption=\"The chart\" class=\"nofloat\" >}}")
    #expect(!pinned.contains(true), "a nofloat figure let text pass it: \(pinned)")
    let floating = try Self.jumps(columns: columns, float: false, figure: "{{< figure src=\"images/chart.jpg\" caption=\"The chart\" class=\"wide float\" >}}")
    #expect(floating.contains(true), "a figure of class float never floated: \(floating)")
  }

  @Test func aRawHTMLImageOfClassNofloatKeepsItsPlace() throws {
    var style = RegionPaginatorTests.smallPage()
    style.figure.float = true
    var sawFloat = false
    for filler in stride(from: 2, through: 30, by: 2) {
      for pinned in [true, false] {
        let img = "<img src=\"images/chart.jpg\" alt=\"A chart\"\(pinned ? " class=\"nofloat\"" : "")>"
        let (layout, _) = PDFTest.layout(try PDFTest.document(Self.page(filler: filler, figure: img)), style: style)
        let (figures, lines) = Self.spots(layout)
        let figure = try #require(figures.first)
        let jumped = lines.contains { $0.text.hasPrefix("Paragraph") && $0.spot < figure }
        if pinned { #expect(!jumped, "filler \(filler)") } else if jumped { sawFloat = true }
      }
    }
    #expect(sawFloat, "the unpinned image never floated: the test proves nothing")
  }

  /// A figure that does not float, after a floating one still waiting, comes after it: figures
  /// keep their order, and no text passes the pinned one.
  @Test(arguments: [1, 2])
  func aPinnedFigureComesAfterTheFiguresStillWaiting(columns: Int) throws {
    let style = RegionPaginatorTests.smallPage(columns: columns)
    var sawWaiting = false
    for filler in stride(from: 2, through: 30, by: 2) {
      let md = Self.front + (1...filler).map { "Filler \($0) before the figures." }.joined(separator: "\n\n") + "\n\n"
        + "![First](images/chart.jpg \"First chart\")\n\nBetween the two figures.\n\n"
        + "{{< figure src=\"images/badge.gif\" caption=\"Second chart\" class=\"nofloat\" >}}\n\n"
        + (1...4).map { "Paragraph \($0) after both. " + String(repeating: Self.sentence, count: 2) }.joined(separator: "\n\n") + "\n"
      let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
      let (_, lines) = Self.spots(layout)
      let first = try #require(lines.first { $0.text == "First chart" }), second = try #require(lines.first { $0.text == "Second chart" })
      let between = try #require(lines.first { $0.text.hasPrefix("Between") })
      #expect(first.spot < second.spot, "filler \(filler): the figures swapped")
      if between.spot < first.spot { sawWaiting = true }
      // The pinned figure: the text before it above, the text after it below.
      #expect(between.spot < second.spot, "filler \(filler)")
      for l in lines where l.text.hasPrefix("Paragraph") { #expect(second.spot < l.spot, "filler \(filler): \(l.text) before the pinned figure") }
    }
    #expect(sawWaiting, "the first figure never waited: the test proves nothing")
  }
}
