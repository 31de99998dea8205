import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// The one paginator (`RegionPaginator`): what one column and columns now share: a table's header
/// at the head of every column its rows go on to, figures that wait while text fills the gap,
/// notes that go on on the next page, balanced bands, anchors after a deferred figure.
@Suite struct RegionPaginatorTests {
  static let front = "---\ntitle: T\nhideTitle: true\n---\n\n"
  static let sentence = PaginationTests.sentence

  static func smallPage(columns: Int = 1) -> Style {
    var s = PaginationTests.smallPage
    s.page.columns = columns
    return s
  }

  /// The text area of page `index`, in points from the page's top.
  static func textArea(_ style: Style) -> (top: Double, bottom: Double) {
    let base = style.base.font.size.points(em: 12)
    return (style.page.marginTop.points(em: base), style.page.height.points(em: base) - style.page.marginBottom.points(em: base))
  }

  /// Text lines of a page: (text, x, baseline, last tag).
  static func texts(_ page: LaidPage) -> [(text: String, x: Double, baseline: Double, tag: String)] {
    page.items.compactMap { item in
      guard case .text(let t) = item.kind else { return nil }
      return (t.text, t.x, t.baseline, item.tags.last?.name ?? "")
    }
  }

  @Test func tableInAListInTwoColumnsRepeatsItsHeaderAtTheHeadOfEachColumn() throws {
    let style = Self.smallPage(columns: 2)
    var md = Self.front + "- A list item holding a table:\n\n  | Name | Value |\n  |---|---:|\n"
    for i in 1...90 { md += "  | Row \(i) | \(i * 3) |\n" }
    md += "\nAfter the list.\n"
    let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
    let base = style.base.font.size.points(em: 12)
    let middle = style.page.width.points(em: base) / 2
    var regions = 0
    for (p, page) in layout.pages.enumerated() {
      for column in [0, 1] {
        let here = Self.texts(page).filter { ($0.x < middle) == (column == 0) }
        guard let first = here.filter({ $0.text.hasPrefix("Row ") }).min(by: { $0.baseline < $1.baseline }) else { continue }
        regions += 1
        // The line just above the first row of every column: the header row.
        let above = here.filter { $0.baseline < first.baseline - 0.1 }
        let lastBaseline = above.map(\.baseline).max()
        let header = Set(above.filter { $0.baseline == lastBaseline }.map(\.text))
        #expect(header == ["Name", "Value"], "page \(p + 1), column \(column + 1) starts its rows under \(header)")
      }
    }
    #expect(regions >= 3, "the table should run over several columns: \(regions)")
    let rows = layout.pages.flatMap { Self.texts($0) }.filter { $0.text.hasPrefix("Row ") }.map(\.text)
    #expect(rows == (1...90).map { "Row \($0)" }, "every row once, in order")
  }

  /// For each filler count: the page of the figure, and whether the page before it is filled.
  @Test func aFigureThatDoesNotFitWaitsWhileTheTextAfterItFillsThePage() throws {
    let style = Self.smallPage()
    let area = Self.textArea(style)
    var sawDeferral = false
    for filler in stride(from: 2, through: 22, by: 2) {
      let md = Self.front + String(repeating: "Filler line.\n\n", count: filler)
        + "![A chart](images/chart.jpg \"The chart\")\n\n"
        + (1...6).map { "Paragraph \($0) after the figure. " + String(repeating: Self.sentence, count: 2) }.joined(separator: "\n\n")
        + "\n\n## Later heading\n\nThe end.\n"
      let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
      guard let figurePage = layout.pages.firstIndex(where: { $0.items.contains { if case .image = $0.kind { return true } else { return false } } }) else {
        Issue.record("no image laid out")
        continue
      }
      if figurePage > 0 {
        // The page before the figure is not left blank under its text.
        let previous = layout.pages[figurePage - 1]
        let lowest = Self.texts(previous).map(\.baseline).filter { $0 <= area.bottom }.max() ?? area.top
        let blank = (area.bottom - lowest) / (area.bottom - area.top)
        #expect(blank < 0.25, "filler \(filler): \(Int(blank * 100))% of page \(figurePage) is blank before the figure")
        if Self.texts(previous).contains(where: { $0.text.hasPrefix("Paragraph 1 after") }) { sawDeferral = true }
      }
      // Anchors and outline entries follow the deferred figure: the heading's anchor is on the
      // page its text is drawn on.
      let headingPage = layout.pages.firstIndex { Self.texts($0).contains { $0.tag == "H2" && $0.text.contains("Later") } }
      #expect(headingPage != nil && layout.anchorPages["later-heading"] == headingPage, "filler \(filler): anchor on \(String(describing: layout.anchorPages["later-heading"])), text on \(String(describing: headingPage))")
      // The page map goes forward: a deferred figure at a page's top is not where its text begins.
      let starts = layout.pageStarts.sorted { $0.key < $1.key }.map(\.value)
      for (a, b) in zip(starts, starts.dropFirst()) {
        #expect(a.path.lexicographicallyPrecedes(b.path) || (a.path == b.path && a.offset <= b.offset), "filler \(filler): page starts go back from \(a) to \(b)")
      }
    }
    #expect(sawDeferral, "no figure ever waited for the next page: the test proves nothing")
  }

  @Test(arguments: [1, 2])
  func aNoteLongerThanTheRoomLeftGoesOnOnTheNextPageWhole(columns: Int) throws {
    let style = Self.smallPage(columns: columns)
    let words = (0..<150).map { "n\($0)" }.joined(separator: " ") + " NOTEEND"
    var sawSplit = false
    for filler in stride(from: 8, through: 26, by: 3) {
      let md = Self.front + String(repeating: "Filler line.\n\n", count: filler) + "A call.[^a]\n\n"
        + String(repeating: "More text.\n\n", count: 30) + "[^a]: \(words)\n"
      let doc = try PDFTest.document(md)
      let (layout, _) = PDFTest.layout(doc, style: style)
      #expect(layout.anchorPages["fn-1"] == layout.anchorPages["fnref-1"], "filler \(filler): the note starts on the page that calls it")
      let notePages = layout.pages.indices.filter { p in Self.texts(layout.pages[p]).contains { $0.text.contains("n1") || $0.text.contains("NOTEEND") } }
      guard notePages.count > 1 else { continue }
      sawSplit = true
      #expect(notePages == Array(notePages[0]...(notePages[0] + notePages.count - 1)), "on consecutive pages: \(notePages)")
      let (url, _, _) = try PDFTest.write(doc, name: "split-note-\(filler)-\(columns)", style: style)
      guard let text = PDFTest.run("pdftotext", [url.path, "-"])?.output else { continue }
      let found = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.hasPrefix("n") && Int($0.dropFirst()) != nil })
      #expect(found.count == 150 && text.contains("NOTEEND"), "filler \(filler): \(found.count) of 150 words of the note")
    }
    #expect(sawSplit, "the note never went on on the next page")
  }

  @Test func balancedColumnsAtASpanningHeadingEndWithinOneLine() throws {
    var style = Style()
    style.page.columns = 2
    var checked = 0
    for count in stride(from: 100, through: 400, by: 37) {
      let words = (1...count).map { "palabra\($0 % 13)" }.joined(separator: " ")
      let doc = try PDFTest.document("# Título\n\n\(words)\n\n## Sección\n\nCorto.")
      let (layout, _) = PDFTest.layout(doc, style: style)
      let texts = Self.texts(layout.pages[0])
      // (More words than a page holds: the band ends at the foot, not at the heading.)
      guard let section = texts.first(where: { $0.tag == "H2" })?.baseline else { continue }
      let body = texts.filter { $0.tag == "P" && $0.baseline < section }
      let middle = style.page.width.points(em: 12) / 2
      let left = body.filter { $0.x < middle }.map(\.baseline).sorted(), right = body.filter { $0.x >= middle }.map(\.baseline)
      guard let l = left.max(), let r = right.max() else { continue }
      checked += 1
      let pitch = zip(left, left.dropFirst()).map { $1 - $0 }.min() ?? 15
      #expect(abs(l - r) <= pitch + 0.5, "\(count) words: columns end at \(l) and \(r) (a line is \(pitch))")
    }
    #expect(checked >= 4, "only \(checked) balanced bands measured")
  }

  @Test(arguments: [1, 2])
  func aRowTallerThanAPageIsCutWhereItStands(columns: Int) throws {
    let style = Self.smallPage(columns: columns)
    let cell = (0..<900).map { "w\($0)" }.joined(separator: " ")
    let md = Self.front + "- In a list:\n\n  | a | b |\n  |---|---|\n  | short | x |\n  | \(cell) | y |\n  | after | row |\n\nAfter.\n"
    let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
    let area = Self.textArea(style)
    let pageOf = { (s: String) in layout.pages.firstIndex { Self.texts($0).contains { $0.text.hasPrefix(s) } } }
    #expect(pageOf("short") != nil && pageOf("short") == pageOf("w0 "), "the tall row starts right under the row before it")
    let cellLines = layout.pages.flatMap { Self.texts($0) }.filter { $0.text.hasPrefix("w") }
    #expect(cellLines.allSatisfy { $0.baseline >= area.top && $0.baseline <= area.bottom })
    let drawn = Set(cellLines.flatMap { $0.text.split(separator: " ") }.filter { $0.hasPrefix("w") }.map(String.init))
    #expect(drawn.count == 900, "\(drawn.count) of 900 words of the cell")
    #expect(pageOf("after") != nil && pageOf("After.") != nil)
  }

  @Test func rightToLeftColumnsFillFromTheRightWithTheNoteRuleAtTheRight() throws {
    var style = Style()
    style.page.columns = 2
    let words = (1...500).map { "מילה\($0)" }.joined(separator: " ")
    let md = "---\ntitle: בדיקה\nlang: he\nhideTitle: true\n---\n\nהערה[^a] \(words)\n\n[^a]: הערה קצרה.\n"
    let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
    let page = try #require(layout.pages.first)
    let base = style.base.font.size.points(em: 12)
    let middle = style.page.width.points(em: base) / 2
    let body = Self.texts(page).filter { $0.tag == "P" }
    // The first line of the paragraph (the first drawn) is in the right-hand column, the rest of
    // the page in the left.
    let first = try #require(body.first)
    #expect(first.x > middle, "the text starts at \(first.x), left of the middle \(middle)")
    #expect(body.contains { $0.x < middle }, "the left-hand column holds the rest")
    let rules = page.items.compactMap { item -> Double? in
      if case .rule(let x0, _, let x1, _, _, _) = item.kind { return min(x0, x1) } else { return nil }
    }
    #expect(rules.contains { $0 > middle }, "the note rule starts right of the middle: \(rules)")
  }
}
