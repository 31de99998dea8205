import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// A book laid out to PDF and EPUB together, read back with the tools a reader would use:
/// pdftotext per page, qpdf's JSON, the EPUB's files.
struct PrintedBook {
  let book: Book
  let folder: URL
  let pageMap: PageMap
  /// The text of each PDF page (`pdftotext -layout`).
  let pages: [String]
  /// The EPUB's files by path.
  let epub: [String: String]

  var pdf: URL { folder.appendingPathComponent("book.pdf") }
  var epubURL: URL { folder.appendingPathComponent("book.epub") }

  init(_ book: Book, style: Style, resources: FileResources? = nil) throws {
    self.book = book
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-bookprint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let environment = resources.map { ExportEnvironment(resources: $0, buildDate: PageDate(secondsSince1970: 0)) } ?? .empty
    let exporter = Exporter(style: style, environment: environment)
    var d = Diagnostics()
    let printed = try exporter.exportPDFBook(book, diagnostics: &d)
    pageMap = printed.pageMap
    try Data(printed.files[0].bytes).write(to: folder.appendingPathComponent("book.pdf"))
    let epubBytes = try exporter.export(book, as: .epub, pageMap: printed.pageMap, diagnostics: &d)
    try Data(epubBytes).write(to: folder.appendingPathComponent("book.epub"))
    let text = try #require(runTool("pdftotext", ["-layout", folder.appendingPathComponent("book.pdf").path, "-"]))
    var pages = text.output.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    self.pages = pages
    let unzip = folder.appendingPathComponent("epub")
    _ = runTool("unzip", ["-q", "-o", folder.appendingPathComponent("book.epub").path, "-d", unzip.path])
    var files: [String: String] = [:]
    for path in (FileManager.default.subpaths(atPath: unzip.path) ?? []) where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".ncx") {
      files[path] = try String(contentsOf: unzip.appendingPathComponent(path), encoding: .utf8)
    }
    epub = files
  }

  func cleanUp() { try? FileManager.default.removeItem(at: folder) }

  /// The page's text without its running head and foot, whitespace collapsed.
  func body(_ i: Int) -> String {
    var lines = pages[i].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if lines.count > 1 { lines.removeLast() }  // the page number
    // pdftotext wraps right-to-left runs in embedding marks.
    let text = String(String.UnicodeScalarView(lines.joined(separator: " ").unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }))
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The index of the page labelled `label`.
  func page(labelled label: String) -> Int? { pageMap.pages.firstIndex { $0.label == label } }

  /// The page each part and chapter opens on: the first page whose text begins in its document
  /// (a blank page before it is where its text begins too).
  func openingPage(ofEntry e: Int) -> Int? { pageMap.pages.indices.first { pageMap.pages[$0].position.document == e && !body($0).isEmpty } }

  /// (label, href) of each entry of the EPUB's page-list.
  var pageList: [(label: String, href: String)] {
    guard let nav = epub["OEBPS/nav.xhtml"], let start = nav.range(of: "epub:type=\"page-list\"") else { return [] }
    let list = nav[start.upperBound...]
    let pattern = try! NSRegularExpression(pattern: #"<a href="([^"]+)">([^<]*)</a>"#)
    let s = String(list)
    return pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { m in
      (String(s[Range(m.range(at: 2), in: s)!]), String(s[Range(m.range(at: 1), in: s)!]))
    }
  }
}

/// Whitespace collapsed, for comparing titles with page text.
func collapsed(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

/// Checks no heading element is continued from one page to another: a book's cover, painted by a
/// layouter of its own, once shared structure id 1 with the body, so the cover's title and the
/// title page's were one `H1` spanning two pages (`/K [1 <</Type /MCR …>>]`).
func expectHeadingsStandAlone(_ pdf: URL) throws {
  guard let objects = runTool("qpdf", ["--json=2", "--json-key=qpdf", pdf.path]) else { return }
  let q = try #require(try JSONSerialization.jsonObject(with: Data(objects.output.utf8)) as? [String: Any])
  let all = try #require((q["qpdf"] as? [Any])?.last as? [String: Any])
  var headings = 0
  for (_, object) in all {
    guard let value = (object as? [String: Any])?["value"] as? [String: Any], let s = value["/S"] as? String, s.hasPrefix("/H") else { continue }
    headings += 1
    let kids = value["/K"] as? [Any] ?? []
    let continued = kids.contains { ($0 as? [String: Any])?["/Type"] as? String == "/MCR" }
    #expect(!continued, "\(s) continues over pages: \(kids)")
  }
  #expect(headings > 1)
}

/// Checks every outline entry and internal link of a PDF resolves to a page (qpdf's JSON).
func expectDestinationsResolve(_ pdf: URL) throws {
  guard let outlines = runTool("qpdf", ["--json=2", "--json-key=outlines", pdf.path]), let objects = runTool("qpdf", ["--json=2", "--json-key=qpdf", pdf.path]) else { return }
  let o = try #require(try JSONSerialization.jsonObject(with: Data(outlines.output.utf8)) as? [String: Any])
  var entries = 0
  func visit(_ list: [[String: Any]]) {
    for e in list {
      entries += 1
      #expect(e["destpageposfrom1"] is Int, "outline entry \(e["title"] ?? "") has no page")
      visit(e["kids"] as? [[String: Any]] ?? [])
    }
  }
  visit(o["outlines"] as? [[String: Any]] ?? [])
  #expect(entries > 0)
  let q = try #require(try JSONSerialization.jsonObject(with: Data(objects.output.utf8)) as? [String: Any])
  let all = try #require((q["qpdf"] as? [Any])?.last as? [String: Any])
  func value(_ ref: Any?) -> Any? {
    if let r = ref as? String, r.hasSuffix(" R") { return (all["obj:" + r] as? [String: Any])?["value"] ?? (all["obj:" + r] as? [String: Any])?["stream"] }
    return ref
  }
  var pages: Set<String> = []
  var destinations: [String: Any] = [:]
  var links: [String] = []
  for (key, raw) in all {
    guard let v = (raw as? [String: Any])?["value"] as? [String: Any] else { continue }
    if v["/Type"] as? String == "/Page" { pages.insert(String(key.dropFirst(4))) }
    if v["/Subtype"] as? String == "/Link", let dest = v["/Dest"] as? String { links.append(dest) }
  }
  // The /Dests name tree.
  func collect(_ node: Any?) {
    guard let n = value(node) as? [String: Any] else { return }
    if let names = n["/Names"] as? [Any] {
      for k in stride(from: 0, to: names.count - 1, by: 2) { if let name = names[k] as? String { destinations[name] = value(names[k + 1]) } }
    }
    for kid in n["/Kids"] as? [Any] ?? [] { collect(kid) }
  }
  for (_, raw) in all {
    guard let v = (raw as? [String: Any])?["value"] as? [String: Any], v["/Type"] as? String == "/Catalog" else { continue }
    collect((value(v["/Names"]) as? [String: Any])?["/Dests"])
  }
  #expect(!links.isEmpty)
  for link in links {
    let dest = destinations[link]
    let array = (dest as? [Any]) ?? ((dest as? [String: Any])?["/D"] as? [Any])
    let page = array?.first as? String
    #expect(page.map { pages.contains($0) } == true, "link to \(link) does not resolve to a page")
  }
}

@Suite("Books in print")
struct BookPrintTests {
  static func rightHandStyle() -> Style {
    var style = Style()
    style.book.chapterStart = "right"
    return style
  }

  /// Each part and chapter opens a page whose text begins with its title, on a right-hand page
  /// when asked; blank pages only before such openings, never two in a row.
  func expectChapterOpenings(_ printed: PrintedBook, rightHand: Bool) {
    for (e, entry) in printed.book.entries.enumerated() where entry.role != .front {
      guard let page = printed.openingPage(ofEntry: e) else {
        Issue.record("\(entry.document.relativeName) opens no page: \(printed.pageMap.pages.map { "\($0.label) \($0.position)" })")
        continue
      }
      let title = collapsed(entry.document.metadata.title)
      let text = printed.body(page)
      #expect(text.hasPrefix(String(title.prefix(24))), "\(entry.document.relativeName) on page \(page + 1): \(text.prefix(80))")
      if rightHand { #expect(page % 2 == 0, "\(entry.document.relativeName) opens on a left-hand page (\(page + 1))") }
      if page > 0, printed.pageMap.pages[page - 1].position.document == e {
        #expect(printed.body(page - 1).isEmpty, "the page before \(entry.document.relativeName) holds text of it")
      }
    }
    var blankRun = 0
    for i in printed.pages.indices {
      blankRun = printed.pages[i].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? blankRun + 1 : 0
      #expect(blankRun <= 1, "two blank pages in a row at \(i + 1)")
      if blankRun == 1 && rightHand { #expect(i % 2 == 1, "blank right-hand page \(i + 1)") }
    }
  }

  /// The contents' page numbers are the labels of the pages the titles are on.
  func expectContentsNumbers(_ printed: PrintedBook, atLeast: Int) throws {
    let entry = try NSRegularExpression(pattern: #"^\s*(\S.*?\S)\s{2,}([0-9]+|[ivxlcdm]+)\s*$"#)
    var checked = 0
    let contentsPages = printed.pageMap.pages.indices.filter { !printed.pageMap.pages[$0].label.allSatisfy(\.isNumber) }
    for p in contentsPages {
      for line in printed.pages[p].split(separator: "\n").map(String.init) {
        guard let m = entry.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
        let title = collapsed(String(line[Range(m.range(at: 1), in: line)!]))
        let label = String(line[Range(m.range(at: 2), in: line)!])
        guard let target = printed.page(labelled: label) else {
          Issue.record("no page labelled \(label) (\(title))")
          continue
        }
        #expect(printed.body(target).contains(title), "\(title) is not on page \(label) (index \(target))")
        checked += 1
      }
    }
    #expect(checked >= atLeast, "\(checked) contents entries read")
  }

  /// One page-list entry per printed page, each pointing at its marker; each marker in the file
  /// of the document the page's text comes from; the EPUB declares where the page numbers come from.
  func expectPageList(_ printed: PrintedBook) throws {
    let list = printed.pageList
    #expect(list.count == printed.pages.count, "\(list.count) page-list entries for \(printed.pages.count) pages")
    #expect(list.map(\.label) == printed.pageMap.pages.map(\.label))
    let opf = try #require(printed.epub["OEBPS/content.opf"])
    #expect(opf.contains("property=\"source-of\">pagination</meta>"))
    #expect(opf.contains("pageBreakMarkers"))
    for (i, item) in list.enumerated() {
      let parts = item.href.split(separator: "#")
      guard parts.count == 2, let file = printed.epub["OEBPS/" + parts[0]] else {
        Issue.record("page-list entry \(item.href) points at no file")
        continue
      }
      #expect(file.contains("<span id=\"\(parts[1])\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\"\(item.label)\""), "\(item.href)")
      let document = printed.book.entries[printed.pageMap.pages[i].position.document].document
      let expected = document.relativeName.split(separator: "/").joined(separator: "-")
      #expect(parts[0].hasPrefix("text/" + expected), "page \(item.label)'s marker is in \(parts[0]), its text in \(document.relativeName)")
    }
    if let check = runTool("java", ["-jar", "/usr/share/java/epubcheck.jar", printed.epubURL.path]) {
      #expect(check.output.contains("No errors or warnings detected"), "\(check.output)")
    }
  }

  @Test func theFixtureSiteBooks() throws {
    let (p, _) = try Fixture.project()
    var d = Diagnostics()
    for (_, book) in p.books(diagnostics: &d) {
      let printed = try PrintedBook(book, style: BookPrintTests.rightHandStyle(), resources: p.resources)
      defer { printed.cleanUp() }
      expectChapterOpenings(printed, rightHand: true)
      try expectContentsNumbers(printed, atLeast: 5)
      try expectDestinationsResolve(printed.pdf)
      try expectHeadingsStandAlone(printed.pdf)
      try expectPageList(printed)
      // Front matter in roman, the body from 1.
      #expect(printed.pageMap.pages.first?.label == "i")
      #expect(printed.pageMap.pages.contains { $0.label == "1" })
    }
  }

  @Test func theMountedSiteBookWithPagesAndRightHandStarts() throws {
    let (p, _) = try MountedSite.project()
    var d = Diagnostics()
    for (_, book) in p.books(diagnostics: &d) {
      for style in [Style(), BookPrintTests.rightHandStyle()] {
        let printed = try PrintedBook(book, style: style, resources: p.resources)
        defer { printed.cleanUp() }
        expectChapterOpenings(printed, rightHand: style.book.rightHand)
        try expectDestinationsResolve(printed.pdf)
        try expectPageList(printed)
      }
    }
  }

  /// A generated book of some 300 pages: four parts of six chapters, each chapter's paragraphs
  /// carrying its own word (`capN`), so a page's text says which chapter it is from.
  static func generatedBook() -> Book {
    var random = SeededGenerator(seed: 13)
    let words = ["gobierno", "abierto", "transparencia", "participación", "ciudadana", "datos", "plan", "acción", "compromiso", "informe", "seguimiento", "territorio"]
    func paragraph(_ chapter: Int) -> Block {
      let text = (0..<Int.random(in: 90...150, using: &random)).map { k in k % 9 == 4 ? "cap\(chapter)" : words[Int.random(in: 0..<words.count, using: &random)] }.joined(separator: " ")
      return .paragraph(Paragraph([.text(Text(text + "."))]))
    }
    var entries: [Book.Entry] = [Book.Entry(document: Document(relativeName: "_index", metadata: Metadata(title: "Informe general"), blocks: [paragraph(0)]), role: .front, level: 0)]
    var chapter = 0
    for part in 1...4 {
      entries.append(Book.Entry(document: Document(relativeName: "parte\(part)/_index", metadata: Metadata(title: "Parte \(part)")), role: .part, level: 1))
      for _ in 1...6 {
        chapter += 1
        var blocks: [Block] = []
        for s in 1...Int.random(in: 3...5, using: &random) {
          blocks.append(.heading(Heading(level: 2, content: [.text(Text("Sección \(chapter).\(s)"))], id: "s-\(chapter)-\(s)")))
          blocks += (0..<Int.random(in: 6...12, using: &random)).map { _ in paragraph(chapter) }
        }
        entries.append(Book.Entry(document: Document(relativeName: "parte\(part)/capitulo\(chapter)", metadata: Metadata(title: "Capítulo \(chapter)"), blocks: blocks), role: .chapter, level: 2))
      }
    }
    return Book(title: "Informe general", language: "es", metadata: Metadata(title: "Informe general", language: "es"), entries: entries)
  }

  /// A home page with no body is left out of the e-book but counted by the PDF's page map: every
  /// marker after it went a chapter too far (the seed site's book: page 1 in the second chapter,
  /// epubcheck's NAV-011 where a chapter's paths ran past the next one's blocks).
  @Test func theEBookPageListSkipsAnEmptyHomePage() throws {
    var book = BookPrintTests.generatedBook()
    book.entries = Array(book.entries.prefix(8))
    book.entries[0].document.blocks = []
    let printed = try PrintedBook(book, style: BookPrintTests.rightHandStyle())
    defer { printed.cleanUp() }
    let list = printed.pageList
    #expect(list.count == printed.pages.count)
    var checked = 0
    for (i, item) in list.enumerated() where i < printed.pages.count {
      let found = Set(printed.body(i).split(separator: " ").filter { $0.hasPrefix("cap") }.compactMap { Int($0.dropFirst(3).filter(\.isNumber)) })
      // A page that opens with its chapter's text: its marker is in that chapter's file.
      guard found.count == 1, let chapter = found.first, printed.body(i).hasPrefix("Capítulo \(chapter)") || i > 0 else { continue }
      let file = item.href.split(separator: "#").first.map(String.init) ?? ""
      #expect(file.hasPrefix("text/parte1-capitulo\(chapter)"), "page \(item.label) holds chapter \(chapter), its marker is in \(file)")
      checked += 1
    }
    #expect(checked > 20)
    if let check = runTool("java", ["-jar", "/usr/share/java/epubcheck.jar", printed.epubURL.path]) {
      #expect(check.output.contains("No errors or warnings detected"), "\(check.output)")
    }
  }

  @Test func aGenerated300PageBook() throws {
    var style = BookPrintTests.rightHandStyle()
    style.toc.depth = 2
    let book = BookPrintTests.generatedBook()
    let printed = try PrintedBook(book, style: style)
    defer { printed.cleanUp() }
    #expect(printed.pages.count >= 250, "\(printed.pages.count) pages")
    expectChapterOpenings(printed, rightHand: true)
    try expectContentsNumbers(printed, atLeast: 28)
    try expectDestinationsResolve(printed.pdf)
    try expectPageList(printed)
    // Each marker sits in the chapter whose text is on its page.
    for (i, page) in printed.pageMap.pages.enumerated() {
      let found = Set(printed.body(i).split(separator: " ").filter { $0.hasPrefix("cap") }.compactMap { Int($0.dropFirst(3).filter(\.isNumber)) })
      guard let chapter = found.first else { continue }
      #expect(found.count == 1, "page \(page.label) holds text of chapters \(found)")
      let document = book.entries[page.position.document].document
      #expect(document.relativeName.hasSuffix("capitulo\(chapter)") || (chapter == 0 && document.relativeName == "_index"), "page \(page.label): text of chapter \(chapter), marker in \(document.relativeName)")
    }
    // Running heads: the chapter on right-hand pages, the part on left-hand ones, none where a chapter opens.
    for e in book.entries.indices where book.entries[e].role == .chapter {
      guard let opening = printed.openingPage(ofEntry: e) else { continue }
      let title = book.entries[e].document.metadata.title
      #expect(!printed.pages[opening].split(separator: "\n").first!.contains(title) || printed.body(opening).hasPrefix(title))
      let next = opening + 1, after = opening + 2
      if after < printed.pages.count, printed.pageMap.pages[after].position.document == e {
        let head = printed.pages[after].split(separator: "\n").first.map { collapsed(String($0)) } ?? ""
        #expect(head == title, "right-hand page \(after + 1) heads '\(head)'")
      }
      if next < printed.pages.count, printed.pageMap.pages[next].position.document == e {
        let head = printed.pages[next].split(separator: "\n").first.map { collapsed(String($0)) } ?? ""
        #expect(head.hasPrefix("Parte "), "left-hand page \(next + 1) heads '\(head)'")
      }
    }
  }
}
