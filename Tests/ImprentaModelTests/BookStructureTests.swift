import ImprentaModel
import Testing

/// A book's structure: which entries it keeps, where their titles and headings go, which
/// chapters say another language, and the names it joins.
@Suite("Book structure")
struct BookStructureTests {
  static func doc(_ name: String, title: String, language: String = "", _ blocks: [Block] = []) -> Document {
    Document(sourcePath: "content/\(name).md", relativeName: name, metadata: Metadata(title: title, language: language), blocks: blocks)
  }
  static func heading(_ level: Int, _ text: String) -> Block {
    .heading(Heading(level: level, content: [.text(Text(text))], id: Slug.github(text)))
  }
  static func paragraph(_ text: String) -> Block { .paragraph(Paragraph([.text(Text(text))])) }

  /// Home with a body, an empty section holding chapters, an empty section holding none, a
  /// section with a body and a chapter in English whose own headings start at H1.
  static let book = Book(title: "Libro", language: "es", entries: [
    .init(document: doc("_index", title: "Libro", [paragraph("Bienvenida.")]), role: .front, level: 0),
    .init(document: doc("informes/_index", title: "Informes"), role: .part, level: 1),
    .init(document: doc("informes/uno", title: "Uno", [heading(2, "Datos"), paragraph("Texto."), heading(3, "Fuentes"), paragraph("Más.")]), role: .chapter, level: 2),
    .init(document: doc("informes/dos", title: "Two", language: "en", [heading(1, "Method"), paragraph("Text in English.")]), role: .chapter, level: 2),
    .init(document: doc("vacia/_index", title: "Vacía"), role: .part, level: 1),
    .init(document: doc("guia/_index", title: "Guía", [paragraph("La guía.")]), role: .part, level: 1),
    .init(document: doc("suelta", title: "Suelta", [heading(1, "Suelta"), heading(2, "Parte"), paragraph("Fin.")]), role: .chapter, level: 1),
  ])

  @Test func emptyPagesAreLeftOutUnlessAPartHoldsChapters() {
    let kept = Self.book.placements.map { Self.book.entries[$0.index].document.relativeName }
    #expect(kept == ["_index", "informes/_index", "informes/uno", "informes/dos", "guia/_index", "suelta"])
    // The home page's title is the book's: its body is the introduction, named in the book's language.
    #expect(Self.book.placements[0].title == "Introducción")
    let empty = Book(title: "B", language: "en", entries: [.init(document: Self.doc("_index", title: "Home"), role: .front, level: 0)])
    #expect(empty.placements.isEmpty)
  }

  @Test func headingsMoveBelowTheirChapterTitle() {
    let merged = Self.book.merged()
    let outline = merged.outline.map { "\($0.level) \($0.content.plainText)" }
    #expect(outline == [
      "1 Introducción", "1 Informes", "2 Uno", "3 Datos", "4 Fuentes", "2 Two", "3 Method", "1 Guía", "1 Suelta", "2 Parte",
    ])
    // A chapter that opens with its own title keeps that heading as its title (not set twice).
    #expect(merged.outline.filter { $0.content.plainText == "Suelta" }.count == 1)
    // Title headings say what they open, for print and CSS.
    let classes = merged.outline.map { $0.attributes.classes.first { $0.hasPrefix("book-") } ?? "" }
    #expect(classes == ["book-front", "book-part", "book-chapter", "", "", "book-chapter", "", "book-part", "book-chapter", ""])
  }

  @Test func aChapterInAnotherLanguageIsAContainerSayingIt() throws {
    let merged = Self.book.merged()
    let containers = merged.blocks.compactMap { b -> Container? in if case .container(let c) = b { return c } else { return nil } }
    let english = try #require(containers.first)
    #expect(containers.count == 1)
    #expect(english.language == "en")
    #expect(english.blocks.contains { if case .paragraph(let p) = $0 { return p.content.plainText == "Text in English." } else { return false } })
    // Its headings are still the book's outline (checked above: "3 Method").
    #expect(Self.book.placements.map(\.otherLanguage) == ["", "", "", "en", "", ""])
  }

  @Test func linksToAChapterPointAtItsTitle() {
    let link = Link(destination: internalLinkScheme + "informes/uno", content: [.text(Text("ver"))])
    var book = Self.book
    book.entries[5].document.blocks.append(.paragraph(Paragraph([.link(link)])))
    let merged = book.merged()
    var destinations: [String] = []
    merged.forEachBlock { if case .paragraph(let p) = $0 { for case .link(let l) in p.content { destinations.append(l.destination) } } }
    let uno = merged.outline.first { $0.content.plainText == "Uno" }
    #expect(destinations == ["#" + (uno?.id ?? "?")])
  }

  @Test func namesAreJoinedAsTheLanguageJoinsThem() {
    let es = Localization.forLanguage("es-CO")
    #expect(es.list(["Ana", "Luis", "Marta"]) == "Ana, Luis y Marta")
    #expect(es.list(["Ana", " ana ", "Luis"]) == "Ana y Luis")
    #expect(es.list(["Pedro", "Inés"]) == "Pedro e Inés")
    #expect(es.list(["Pedro", "Hielo"]) == "Pedro y Hielo")
    #expect(es.list(["Sola"]) == "Sola")
    #expect(es.list([]) == "")
    let en = Localization.forLanguage("en")
    #expect(en.list(["A", "B"]) == "A and B")
    #expect(en.list(["A", "B", "C"]) == "A, B, and C")
    #expect(Localization.forLanguage("zh").list(["甲", "乙", "丙"]) == "甲、乙、丙")
    #expect(Localization.forLanguage("de").contents == "Contents")  // fallback English
  }

  @Test func authorsOnceAndTheTitleDocument() {
    var book = Self.book
    book.entries[2].document.metadata.authors = ["Ana", "Luis"]
    book.entries[3].document.metadata.authors = ["luis ", "Marta"]
    #expect(book.authors == ["Ana", "Luis", "Marta"])
    book.metadata.authors = ["Equipo"]
    #expect(book.authors == ["Equipo"])
    #expect(book.titleDocument.metadata.title == "Libro")
    #expect(book.titleDocument.blocks.isEmpty)
    #expect(book.localization.introduction == "Introducción")
  }
}
