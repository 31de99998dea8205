import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Chapter openings as both paginators set them, from the one shared break logic.
@Suite("Book pagination")
struct BookPaginationTests {
  /// A book: a part holding chapters of 1, 3 and 2 pages' worth of text, then an empty part and a
  /// chapter of its own.
  static func book() -> Book {
    func chapter(_ n: Int, paragraphs: Int) -> Book.Entry {
      let text = (0..<90).map { _ in "capítulo\(n)" }.joined(separator: " ")
      let blocks = (0..<paragraphs).map { _ in Block.paragraph(Paragraph([.text(Text(text))])) }
      return Book.Entry(document: Document(relativeName: "c\(n)", metadata: Metadata(title: "Capítulo \(n)"), blocks: blocks), role: .chapter, level: 2)
    }
    return Book(title: "Libro", language: "es", metadata: Metadata(title: "Libro"), entries: [
      Book.Entry(document: Document(relativeName: "_index", metadata: Metadata(title: "Libro")), role: .front, level: 0),
      Book.Entry(document: Document(relativeName: "p1/_index", metadata: Metadata(title: "Primera parte")), role: .part, level: 1),
      chapter(1, paragraphs: 3), chapter(2, paragraphs: 14), chapter(3, paragraphs: 8),
      Book.Entry(document: Document(relativeName: "p2/_index", metadata: Metadata(title: "Segunda parte")), role: .part, level: 1),
      chapter(4, paragraphs: 2),
    ])
  }

  func laidOut(_ book: Book, style: Style) -> (PageLayout, BookPlan) {
    let (document, origins) = book.mergedWithOrigins()
    let plan = BookPlan(book, origins: origins)
    var d = Diagnostics()
    let layout = PDFWriter(style: style).layout(document, book: plan, engine: TextEngine(), environment: .empty, diagnostics: &d)
    return (layout, plan)
  }

  @Test(arguments: [1, 2])
  func chaptersOpenRightHandPagesInOneColumnAndInTwo(columns: Int) {
    var style = Style()
    style.page.columns = columns
    style.book.chapterStart = "right"
    let (layout, plan) = laidOut(Self.book(), style: style)
    var openings: [Int] = []
    for (index, division) in plan.divisions where division.role != .front {
      guard let page = layout.anchorPages[BookPlan.anchor(index)] else {
        Issue.record("\(division.title) has no page")
        continue
      }
      openings.append(page)
      #expect(page % 2 == 0, "\(division.title) opens on page \(page + 1), a left-hand page")
    }
    #expect(openings.count == 6)
    #expect(Set(openings).count == openings.count, "each part and chapter on a page of its own")
    // Blank pages only before a right-hand opening, never two in a row.
    #expect(!layout.blankPages.isEmpty)
    for b in layout.blankPages {
      #expect(b % 2 == 1 && openings.contains(b + 1), "blank page \(b + 1)")
      #expect(!layout.blankPages.contains(b + 1))
      #expect(layout.pages[b].items.isEmpty, "a blank page has no running head or number")
    }
    // Every other page knows where its text begins.
    for i in layout.pages.indices where !layout.blankPages.contains(i) { #expect(layout.pageStarts[i] != nil, "page \(i + 1)") }
    // The front matter (title page, contents) is numbered in roman; the first part is page 1.
    #expect(layout.frontMatterPages == openings.min())
  }

  @Test func chaptersRunOnWhenTheStyleSaysNone() {
    var style = Style()
    style.book.chapterStart = "none"
    let (layout, plan) = laidOut(Self.book(), style: style)
    let pages = plan.divisions.keys.compactMap { layout.anchorPages[BookPlan.anchor($0)] }
    #expect(Set(pages).count < pages.count, "several openings share a page")
    #expect(layout.blankPages.isEmpty)
  }

  @Test func theBackCoverOfABookletIsItsLastPage() throws {
    var style = Style()
    style.book.chapterStart = "right"
    style.cover.front = true
    style.cover.back = true
    style.cover.backText = "Contratapa del libro"
    style.print.impose = "booklet"
    // One cover page before the body: right-hand pages are the body's odd-indexed ones.
    let (layout, plan) = laidOut(Self.book(), style: style)
    for (index, division) in plan.divisions where division.role != .front {
      let page = layout.anchorPages[BookPlan.anchor(index)] ?? 0
      #expect((page + 1) % 2 == 0, "\(division.title) opens on printed page \(page + 2), a left-hand page")
    }
    var d = Diagnostics()
    let printed = try PDFWriter(style: style, options: PDFOptions(writeUnimposed: true)).writeBook(Self.book(), environment: .empty, diagnostics: &d)
    #expect(printed.files.map(\.suffix) == ["", "booklet"])
    #expect(printed.pageMap.pages.first?.label == "i")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-booklet-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(printed.files[1].bytes).write(to: url)
    // The outside of the first sheet: the back cover at the left, the front cover at the right.
    guard let first = PDFTest.run("pdftotext", ["-f", "1", "-l", "1", "-layout", url.path, "-"]) else { return }
    let line = first.output.split(separator: "\n").first { $0.contains("Contratapa") }
    #expect(line != nil, "\(first.output)")
    let unimposed = try PDFTest.run("qpdf", ["--show-npages", { try Data(printed.files[0].bytes).write(to: url); return url.path }()])
    #expect(Int(unimposed?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") == printed.pageMap.pages.count)
    #expect(printed.pageMap.pages.last?.position.path == [Self.book().entries.last!.document.blocks.count], "the back cover's marker ends the book")
  }
}
