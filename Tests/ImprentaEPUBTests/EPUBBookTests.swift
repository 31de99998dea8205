import ImprentaEPUB
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import Testing

/// A book as an EPUB: its cover, its nav nested by the book's placements, its labels and names.
@Suite struct EPUBBookTests {
  let pixel = try! fixtureBytes("images/pixel.png")

  /// A front page with a body, a part with two chapters (one with its own cover and sections).
  func book(cover: String = "") throws -> Book {
    var d = Diagnostics()
    func read(_ name: String, _ md: String) throws -> Document { try PageReader().read(markdown: md, path: name + ".md", relativeName: name, diagnostics: &d) }
    var metadata = Metadata(title: "Libro", language: "es")
    metadata.cover = cover
    metadata.authors = ["Ana", "Luis", "ana"]
    return Book(title: "Libro", language: "es", metadata: metadata, entries: [
      .init(document: try read("_index", "---\ntitle: Inicio\n---\nBienvenida.\n"), role: .front, level: 0),
      .init(document: try read("parte/_index", "---\ntitle: Parte\n---\n"), role: .part, level: 1),
      .init(document: try read("parte/uno", "---\ntitle: Uno\ncover: images/pixel.png\n---\n# Datos\n\nTexto.\n\n## Fuentes\n\nMás.\n"), role: .chapter, level: 2),
      .init(document: try read("parte/dos", "---\ntitle: Dos\n---\nTexto.\n"), role: .chapter, level: 2),
    ])
  }

  func files(_ book: Book, generatedCover: [UInt8]? = nil) throws -> [String: String] {
    var d = Diagnostics()
    let environment = ExportEnvironment(resources: FixtureResources(files: ["images/pixel.png": pixel, "images/portada.png": pixel]), buildDate: buildDate)
    let files = try EPUBPackager(style: Style(), options: EPUBOptions(generatedCover: generatedCover)).files(book, environment: environment, diagnostics: &d)
    return Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func theBooksOwnCoverWinsAndAChaptersCoverIsNotTheBooks() throws {
    let own = try files(try book(cover: "images/portada.png"), generatedCover: pixel)
    #expect(own["OEBPS/content.opf"]!.contains("href=\"images/portada.png\" media-type=\"image/png\" properties=\"cover-image\""))
    let generated = try files(try book(), generatedCover: pixel)
    #expect(generated["OEBPS/content.opf"]!.contains("href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\""))
    #expect(generated["OEBPS/text/cover.xhtml"]!.contains("alt=\"Portada: Libro. Ana y Luis\""))
    // Without a cover of its own or a generated one, a title page (the chapter's cover stays the chapter's).
    let none = try files(try book())
    #expect(!none["OEBPS/content.opf"]!.contains("cover-image"))
    #expect(none["OEBPS/text/titlepage.xhtml"]!.contains("<p class=\"authors\">por Ana y Luis</p>"))
    #expect(none["OEBPS/content.opf"]!.contains("<dc:creator id=\"creator-2\">Luis</dc:creator>"))
    #expect(!none["OEBPS/content.opf"]!.contains("creator-3"))
  }

  @Test func theNavNestsChaptersInPartsAndSectionsInChapters() throws {
    let nav = try files(try book(), generatedCover: pixel)["OEBPS/nav.xhtml"]!
    let labels = ["Introducción", "Parte", "Uno", "Datos", "Fuentes", "Dos"]
    let positions = labels.map { nav.range(of: ">\($0)</a>")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil } && zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! }, "\(nav)")
    // Part > chapter > section > subsection: four lists deep, the introduction at the top.
    #expect(nav.components(separatedBy: "<ol>").count - 1 == 5)  // toc, part, chapter, section + landmarks
    #expect(nav.contains("<h1>Contenido</h1>"))
    #expect(nav.contains(">Portada</a>"))
  }
}
