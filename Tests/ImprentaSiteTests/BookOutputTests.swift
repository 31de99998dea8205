import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// Reads a book's outline back from its outputs: the PDF's bookmarks (qpdf), the EPUB's nav
/// and NCX, as "depth title" lines.
enum BookOutline {
  static func temporary(_ bytes: [UInt8], _ ext: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("book-\(UUID().uuidString).\(ext)")
    try Data(bytes).write(to: url)
    return url
  }

  /// The PDF's bookmarks, nil when qpdf is not installed.
  static func pdf(_ bytes: [UInt8]) throws -> [String]? {
    let url = try temporary(bytes, "pdf")
    defer { try? FileManager.default.removeItem(at: url) }
    guard let run = runTool("qpdf", ["--json", "--json-key=outlines", url.path]), run.status == 0 else { return nil }
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    var out: [String] = []
    func walk(_ items: [[String: Any]], _ depth: Int) {
      for item in items {
        out.append("\(depth) \(item["title"] as? String ?? "")")
        walk(item["kids"] as? [[String: Any]] ?? [], depth + 1)
      }
    }
    walk(json["outlines"] as? [[String: Any]] ?? [], 1)
    return out
  }

  /// A file of the EPUB, nil when unzip is not installed.
  static func file(_ epub: [UInt8], _ path: String) throws -> String? {
    let url = try temporary(epub, "epub")
    defer { try? FileManager.default.removeItem(at: url) }
    guard let run = runTool("unzip", ["-p", url.path, path]), run.status == 0 else { return nil }
    return run.output
  }

  static func unescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }

  /// Lines of nested elements: `open` raises the depth, `close` lowers it, `label` is an entry.
  static func nested(_ text: String, open: String, close: String, label: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: "\(open)|\(close)|\(label)", options: [.dotMatchesLineSeparators])
    var depth = 0
    var out: [String] = []
    let ns = text as NSString
    for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      let token = ns.substring(with: m.range)
      if token.range(of: "^\(open)$", options: .regularExpression) != nil { depth += 1 } else if token.range(of: "^\(close)$", options: .regularExpression) != nil { depth -= 1 } else {
        let inner = token.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        out.append("\(depth) \(unescape(inner))")
      }
    }
    return out
  }

  /// The nav's table of contents (landmarks left out).
  static func nav(_ epub: [UInt8]) throws -> [String]? {
    guard let nav = try file(epub, "OEBPS/nav.xhtml") else { return nil }
    let toc = nav.components(separatedBy: "epub:type=\"landmarks\"")[0]
    return nested(toc, open: "<ol>", close: "</ol>", label: "<a [^>]*>[^<]*</a>")
  }

  /// The NCX's navMap.
  static func ncx(_ epub: [UInt8]) throws -> [String]? {
    guard let ncx = try file(epub, "OEBPS/toc.ncx") else { return nil }
    let map = ncx.components(separatedBy: "<navMap>").last ?? ""
    return nested(map, open: "<navPoint [^>]*>", close: "</navPoint>", label: "<text>[^<]*</text>")
  }

  /// epubcheck's verdict: nil when it is not installed.
  static func epubcheck(_ epub: [UInt8]) throws -> (ok: Bool, output: String)? {
    let url = try temporary(epub, "epub")
    defer { try? FileManager.default.removeItem(at: url) }
    guard FileManager.default.fileExists(atPath: "/usr/share/java/epubcheck.jar"),
      let run = runTool("java", ["-jar", "/usr/share/java/epubcheck.jar", url.path])
    else { return nil }
    return (run.status == 0 && run.output.contains("0 fatals / 0 errors / 0 warnings"), run.output)
  }
}

/// Books of the fixture sites and a generated 300-page book, in PDF and EPUB: the outline nests
/// part → chapter → sections alike in the PDF bookmarks, the EPUB nav and the NCX; every book
/// has a cover; labels and names are in the book's language.
@Suite("Book outputs", .serialized)
struct BookOutputTests {
  static let buildDate = PageDate(parsing: "2025-06-01T00:00:00Z")!

  static func exports(_ book: Book, resources: FileResources) throws -> (pdf: [UInt8], epub: [UInt8], xhtml: String, diagnostics: Diagnostics) {
    var d = Diagnostics()
    let exporter = Exporter(style: Style(), environment: ExportEnvironment(resources: resources, buildDate: buildDate))
    let pdf = try exporter.export(book, as: .pdf, diagnostics: &d)
    let epub = try exporter.export(book, as: .epub, diagnostics: &d)
    let xhtml = String(decoding: try exporter.export(book, as: .xhtml, diagnostics: &d), as: UTF8.self)
    return (pdf, epub, xhtml, d)
  }

  /// The outline read back from the PDF equals the nav's and the NCX's; returns it.
  @discardableResult
  static func expectSameOutline(_ pdf: [UInt8], _ epub: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
    guard var outline = try BookOutline.pdf(pdf), let nav = try BookOutline.nav(epub), let ncx = try BookOutline.ncx(epub) else { return [] }
    // The printed contents page has a bookmark of its own; the e-book's nav is its contents.
    if let first = outline.first, ["1 Contenido", "1 Contents"].contains(first) { outline.removeFirst() }
    #expect(!outline.isEmpty, sourceLocation: sourceLocation)
    #expect(outline == nav, "PDF outline vs nav", sourceLocation: sourceLocation)
    #expect(nav == ncx, "nav vs NCX", sourceLocation: sourceLocation)
    return outline
  }

  static func expectCoverAndValid(_ epub: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
    if let opf = try BookOutline.file(epub, "OEBPS/content.opf") {
      #expect(opf.contains("properties=\"cover-image\""), sourceLocation: sourceLocation)
      #expect(opf.contains("<itemref idref=\"cover\"/>"), sourceLocation: sourceLocation)
    }
    if let check = try BookOutline.epubcheck(epub) { #expect(check.ok, "\(check.output)", sourceLocation: sourceLocation) }
  }

  @Test func fixtureSiteBook() throws {
    let (p, _) = try Fixture.project()
    var d = Diagnostics()
    let book = try #require(p.books(diagnostics: &d).first { $0.language == "es" }?.book)
    let out = try Self.exports(book, resources: p.resources)
    let outline = try Self.expectSameOutline(out.pdf, out.epub)
    if !outline.isEmpty {
      // Parts hold their chapters, a nested part its chapter; the home page's body opens the book.
      #expect(outline.first == "1 Introducción")
      #expect(outline.contains("1 Guía") && outline.contains("2 Avanzado") && outline.contains("3 Detalle"))
      let guide = try #require(outline.firstIndex(of: "1 Guía"))
      let advanced = try #require(outline.firstIndex(of: "2 Avanzado"))
      #expect(guide < advanced && outline[guide + 1 ..< advanced].allSatisfy { !$0.hasPrefix("1 ") })
      // No page's own heading is a sibling of the chapters: depth 1 is only the front and parts.
      #expect(outline.filter { $0.hasPrefix("1 ") } == ["1 Introducción", "1 Blog", "1 Guía"])
    }
    try Self.expectCoverAndValid(out.epub)
    // Spanish labels and names.
    if let nav = try BookOutline.file(out.epub, "OEBPS/nav.xhtml") {
      #expect(nav.contains("<h1>Contenido</h1>"))
      #expect(nav.contains(">Portada</a>"))
    }
    if let opf = try BookOutline.file(out.epub, "OEBPS/content.opf") {
      #expect(opf.contains("<dc:creator id=\"creator-1\">Equipo</dc:creator>"))
      #expect(opf.contains("<meta property=\"schema:accessibilitySummary\">Texto adaptable"))
    }
    if let cover = try BookOutline.file(out.epub, "OEBPS/text/cover.xhtml") { #expect(cover.contains("alt=\"Portada: Sitio de prueba. Equipo")) }
    let pdfURL = try BookOutline.temporary(out.pdf, "pdf")
    defer { try? FileManager.default.removeItem(at: pdfURL) }
    if let text = runTool("pdftotext", ["-l", "2", pdfURL.path, "-"])?.output {
      // Cover, then the title page: the title and the site's author on each.
      #expect(text.components(separatedBy: "Sitio de prueba").count - 1 >= 2)
      #expect(text.contains("Equipo"))
    }
    // The cover image is a real raster image (PNG), portrait like the page.
    let png = try #require(try BookOutline.file(out.epub, "OEBPS/images/cover.png"))
    #expect(png.hasPrefix("\u{FFFD}PNG") && png.utf8.count > 1000)
  }

  @Test func mountedSiteBookHasAChapterInEnglish() throws {
    var (p, d) = try MountedSite.project()
    let book = try #require(p.books(diagnostics: &d).first?.book)
    #expect(Localization.forLanguage(book.language).contents == "Contenido")
    let out = try Self.exports(book, resources: p.resources)
    let outline = try Self.expectSameOutline(out.pdf, out.epub)
    if !outline.isEmpty { #expect(outline.contains("1 In English") && outline.contains("2 Summary")) }
    try Self.expectCoverAndValid(out.epub)
    // The merged XHTML says where English starts; the EPUB's chapter is an English document.
    #expect(out.xhtml.contains("lang=\"en\" xml:lang=\"en\""))
    #expect(out.xhtml.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"es"))
    if let summary = try BookOutline.file(out.epub, "OEBPS/text/english-summary.xhtml") { #expect(summary.contains("lang=\"en\"")) }
  }

  /// A book of 6 parts of 8 chapters, each with sections and subsections, long enough for 300 pages.
  static func generatedBook() -> Book {
    let words = ["casa", "río", "mesa", "luz", "camino", "palabra", "tiempo", "ciudad", "agua", "norte", "libro", "puerta", "campo", "voz", "tarde"]
    var seed: UInt64 = 42
    func word() -> String {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return words[Int((seed >> 33) % UInt64(words.count))]
    }
    func sentence(_ n: Int) -> String {
      let w = (0..<n).map { _ in word() }.joined(separator: " ")
      return w.prefix(1).uppercased() + w.dropFirst() + "."
    }
    func paragraph() -> String { (0..<9).map { _ in sentence(12) }.joined(separator: " ") }
    var entries: [Book.Entry] = []
    var front = Metadata(title: "Libro generado", language: "es")
    front.authors = ["Ana"]
    entries.append(.init(document: Document(relativeName: "_index", metadata: front, blocks: [.paragraph(Paragraph([.text(Text(paragraph()))]))]), role: .front, level: 0))
    for part in 1...6 {
      entries.append(.init(document: Document(relativeName: "p\(part)/_index", metadata: Metadata(title: "Parte \(part)", language: "es")), role: .part, level: 1))
      for chapter in 1...8 {
        var m = Metadata(title: "Capítulo \(part).\(chapter)", language: "es")
        m.authors = [chapter % 2 == 0 ? "Ana" : "Luis", "ana"]
        var blocks: [Block] = []
        for section in 1...3 {
          let title = "Sección \(part).\(chapter).\(section)"
          blocks.append(.heading(Heading(level: 1, content: [.text(Text(title))], id: Slug.github(title))))
          for _ in 0..<11 { blocks.append(.paragraph(Paragraph([.text(Text(paragraph()))]))) }
          let sub = "Detalle \(part).\(chapter).\(section)"
          blocks.append(.heading(Heading(level: 2, content: [.text(Text(sub))], id: Slug.github(sub))))
          blocks.append(.paragraph(Paragraph([.text(Text(paragraph()))])))
        }
        entries.append(.init(document: Document(relativeName: "p\(part)/c\(chapter)", metadata: m, blocks: blocks), role: .chapter, level: 2))
      }
    }
    return Book(title: "Libro generado", language: "es", metadata: Metadata(title: "Libro generado", language: "es"), entries: entries)
  }

  @Test func generatedThreeHundredPageBook() throws {
    let book = Self.generatedBook()
    #expect(book.authors == ["Ana", "Luis"])
    let out = try Self.exports(book, resources: FileResources(root: FileManager.default.temporaryDirectory.path))
    let pdfURL = try BookOutline.temporary(out.pdf, "pdf")
    defer { try? FileManager.default.removeItem(at: pdfURL) }
    if let pages = runTool("qpdf", ["--show-npages", pdfURL.path]) { #expect((Int(pages.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 300, "\(pages.output)") }
    let outline = try Self.expectSameOutline(out.pdf, out.epub)
    if !outline.isEmpty {
      // 1 introduction + 6 parts + 48 chapters + 144 sections + 144 subsections.
      #expect(outline.count == 1 + 6 + 48 + 144 + 144)
      #expect(Set(outline.map { $0.prefix(2) }) == ["1 ", "2 ", "3 ", "4 "])
      #expect(outline.prefix(5) == ["1 Introducción", "1 Parte 1", "2 Capítulo 1.1", "3 Sección 1.1.1", "4 Detalle 1.1.1"])
    }
    try Self.expectCoverAndValid(out.epub)
    if let title = try BookOutline.file(out.epub, "OEBPS/text/cover.xhtml") { #expect(title.contains("Ana y Luis")) }
  }
}
