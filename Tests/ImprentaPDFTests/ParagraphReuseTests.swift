import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// The second layout pass of a document with a table of contents reuses the first pass's shaped
/// paragraphs (`TextBlockCache`) and writes the same file as shaping everything again.
@Suite struct ParagraphReuseTests {
  private func text(_ s: String) -> AttributedText {
    var t = AttributedText()
    t.append(s)
    return t
  }

  private let format = ParagraphFormat(font: FontSpec(family: ["DejaVu Serif"], size: 10, color: Color(red: 0, green: 0, blue: 0)), width: 200)

  @Test func reusesEachRecordedBlockOnceForTheSameTextAndFormat() {
    let engine = TextEngine()
    let cache = TextBlockCache()
    let a = cache.block(engine: engine, text: text("Una frase corta que se repite."), format: format)
    let b = cache.block(engine: engine, text: text("Una frase corta que se repite."), format: format)
    let c = cache.block(engine: engine, text: text("Otra frase."), format: format)
    #expect(a !== b)
    cache.mode = .reuse
    // Taken back in the order they were made, each once.
    #expect(cache.block(engine: engine, text: text("Una frase corta que se repite."), format: format) === a)
    #expect(cache.block(engine: engine, text: text("Una frase corta que se repite."), format: format) === b)
    let third = cache.block(engine: engine, text: text("Una frase corta que se repite."), format: format)
    #expect(third !== a && third !== b)
    // Another width or other looks: shaped again.
    var narrow = format
    narrow.width = 120
    #expect(cache.block(engine: engine, text: text("Otra frase."), format: narrow) !== c)
    var bold = text("Otra frase.")
    bold.attributes.append(TextAttribute(kind: .weight(700), start: 0, end: 4))
    #expect(cache.block(engine: engine, text: bold, format: format) !== c)
    #expect(cache.block(engine: engine, text: text("Otra frase."), format: format) === c)
    #expect(cache.reused == 3)
  }

  @Test func aLinkOrFootnoteCallMakesADifferentBlock() {
    let engine = TextEngine()
    let cache = TextBlockCache()
    let plain = cache.block(engine: engine, text: text("Ver el informe."), format: format)
    cache.mode = .reuse
    var linked = text("Ver el informe.")
    linked.links.append((start: 7, end: 14, destination: "https://example.org/informe"))
    #expect(cache.block(engine: engine, text: linked, format: format) !== plain)
    var called = text("Ver el informe.")
    called.footnoteCalls.append((index: 14, number: 1))
    #expect(cache.block(engine: engine, text: called, format: format) !== plain)
  }

  @Test(arguments: ["english.md", "espanol-largo.md"])
  func theFileIsTheSameWithAndWithoutReuse(_ name: String) throws {
    let doc = try PDFTest.fixture(name)
    var fresh = PDFWriter(style: Style(), options: PDFOptions(tableOfContents: true))
    fresh.reusesParagraphs = false
    let reusing = PDFWriter(style: Style(), options: PDFOptions(tableOfContents: true))
    var d1 = Diagnostics(), d2 = Diagnostics()
    let a = try fresh.write([doc], environment: PDFTest.environment, diagnostics: &d1)
    let b = try reusing.write([doc], environment: PDFTest.environment, diagnostics: &d2)
    #expect(a.count > 1000)
    #expect(a == b)
    #expect(d1.items.map(\.message) == d2.items.map(\.message))
  }
}
