import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Painting tiny pages on a Cairo image surface and reading pixels back.
@Suite struct PaintTests {
  @Test func boxAndRuleLandWhereTheLayoutSaysTheyAre() {
    var page = LaidPage(width: 40, height: 20)
    page.items.append(PageItem(.box(Rect(x: 5, y: 5, width: 10, height: 10), fill: Color(hex: 0xff0000), stroke: .none, group: 0)))
    page.items.append(PageItem(.rule(x0: 20, y0: 10, x1: 35, y1: 10, width: 2, color: Color(hex: 0x0000ff))))
    let ctx = CairoContext(imageWidth: 40, height: 20, scale: 1)
    Painter(layout: PageLayout(pages: [page])).paint(page: 0, into: ctx)
    // ASCII art of one row (y = 9): '.' white, 'R' red, 'B' blue.
    let row = (0..<40).map { x -> Character in
      switch ctx.pixel(x: x, y: 9) {
      case 0xff0000: return "R"
      case 0x0000ff: return "B"
      case 0xffffff: return "."
      default: return "?"
      }
    }
    #expect(String(row) == ".....RRRRRRRRRR.....BBBBBBBBBBBBBBB.....")
    #expect(ctx.pixel(x: 10, y: 2) == 0xffffff)
  }

  @Test func codeBackgroundIsPaintedUnderItsLines() throws {
    let doc = try PDFTest.document("---\ntitle: T\nhideTitle: true\n---\n\n```\nx\n```\n")
    let (layout, _) = PDFTest.layout(doc, style: PaginationTests.smallPage)
    let box = try #require(layout.pages[0].items.compactMap { item -> Rect? in
      if case .box(let r, _, _, _) = item.kind { return r }
      return nil
    }.first)
    let ctx = CairoContext(imageWidth: layout.pages[0].width, height: layout.pages[0].height, scale: 1)
    Painter(layout: layout).paint(page: 0, into: ctx)
    #expect(ctx.pixel(x: Int(box.maxX) - 3, y: Int(box.y + box.height / 2)) == 0xf3f4f6)
    #expect(ctx.pixel(x: Int(box.maxX) + 3, y: Int(box.y + box.height / 2)) == 0xffffff)
    #expect(ctx.pixel(x: Int(box.maxX) - 3, y: Int(box.y) - 3) == 0xffffff)
  }
}
