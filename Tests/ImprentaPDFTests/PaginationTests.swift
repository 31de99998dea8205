import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Pagination a typesetter would accept: no lone lines at a page's foot or head, headings kept
/// with their text, table headers repeated.
@Suite struct PaginationTests {
  /// A small page, so a few paragraphs fill it.
  static var smallPage: Style {
    var s = Style()
    s.page.width = .mm(105)
    s.page.height = .mm(120)
    s.page.marginTop = .mm(10)
    s.page.marginBottom = .mm(10)
    s.page.marginInner = .mm(10)
    s.page.marginOuter = .mm(10)
    return s
  }

  static let sentence = "The quick brown fox jumps over the lazy dog while the typesetter watches every line. "

  /// For each page, the text lines as (block, line index, tag name).
  static func lines(_ layout: PageLayout) -> [[(block: ObjectIdentifier, index: Int, count: Int, tag: String)]] {
    layout.pages.map { page in
      page.items.compactMap { item in
        guard case .text(let t) = item.kind, let tag = item.tags.last?.name else { return nil }
        return (ObjectIdentifier(t.block), t.index, t.block.lines.count, tag)
      }
    }
  }

  @Test func noParagraphLeavesOneLineAtAFootOrHead() throws {
    var sawMove = false, sawSplit = false
    for filler in 1...24 {
      let md = "---\ntitle: T\nhideTitle: true\n---\n\n" + String(repeating: "Filler line.\n\n", count: filler)
        + String(repeating: Self.sentence, count: 6) + "\n\n" + String(repeating: Self.sentence, count: 5) + "\n"
      let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: Self.smallPage)
      let pages = Self.lines(layout)
      for (p, page) in pages.enumerated() {
        for block in Set(page.map(\.block)) {
          let here = page.filter { $0.block == block }
          let count = here[0].count
          guard count > 1, here.count < count else { continue }
          sawSplit = true
          #expect(here.count >= 2, "filler \(filler), page \(p + 1): only \(here.count) line of a \(count)-line paragraph")
        }
        if p > 0, let first = page.first, first.index == 0, first.count > 1, pages[p - 1].contains(where: { $0.tag == "P" }) {
          sawMove = true
        }
      }
    }
    #expect(sawSplit, "no paragraph was split: the test proves nothing")
    #expect(sawMove, "no paragraph ever moved whole to the next page")
  }

  @Test func headingIsKeptWithTwoLinesOfItsText() throws {
    var sawMove = false
    for filler in 1...24 {
      let md = "---\ntitle: T\nhideTitle: true\n---\n\n" + String(repeating: "Filler line.\n\n", count: filler)
        + "## A heading near the foot\n\n" + String(repeating: Self.sentence, count: 4) + "\n"
      let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: Self.smallPage)
      let pages = Self.lines(layout)
      for (p, page) in pages.enumerated() {
        guard let h = page.firstIndex(where: { $0.tag == "H2" }) else { continue }
        let after = page[(h + 1)...].filter { $0.tag == "P" }
        #expect(after.count >= 2, "filler \(filler): heading on page \(p + 1) has \(after.count) lines of its text after it")
        if p > 0 && h == 0 { sawMove = true }
      }
    }
    #expect(sawMove, "the heading never had to move to the next page")
  }

  @Test func tableSpanningPagesRepeatsItsHeader() throws {
    var md = "---\ntitle: T\nhideTitle: true\n---\n\n| Name | Value |\n|---|---:|\n"
    for i in 1...60 { md += "| Row \(i) | \(i * 7) |\n" }
    let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: Self.smallPage)
    let pages = layout.pages.filter { $0.items.contains { $0.tags.last?.name == "TD" } }
    #expect(pages.count >= 3)
    for (p, page) in pages.enumerated() {
      // The header row heads every page: tagged once (TH, in THead), an artifact (untagged) after.
      let texts = page.items.compactMap { item -> (text: String, tag: String)? in
        guard case .text(let t) = item.kind, item.tags.last?.name != "WP" else { return nil }
        return (t.text, item.tags.last?.name ?? "")
      }
      #expect(texts.prefix(2).map(\.text) == ["Name", "Value"], "page \(p + 1) of the table does not start with the header row")
      #expect(texts.prefix(2).allSatisfy { $0.tag == (p == 0 ? "TH" : "") }, "page \(p + 1): \(texts.prefix(2))")
      #expect(texts.dropFirst(2).allSatisfy { $0.tag == "TD" })
    }
    // Every body row is set once, whole.
    let rows = layout.pages.flatMap(\.items).compactMap { item -> String? in
      if case .text(let t) = item.kind, item.tags.last?.name == "TD", t.text.hasPrefix("Row ") { return t.text }
      return nil
    }
    #expect(rows == (1...60).map { "Row \($0)" })
  }

  @Test func footnoteIsSetAtTheFootOfThePageThatCallsIt() throws {
    let md = "---\ntitle: T\nhideTitle: true\n---\n\n" + String(repeating: "Filler line.\n\n", count: 12)
      + "A call.[^a]\n\n" + String(repeating: "More text.\n\n", count: 20) + "[^a]: The note text.\n"
    let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: Self.smallPage)
    let callPage = layout.anchorPages["fnref-1"]
    #expect(callPage != nil)
    #expect(layout.anchorPages["fn-1"] == callPage)
  }
}
