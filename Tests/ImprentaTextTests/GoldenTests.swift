import Foundation
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import ImprentaText
import Testing

/// The text of a page of `content/`, as `imprenta build --format txt` writes it.
func contentPageText(_ page: String) throws -> String {
  var diagnostics = Diagnostics()
  let path = Repository.content.appendingPathComponent(page).path
  let name = String(page.dropLast(page.hasSuffix(".md") ? 3 : 0))
  let document = try PageReader().read(contentsOf: path, relativeName: name, diagnostics: &diagnostics)
  return TextWriter(style: Style()).write(document, diagnostics: &diagnostics)
}

@Suite struct GoldenTests {
  /// Every page of `content/` against `Tests/Golden/text/<page>.txt` (`IMPRENTA_RECORD=1` rewrites).
  @Test(arguments: Repository.contentPages)
  func contentPage(_ page: String) throws {
    let name = String(page.dropLast(page.hasSuffix(".md") ? 3 : 0))
    try assertGolden(try contentPageText(page), path: "text/\(name).txt")
  }
}

/// What issue 2 asks of the seed page's text.
@Suite struct SeedPageTests {
  static let page = "misionyobjetivos.md"

  func document() throws -> Document {
    var diagnostics = Diagnostics()
    return try PageReader().read(
      contentsOf: Repository.content.appendingPathComponent(SeedPageTests.page).path, relativeName: "misionyobjetivos",
      diagnostics: &diagnostics)
  }

  /// Text with every run of white space made one space, to find wrapped text.
  func flat(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  @Test func holdsEveryHeadingAndParagraph() throws {
    let document = try document()
    let out = flat(try contentPageText(SeedPageTests.page))
    var checked = 0
    for block in document.blocks {
      switch block {
      case .heading(let h):
        #expect(out.contains(flat(h.content.plainText)), "heading missing: \(h.content.plainText)")
        checked += 1
      case .paragraph(let p):
        #expect(out.contains(flat(p.content.plainText)), "paragraph missing: \(p.content.plainText)")
        checked += 1
      default: break
      }
    }
    #expect(checked >= 8)
  }

  @Test func keepsAccentsAndInvertedQuestionMarks() throws {
    let out = try contentPageText(SeedPageTests.page)
    #expect(out.contains("¿Qué es la Alianza para Gobierno Abierto?"))
    #expect(out.contains("¿Cómo nació la Alianza para Gobierno Abierto?"))
    #expect(out.contains("participación ciudadana"))
    #expect(out.contains("Sudáfrica"))
  }

  @Test func hasNoMarkdownSyntaxNorFrontMatter() throws {
    let out = try contentPageText(SeedPageTests.page)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(!out.contains("#"))
    #expect(!out.contains("*"))
    #expect(!out.contains("!["))
    #expect(!out.contains("]("))
    #expect(!lines.contains("---"))
    for key in ["title:", "date:", "draft:", "menu:", "hideTitle:"] {
      #expect(!lines.contains { $0.hasPrefix(key) }, "front matter key \(key) in the text")
    }
  }

  @Test func noLineOver72ColumnsAndOneFinalNewline() throws {
    let out = try contentPageText(SeedPageTests.page)
    #expect(out.hasSuffix("\n") && !out.hasSuffix("\n\n"))
    for line in out.split(separator: "\n") {
      #expect(DisplayWidth.of(line) <= 72, "too wide: \(line)")
    }
  }

  @Test func hiddenTitleIsNotPrintedAndTheBannerIsAnImageLabel() throws {
    let out = try contentPageText(SeedPageTests.page)
    #expect(!out.contains("Mision y Objetivos"))
    #expect(out.hasPrefix("[Imagen: image]\n"))
  }
}
