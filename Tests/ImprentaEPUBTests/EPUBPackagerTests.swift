import Foundation
import ImprentaEPUB
import ImprentaHTML
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

/// The container, the package document and the behaviour on bad input.
@Suite struct EPUBPackagerTests {
  let pixel = try! fixtureBytes("images/pixel.png")

  /// The entries of a ZIP file from its local headers: name, compression method, extra length, data if stored.
  func localEntries(_ zip: [UInt8]) -> [(name: String, method: Int, extra: Int, stored: [UInt8])] {
    var out: [(String, Int, Int, [UInt8])] = []
    var i = 0
    func u16(_ at: Int) -> Int { Int(zip[at]) | Int(zip[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    while i + 30 <= zip.count, zip[i] == 0x50, zip[i + 1] == 0x4B, zip[i + 2] == 3, zip[i + 3] == 4 {
      let method = u16(i + 8), size = u32(i + 18), nameLength = u16(i + 26), extra = u16(i + 28)
      let name = String(decoding: zip[(i + 30)..<(i + 30 + nameLength)], as: UTF8.self)
      let start = i + 30 + nameLength + extra
      out.append((name, method, extra, method == 0 ? Array(zip[start..<(start + size)]) : []))
      i = start + size
    }
    return out
  }

  @Test func mimetypeComesFirstStoredWithoutExtraField() throws {
    let (bytes, _) = try epub([("page", "# Hello\n\nText.\n")])
    let entries = localEntries(bytes)
    #expect(entries.first?.name == "mimetype")
    #expect(entries.first?.method == 0)
    #expect(entries.first?.extra == 0)
    #expect(entries.first?.stored == Array("application/epub+zip".utf8))
    #expect(entries.map(\.name) == [
      "mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/toc.ncx", "OEBPS/styles/style.css",
      "OEBPS/text/titlepage.xhtml", "OEBPS/text/page.xhtml",
    ])
  }

  @Test func sameInputGivesTheSameBytes() throws {
    let markdown = try Repository.fixture("html/everything.md")
    let resources = ["images/pixel.png": pixel, "pixel.gif": try fixtureBytes("images/pixel.gif")]
    let a = try epub([("everything", markdown)], resources: resources).bytes
    let b = try epub([("everything", markdown)], resources: resources).bytes
    #expect(a == b)
    let c = try epub([("everything", markdown + "\nOne more line.\n")], resources: resources).bytes
    #expect(a != c)
  }

  @Test func identifierAndDatesComeFromContentAndEnvironment() throws {
    let files = try epubFiles([("page", "---\ntitle: T\ndate: 2018-12-08T18:03:57-05:00\n---\nText.\n")])
    let opf = try #require(files["OEBPS/content.opf"])
    #expect(opf.contains("<dc:identifier id=\"pub-id\">urn:uuid:"))
    #expect(opf.contains("<dc:date>2018-12-08</dc:date>"))
    #expect(opf.contains("<meta property=\"dcterms:modified\">2024-03-01T12:00:00Z</meta>"))
    let uuid = opf.split(separator: "urn:uuid:")[1].prefix(36)
    #expect(uuid.count == 36 && uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    #expect(files["OEBPS/toc.ncx"]!.contains("content=\"urn:uuid:\(uuid)\""))
    let other = try epubFiles([("page", "---\ntitle: T\n---\nOther text.\n")])
    #expect(!other["OEBPS/content.opf"]!.contains(String(uuid)))
  }

  @Test func packageMetadataFromFrontMatter() throws {
    let files = try epubFiles([("page", "---\ntitle: Libro\nsubtitle: Sub\nauthor: [Ana, Luis]\nlang: es\ndescription: Desc\ntags: [uno, dos]\n---\nTexto.\n")])
    let opf = try #require(files["OEBPS/content.opf"])
    for expected in [
      "<dc:title id=\"title\">Libro</dc:title>", "<dc:language>es</dc:language>", "<dc:creator id=\"creator-1\">Ana</dc:creator>",
      "<dc:creator id=\"creator-2\">Luis</dc:creator>", "<dc:description>Desc</dc:description>", "<dc:subject>uno</dc:subject>",
      "<dc:subject>dos</dc:subject>", "<meta property=\"schema:accessibilityHazard\">none</meta>",
      "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>",
    ] {
      #expect(opf.contains(expected), "missing \(expected)")
    }
    #expect(files["OEBPS/text/titlepage.xhtml"]!.contains("<p class=\"authors\">por Ana y Luis</p>"))
  }

  @Test func missingImageShowsAltTextAndLeavesTheWarningToTheContentCheck() throws {
    let (_, diagnostics) = try epub([("page", "Intro.\n\n![A chart of results](images/chart.png)\n")])
    #expect(!diagnostics.items.contains { $0.code == .missingImage })
    let files = try epubFiles([("page", "Intro.\n\n![A chart of results](images/chart.png)\n")])
    #expect(files["OEBPS/text/page.xhtml"]!.contains("<span class=\"image-missing\">[Imagen: A chart of results]</span>"))
    #expect(!files["OEBPS/content.opf"]!.contains("conformsTo"))
  }

  @Test func imageOutsideTheContentFolderIsRefusedAndNeverRead() throws {
    let resources = FixtureResources(files: ["etc/passwd": Array("root:x:0:0".utf8)])
    var diagnostics = Diagnostics()
    let doc = try PageReader().read(markdown: "![Secrets](../../etc/passwd)\n", path: "blog/page.md", relativeName: "blog/page", diagnostics: &diagnostics)
    let bytes = try EPUBPackager(style: Style()).package([doc], environment: ExportEnvironment(resources: resources, buildDate: buildDate), diagnostics: &diagnostics)
    #expect(resources.reads.all.isEmpty)
    #expect(!String(decoding: bytes, as: UTF8.self).contains("root:x"))
  }

  @Test func imagesAreTypedFromTheirBytes() throws {
    let resources = ["photo.jpg": pixel, "notes.png": Array("just text".utf8), "anim.webp": Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)]
    let (bytes, diagnostics) = try epub([("page", "![A pixel](photo.jpg)\n\n![Notes](notes.png)\n\n![Anim](anim.webp)\n")], resources: resources)
    let files = try epubFiles([("page", "![A pixel](photo.jpg)\n")], resources: resources)
    #expect(files["OEBPS/content.opf"]!.contains("<item id=\"img-1\" href=\"images/photo.png\" media-type=\"image/png\"/>"))
    #expect(files["OEBPS/images/photo.png"] != nil)
    #expect(diagnostics.items.filter { $0.code == .imageUnsupported }.count == 2)
    #expect(!bytes.isEmpty)
  }

  @Test func coverImageFromFrontMatter() throws {
    let files = try epubFiles([("page", "---\ntitle: Book\ncover: images/pixel.png\n---\nText.\n")], resources: ["images/pixel.png": pixel])
    let opf = try #require(files["OEBPS/content.opf"])
    #expect(opf.contains("properties=\"cover-image\""))
    #expect(opf.contains("<itemref idref=\"cover\"/>"))
    #expect(files["OEBPS/text/cover.xhtml"]!.contains("<img src=\"../images/pixel.png\" alt=\"Portada: Book\" role=\"doc-cover\"/>"))
    #expect(files["OEBPS/text/titlepage.xhtml"] == nil)
  }

  @Test func linksAreRewrittenAcrossPartsAndPages() throws {
    let long = String(repeating: "Words enough to split the page. ", count: 40)
    let first = "---\ntitle: First\n---\n# One\n\n\(long)[^n]\n\n# Two\n\nSee [one](#one), [second page](second.md#deep) and [away](/elsewhere/).\n\n[^n]: Note.\n"
    let second = "---\ntitle: Second\n---\n## Deep\n\nBack to [first](/first/).\n"
    var diagnostics = Diagnostics()
    let documents = try [("first", first), ("second", second)].map {
      try PageReader().read(markdown: $0.1, path: $0.0 + ".md", relativeName: $0.0, diagnostics: &diagnostics)
    }
    let env = ExportEnvironment(resources: FixtureResources(files: [:]), buildDate: buildDate)
    let files = try EPUBPackager(style: Style(), options: .init(splitCharacters: 500)).files(documents, environment: env, diagnostics: &diagnostics)
    let text = Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
    let one = try #require(text["OEBPS/text/first.xhtml"]), two = try #require(text["OEBPS/text/first-2.xhtml"])
    #expect(one.contains("<a href=\"first-2.xhtml#fn-1\" id=\"fnref-1\""))
    #expect(two.contains("<a href=\"first.xhtml#fnref-1\" class=\"footnote-back\""))
    #expect(two.contains("<a href=\"first.xhtml#one\">one</a>"))
    #expect(two.contains("<a href=\"second.xhtml#deep\">second page</a>"))
    #expect(two.contains("<span>away</span>"))
    #expect(text["OEBPS/text/second.xhtml"]!.contains("<a href=\"first.xhtml\">first</a>"))
    #expect(diagnostics.items.contains { $0.code == .unresolvedLink && $0.message.contains("/elsewhere/") })
    let nav = try #require(text["OEBPS/nav.xhtml"])
    #expect(nav.contains("<a href=\"text/first.xhtml\">First</a>"))
    #expect(nav.contains("<a href=\"text/first-2.xhtml#two\">Two</a>"))
    #expect(nav.contains("<a href=\"text/second.xhtml#deep\">Deep</a>"))
  }

  @Test func linksOutOfTheBookUseTheBaseURLWhenGiven() throws {
    let (bytes, diagnostics) = try epub([("page", "[Contact](/contacto/)\n")], options: .init(baseURL: "https://example.org/"))
    #expect(!diagnostics.items.contains { $0.code == .unresolvedLink })
    #expect(!bytes.isEmpty)
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: "[Contact](/contacto/)\n", diagnostics: &d)
    let files = try EPUBPackager(style: Style(), options: .init(baseURL: "https://example.org/")).files(
      [doc], environment: ExportEnvironment(resources: NoResources(), buildDate: buildDate), diagnostics: &d)
    #expect(String(decoding: files.first { $0.path == "OEBPS/text/page.xhtml" }!.bytes, as: UTF8.self).contains("<a href=\"https://example.org/contacto/\">Contact</a>"))
  }

  @Test func noDocumentsIsAnError() {
    var d = Diagnostics()
    #expect(throws: ImprentaError.self) { try EPUBPackager(style: Style()).package([], environment: .empty, diagnostics: &d) }
  }
}


/// Every generated XML file of a book is well-formed.
@Suite struct EPUBWellFormedTests {
  @Test func everyXMLFileParses() throws {
    let files = try epubFiles([("everything", try Repository.fixture("html/everything.md"))], resources: ["images/pixel.png": try fixtureBytes("images/pixel.png")])
    for (path, text) in files where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".ncx") || path.hasSuffix(".xml") {
      #expect(XMLCheck.errors(text).isEmpty, "\(path): \(XMLCheck.errors(text))")
    }
  }
}
