import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Print production: imposition order, page boxes, covers, columns, pull-quotes, preflight.
@Suite(.serialized) struct PrintTests {
  /// A brochure-like style on A5: bleed, crop marks, covers.
  static var printStyle: Style {
    var s = Style()
    s.page.width = .mm(148)
    s.page.height = .mm(210)
    s.page.marginTop = .mm(15)
    s.page.marginBottom = .mm(15)
    s.page.marginInner = .mm(15)
    s.page.marginOuter = .mm(15)
    s.print.bleed = .mm(3)
    s.print.cropMarks = true
    s.cover.front = true
    s.cover.back = true
    s.cover.organization = "Organización"
    return s
  }

  // MARK: - Imposition

  @Test func bookletOrderForTwelvePages() {
    #expect(Imposition.positions(paddedCount: 12, mode: .booklet) == [[12, 1], [2, 11], [10, 3], [4, 9], [8, 5], [6, 7]])
    #expect(Imposition.paddedCount(10, mode: .booklet) == 12)
    #expect(Imposition.positions(paddedCount: 4, mode: .twoUp) == [[1, 2], [3, 4]])
    // A back cover stays last: blanks go in before it.
    #expect(Imposition.sides(pageCount: 6, mode: .booklet, keepLast: 1) == [[5, 0], [1, nil], [nil, 2], [3, 4]])
  }

  /// Ten laid-out pages, each with its number as text.
  static func numberedPages(_ n: Int) -> PageLayout {
    let engine = TextEngine()
    var layout = PageLayout()
    for i in 1...n {
      var t = AttributedText()
      t.append("Página \(i)")
      let block = TextBlock(engine: engine, text: t, format: ParagraphFormat(font: FontSpec(family: ["DejaVu Sans"], size: 20), width: 200))
      layout.pages.append(LaidPage(width: 300, height: 400, items: [PageItem(.text(TextLine(block: block, index: 0, x: 50, baseline: 200)), tags: [StructureTag(name: "P", id: i)])]))
    }
    return layout
  }

  @Test func tenPagesImposeOnThreeSheetsInSaddleStitchOrder() throws {
    let layout = Self.numberedPages(10)
    let imposed = ImposedLayout(pageCount: 10, mode: .booklet, pageWidth: 300, pageHeight: 400)
    // Positions 11 and 12 are blanks (0).
    #expect(imposed.pageNumbers == [[0, 1], [2, 0], [10, 3], [4, 9], [8, 5], [6, 7]])
    #expect(imposed.sheets.count == 6, "3 sheets, printed on both sides")
    var problems: [String]? = []
    var qpdfWarnings: [String] = []
    var pdfx = PDFXFindings(profile: nil)
    let doc = try PDFTest.document("# x")
    let bytes = try PDFWriter(style: Style()).paintSheets(
      imposed, layout: layout, print: PrintGeometry(style: Style()), document: doc, environment: PDFTest.environment, fontProblems: &problems,
      qpdfWarnings: &qpdfWarnings, pdfx: &pdfx)
    #expect(qpdfWarnings.isEmpty, "qpdf repaired nothing: \(qpdfWarnings)")
    let url = PDFTest.outputFolder.appendingPathComponent("booklet-10.pdf")
    try Data(bytes).write(to: url)
    guard let info = PDFTest.run("pdfinfo", [url.path]) else { return }
    #expect(info.output.contains("Pages:           6"))
    #expect(info.output.contains("600 x 400 pts"), "sheets twice the page width: \(info.output)")
    let expected = [["1"], ["2"], ["10", "3"], ["4", "9"], ["8", "5"], ["6", "7"]]
    for (k, pair) in expected.enumerated() {
      let text = PDFTest.run("pdftotext", ["-f", "\(k + 1)", "-l", "\(k + 1)", "-layout", url.path, "-"])?.output ?? ""
      let numbers = text.matches(of: /Página (\d+)/).map { String($0.1) }
      #expect(numbers == pair, "sheet \(k + 1): \(text)")
    }
  }

  // MARK: - Boxes, covers, labels

  @Test func pageBoxesCoversAndLabels() throws {
    let doc = try PDFTest.fixture("english.md")
    var options = PDFOptions()
    options.impose = .booklet
    var d = Diagnostics()
    let files = try PDFWriter(style: Self.printStyle, options: options).writeFiles([doc], environment: PDFTest.environment, diagnostics: &d)
    #expect(files.map(\.suffix) == ["", "booklet"])
    let url = PDFTest.outputFolder.appendingPathComponent("print-boxes.pdf")
    try Data(files[0].bytes).write(to: url)
    try Data(files[1].bytes).write(to: PDFTest.outputFolder.appendingPathComponent("print-boxes.booklet.pdf"))
    guard let info = PDFTest.run("pdfinfo", ["-box", url.path])?.output else { return }
    func box(_ name: String) -> [Double] {
      let line = info.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
      return line.split(separator: " ").dropFirst().compactMap { Double($0) }
    }
    let trim = box("TrimBox:"), bleed = box("BleedBox:"), media = box("MediaBox:")
    let mm = 72 / 25.4
    #expect(abs((trim[2] - trim[0]) - 148 * mm) < 0.1 && abs((trim[3] - trim[1]) - 210 * mm) < 0.1, "\(trim)")
    for k in 0..<2 { #expect(abs(trim[k] - bleed[k] - 3 * mm) < 0.05) }
    for k in 2..<4 { #expect(abs(bleed[k] - trim[k] - 3 * mm) < 0.05) }
    #expect(media[0] == 0 && media[2] > bleed[2] + 10 && media[3] > bleed[3] + 10)
    let check = PDFTest.run("qpdf", ["--check", url.path])?.output ?? ""
    #expect(check.contains("No syntax or stream encoding errors"))
    // The cover: its background runs into the bleed, and it carries no running head or number.
    let (layout, _) = PDFTest.layout(doc, style: Self.printStyle)
    #expect(!layout.dump().contains("<H1> Typesetting Notes"), "no title block on the first body page when there is a cover")
    let labels = PDFWriter.pageLabels(front: 1, body: 3, back: 1)
    #expect(labels == ["i", "1", "2", "3", "4"])
    #expect(PDFWriter.roman(14) == "xiv")
  }

  // MARK: - Columns and pull-quotes

  @Test func twoBalancedColumnsWithSpanningHeadings() throws {
    var style = Style()
    style.page.columns = 2
    let words = (1...260).map { "palabra\($0 % 17)" }.joined(separator: " ")
    let doc = try PDFTest.document("# Título\n\n\(words)\n\n## Sección\n\nCorto.")
    let (layout, _) = PDFTest.layout(doc, style: style)
    let page = layout.pages[0]
    var lefts: [Double: [Double]] = [:]
    var headingWidths: [Double] = []
    var sectionStart = Double.infinity
    for item in page.items {
      guard case .text(let t) = item.kind else { continue }
      if item.tags.contains(where: { $0.name == "H1" || $0.name == "H2" }) {
        headingWidths.append(t.block.format.width)
        if item.tags.contains(where: { $0.name == "H2" }) { sectionStart = min(sectionStart, t.baseline) }
        continue
      }
      lefts[(t.x / 10).rounded() * 10, default: []].append(t.baseline)
    }
    let mm: Double = 72 / 25.4
    let geometryWidth: Double = 160 * mm
    #expect(headingWidths.allSatisfy { abs($0 - geometryWidth) < 1 }, "headings span both columns")
    let columns = lefts.keys.sorted()
    #expect(columns.count >= 2, "\(columns)")
    // Balanced: the two columns of the first section end within a line of each other.
    let ends: [Double] = columns.prefix(2).map { x in (lefts[x] ?? []).filter { $0 < sectionStart }.max() ?? 0 }
    #expect(abs(ends[0] - ends[1]) <= 15, "\(ends)")
  }

  @Test func pullQuoteFromMarkdown() throws {
    let doc = try PDFTest.document("> {.pull}\n> Lo que importa es participar.\n\nTexto.")
    guard case .blockQuote(let q)? = doc.blocks.first else {
      Issue.record("no quote")
      return
    }
    #expect(q.attributes.classes == ["pull"])
    #expect(q.isPullQuote)
    let (layout, _) = PDFTest.layout(doc)
    let dump = layout.dump()
    #expect(dump.contains("Lo que importa es participar."))
    #expect(!dump.contains("{.pull}"))
    #expect(dump.contains("rule "), "set apart between rules")
  }

  // MARK: - Preflight

  @Test func preflightReportsALowResolutionImageWithItsPPI() throws {
    var style = Style()
    style.figure.fullWidth = true
    var d = Diagnostics()
    _ = try PDFWriter(style: style, options: PDFOptions(preflight: true)).writeFiles([try PDFTest.fixture("preflight.md")], environment: PDFTest.environment, diagnostics: &d)
    let low = d.items.filter { $0.code == .preflightLowResolution }
    #expect(low.count == 1, "\(d.items)")
    #expect(low.first?.message.contains("preflight-72ppi.png prints at 72 ppi") == true, "\(low)")
    #expect(low.first?.line == 7)
    #expect(!d.items.contains { $0.message.contains("300ppi") }, "the 300 ppi image is not reported")
    #expect(!d.items.contains { $0.code == .preflightFontNotEmbedded })
  }

  @Test func preflightFindsMissingBleedAndTrimArea() throws {
    var style = Self.printStyle
    style.print.bleed = .mm(0)
    style.cover.back = false
    var d = Diagnostics()
    _ = try PDFWriter(style: style).writeFiles([try PDFTest.fixture("english.md")], environment: PDFTest.environment, diagnostics: &d)
    #expect(d.items.contains { $0.code == .preflightMissingBleed }, "a full-bleed cover with no bleed: \(d.items)")
    var tight = Style()
    tight.page.marginInner = .mm(1)
    tight.page.marginOuter = .mm(1)
    d = Diagnostics()
    _ = try PDFWriter(style: tight, options: PDFOptions(preflight: true)).writeFiles([try PDFTest.fixture("english.md")], environment: PDFTest.environment, diagnostics: &d)
    #expect(d.items.contains { $0.code == .preflightTrimArea }, "\(d.items)")
    // A screen PDF (no bleed, marks, covers or imposition) is not preflighted unless asked.
    d = Diagnostics()
    _ = try PDFWriter(style: Style()).writeFiles([try PDFTest.fixture("english.md")], environment: PDFTest.environment, diagnostics: &d)
    #expect(!d.items.contains { $0.code.rawValue.hasPrefix("preflight-") }, "\(d.items)")
  }
}
