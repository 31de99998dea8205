import Foundation
import ImprentaTestSupport
import Testing

/// Every PDF Imprenta writes passes `pdfua check` (the machine-checkable rules of PDF/UA-1) with
/// no finding, and says so in its XMP; the structure behind it is read back with qpdf.
@Suite(.enabled(if: pdfuaExecutable != nil, "pdfua is not installed: run scripts/setup (it installs pdfua under .build/tools)"))
struct PDFUATests {
  /// The PDFs under `folder` of the runner.
  func pdfs(_ r: CommandRunner, under folder: String) -> [String] {
    r.files(under: folder).filter { $0.hasSuffix(".pdf") }.map { r.folder.appendingPathComponent(folder + "/" + $0).path }
  }

  /// The file uncompressed (`qpdf --qdf`), so its objects and page content can be searched.
  func uncompressed(_ path: String) throws -> String {
    let out = path + ".qdf"
    let result = try #require(runTool("qpdf", ["--qdf", "--object-streams=disable", path, out]))
    #expect(result.status == 0 || result.status == 3, "\(result.output)")
    return String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
  }

  func expectNoFinding(_ files: [String], _ what: String) throws {
    #expect(!files.isEmpty, "no PDF for \(what)")
    let check = try #require(pdfuaCheck(files))
    #expect(check.status == 0, "pdfua findings in \(what):\n\(check.output)")
  }

  @Test func shippedContentPagesHaveNoFinding() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let result = try r.run(["build", Repository.root.appendingPathComponent("content").path, "--format", "pdf", "-o", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    let files = pdfs(r, under: "out")
    #expect(files.count >= 4)
    try expectNoFinding(files, "content/")
  }

  @Test(arguments: ["hugo-site", "hugo-mounted-site"])
  func fixtureSiteBooksHaveNoFinding(site: String) throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let result = try r.run(["build", Repository.fixtures.appendingPathComponent(site).path, "--book", "--format", "pdf", "-o", "book"])
    #expect(result.status == 0, "\(result.stderr)")
    try expectNoFinding(pdfs(r, under: "book"), site)
  }

  /// A report with a table longer than a page, a paragraph over a page break, footnotes, links and
  /// hyphenated words: no finding, and the structure a screen reader needs.
  @Test func reportWithTableFootnotesAndLinks() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let rows = (1...60).map { "| Item \($0) | \($0 * 7) | a remark long enough to wrap once in the narrow column number \($0) |" }.joined(separator: "\n")
    let paragraph = Array(repeating: "The officials defined different classifications for the office, and the definitions were reviewed.", count: 30).joined(separator: " ")
    try r.write(
      "report.md",
      """
      ---
      title: Quarterly Report
      lang: en
      ---

      The figures come from the [statistics office](https://example.org/statistics) and were checked twice.[^source]

      | Item | Amount | Remark |
      |---|---:|---|
      \(rows)

      \(paragraph)

      [^source]: Collected in March; see the [method note](https://example.org/method).
      """)
    let result = try r.run(["build", "report.md", "--format", "pdf", "-o", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    let path = r.folder.appendingPathComponent("out/report.pdf").path
    try expectNoFinding([path], "the report")
    let pdf = try uncompressed(path)
    // The claim: XMP with pdfuaid, title and language; the title shown; tab order on link pages.
    #expect(pdf.contains("<pdfuaid:part>1</pdfuaid:part>"))
    #expect(pdf.contains("<rdf:li xml:lang=\"x-default\">Quarterly Report</rdf:li>"))
    #expect(pdf.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>"))
    #expect(pdf.contains("/DisplayDocTitle true"))
    #expect(pdf.contains("/Tabs /S"))
    // One table over three pages, its header once (repeated ones are artifacts), with scope.
    #expect(pdf.components(separatedBy: "/S /Table\n").count - 1 == 1)
    #expect(pdf.components(separatedBy: "/S /TH\n").count - 1 == 3)
    #expect(pdf.contains("/S /THead") && pdf.contains("/S /TBody"))
    #expect(pdf.contains("/Scope /Column"))
    #expect(pdf.contains("/Artifact << /Type /Pagination >> BDC"))
    #expect(pdf.contains("/Artifact << /Type /Layout >> BDC"))
    // No marker element is left in the tree; links are described.
    #expect(!pdf.contains("/S /Private") && !pdf.contains("/S /WP\n"))
    #expect(pdf.contains("/Contents (statistics office)") || pdf.contains("/Contents <feff"))
    #expect(pdf.contains("/S /Note"))
    // Links hold their text: the words are in the link's own marked content, none is left empty.
    #expect(pdf.firstMatch(of: /EMC\s+\/Link <<\s?\/MCID/) != nil)
    #expect(pdf.firstMatch(of: /\/Link << \/MCID \d+ >> BDC\s+EMC/) == nil)
    // Soft hyphens: no empty span per hyphenation point, words whole in the text layer.
    #expect(!pdf.contains("/ActualText <feff00ad> >> BDC\nEMC"))
    let text = try #require(runTool("pdftotext", [path, "-"])).output
    for word in ["officials", "defined", "different", "definitions", "office"] { #expect(text.contains(word), "\(word) is not found in the text") }
  }

  /// A figure under a caption with no alternative text: no made-up alt, no claim, and the build
  /// says why (an error under --strict).
  @Test func captionedFigureWithoutAltIsNotClaimed() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let png = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"))
    try r.write("dot.png", bytes: Array(png))
    try r.write("page.md", "---\ntitle: Dots\nlang: en\n---\n\n![](dot.png \"One dot, enlarged\")\n")
    let result = try r.run(["build", "page.md", "--format", "pdf", "-o", "out"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("pdfua-not-claimed") || result.stderr.contains("does not claim PDF/UA-1"), "\(result.stderr)")
    let pdf = try uncompressed(r.folder.appendingPathComponent("out/page.pdf").path)
    #expect(!pdf.contains("pdfuaid:part"))
    #expect(!pdf.contains("/Alt (One dot"))
    let strict = try r.run(["build", "page.md", "--format", "pdf", "-o", "out2", "--strict"])
    #expect(strict.status != 0)
  }

  /// The seed site's case: a book whose figures have captions but no alternative text. With the
  /// author's opt-in (`accessibility.alt_from: caption`) the captions become the /Alt: no
  /// finding, the PDF/UA claim, no warning, and the XHTML's `alt` says the same.
  @Test func captionsAsAltTextWhenTheAuthorOptsIn() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let png = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"))
    try r.write("site/dots/dot.png", bytes: Array(png))
    try r.write("site/dots/line.png", bytes: Array(png))
    try r.write("site/intro.md", "---\ntitle: Introducción\nlang: es\n---\n\nUn texto que presenta los puntos.\n")
    try r.write(
      "site/dots/chapter.md",
      "---\ntitle: Puntos\nlang: es\n---\n\nAntes de la figura.\n\n![](dot.png \"Un punto ampliado\")\n\nEntre figuras.\n\n![imagen](line.png \"Una línea de puntos\")\n")
    try r.write("a11y.yaml", "extends: default\naccessibility:\n  alt_from: caption\n")
    let plain = try r.run(["build", "site", "--book", "--format", "pdf", "-o", "plain"])
    #expect(plain.stderr.contains("does not claim PDF/UA-1"), "without the opt-in: \(plain.stderr)")
    let result = try r.run(["build", "site", "--book", "--format", "pdf,xhtml", "--style", "a11y.yaml", "-o", "book"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("pdfua-not-claimed") && !result.stderr.contains("missing-alt-text"), "\(result.stderr)")
    let files = pdfs(r, under: "book")
    try expectNoFinding(files, "the book with captions as alt text")
    let pdf = try uncompressed(try #require(files.first))
    #expect(pdf.contains("<pdfuaid:part>1</pdfuaid:part>"))
    #expect(pdf.contains("/Alt (Un punto ampliado)"))
    let xhtml = r.files(under: "book").filter { $0.hasSuffix(".xhtml") }
    let text = try xhtml.map { try String(contentsOf: r.folder.appendingPathComponent("book/" + $0), encoding: .utf8) }.joined()
    #expect(text.contains("alt=\"Un punto ampliado\"") && text.contains("alt=\"Una línea de puntos\""), "\(xhtml)")
  }
}
