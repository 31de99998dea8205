import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Whatever its size, every word of a footnote or a table cell is drawn inside the text area:
/// a long note goes on at the foot of the next pages, a row taller than a page is cut between
/// lines. In one column and in two (the two paginators share the code that does it).
@Suite(.serialized) struct NothingLostTests {
  static func words(_ n: Int) -> String { (0..<n).map { "w\($0)" }.joined(separator: " ") + " END" }

  static func style(columns: Int) -> Style {
    var s = Style()
    s.page.columns = columns
    return s
  }

  /// Every text line lies inside the page's text area (the running head and folio aside).
  static func linesOutsideTheTextArea(_ layout: PageLayout, style: Style) -> Int {
    let base = style.base.font.size.points(em: 12)
    let top = style.page.marginTop.points(em: base), bottom = style.page.height.points(em: base) - style.page.marginBottom.points(em: base)
    var outside = 0
    for page in layout.pages {
      for item in page.items {
        guard case .text(let t) = item.kind, t.text.contains("w") else { continue }
        if t.baseline < top || t.baseline > bottom { outside += 1 }
      }
    }
    return outside
  }

  static func countWords(in url: URL) -> Int? {
    guard let text = PDFTest.run("pdftotext", [url.path, "-"])?.output else { return nil }
    let found = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.hasPrefix("w") && Int($0.dropFirst()) != nil })
    return found.count + (text.contains("END") ? 1 : 0)
  }

  @Test(arguments: [(20, 1), (600, 1), (3_000, 1), (600, 2), (3_000, 2)])
  func longFootnoteGoesOnAtTheFootOfTheNextPages(_ n: Int, _ columns: Int) throws {
    let style = Self.style(columns: columns)
    let doc = try PDFTest.document("# T\n\nA sentence[^1] and another[^2].\n\nMore text.\n\n[^1]: \(Self.words(n))\n\n[^2]: A short note.\n")
    let (layout, _) = PDFTest.layout(doc, style: style)
    #expect(Self.linesOutsideTheTextArea(layout, style: style) == 0)
    #expect(layout.anchorPages["fn-1"] == layout.anchorPages["fnref-1"], "a note starts on the page that calls it")
    let (url, _, _) = try PDFTest.write(doc, name: "long-note-\(n)-\(columns)", style: style)
    guard let found = Self.countWords(in: url) else { return }
    #expect(found == n + 1, "\(found) of \(n + 1) words of the note")
    let text = PDFTest.run("pdftotext", [url.path, "-"])?.output ?? ""
    #expect(text.contains("A short note.") && text.contains("More text."))
  }

  @Test(arguments: [(30, 1), (3_000, 1), (3_000, 2)])
  func tallTableRowIsCutBetweenLines(_ n: Int, _ columns: Int) throws {
    let style = Self.style(columns: columns)
    let doc = try PDFTest.document("# T\n\nBefore.\n\n| a | b |\n|---|---|\n| short | x |\n| \(Self.words(n)) | y z |\n| after | row |\n\nAfter.\n")
    let (layout, _) = PDFTest.layout(doc, style: style)
    #expect(Self.linesOutsideTheTextArea(layout, style: style) == 0)
    let (url, _, _) = try PDFTest.write(doc, name: "tall-row-\(n)-\(columns)", style: style)
    guard let found = Self.countWords(in: url) else { return }
    #expect(found == n + 1, "\(found) of \(n + 1) words of the cell")
    let text = PDFTest.run("pdftotext", [url.path, "-"])?.output ?? ""
    #expect(text.contains("after") && text.contains("After."))
  }

  /// Tall rows where the paginators cannot cut while placing: in a list in columns, in a note.
  @Test(arguments: [
    ("- item\n\n  | a | b |\n  |---|---|\n  | WORDS | x |\n", 2),
    ("A call[^1].\n\n[^1]: Note with a table:\n\n    | a | b |\n    |---|---|\n    | WORDS | x |\n", 1),
    ("A call[^1].\n\n[^1]: Note with a table:\n\n    | a | b |\n    |---|---|\n    | WORDS | x |\n", 2),
  ])
  func tallRowInAListOrANoteIsCutToo(_ body: String, _ columns: Int) throws {
    let style = Self.style(columns: columns)
    let doc = try PDFTest.document("# T\n\n" + body.replacingOccurrences(of: "WORDS", with: Self.words(2_000)) + "\nAfter.\n")
    let (layout, _) = PDFTest.layout(doc, style: style)
    #expect(Self.linesOutsideTheTextArea(layout, style: style) == 0)
    let (url, _, _) = try PDFTest.write(doc, name: "tall-row-nested-\(columns)", style: style)
    guard let found = Self.countWords(in: url) else { return }
    #expect(found == 2_001, "\(found) of 2,001 words")
  }

  @Test func cutsFallBetweenTheLinesOfEveryCell() {
    // Cell 1: lines of 10 from 5; cell 2: lines of 14 from 5.
    var spans: [(top: Double, bottom: Double)] = []
    for k in 0..<6 { spans.append((top: 5 + Double(k) * 10, bottom: 15 + Double(k) * 10)) }
    for k in 0..<3 { spans.append((top: 5 + Double(k) * 14, bottom: 19 + Double(k) * 14)) }
    let cuts = PDFLayouter.cuts(between: spans)
    // 15 is inside 5–19; 19 inside 15–25; 25 inside 19–33; 33 inside 25–35; 35 inside 33–47;
    // 45 inside 33–47; 47 inside 45–55; 55 and 65 are clear.
    #expect(cuts == [55, 65])
  }
}
