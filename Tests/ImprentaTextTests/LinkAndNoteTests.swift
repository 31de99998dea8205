import ImprentaModel
import ImprentaText
import ImprentaStyle
import ImprentaReader
import Testing

@Suite struct LinkTests {
  @Test func linksAreNumberedAndListedAtTheEnd() throws {
    let out = try body("A [site](https://a.example) and [other](https://b.example/x).")
    #expect(out == "A site [1] and other [2].\n\nLinks\n-----\n\n[1] https://a.example\n[2] https://b.example/x\n")
  }

  @Test func theSameURLKeepsItsNumber() throws {
    let out = try body("[a](https://a.example) [b](https://b.example) [c](https://a.example)")
    #expect(out == "a [1] b [2] c [1]\n\nLinks\n-----\n\n[1] https://a.example\n[2] https://b.example\n")
  }

  @Test func autolinksPrintTheirURLOnce() throws {
    #expect(try body("Go to <https://a.example> or www.b.example now.") == "Go to https://a.example or www.b.example now.\n")
  }

  @Test func anchorsAreJustTheirText() throws {
    #expect(try body("See [the intro](#intro).") == "See the intro.\n")
  }

  @Test func mailtoIsListedWithoutItsScheme() throws {
    let out = try body("Write to [Ana](mailto:ana@example.org).")
    #expect(out == "Write to Ana [1].\n\nLinks\n-----\n\n[1] ana@example.org\n")
  }

  @Test func theListHeadingFollowsTheLanguage() throws {
    let out = try body("[x](https://x.example)", language: "es")
    #expect(out == "x [1]\n\nEnlaces\n-------\n\n[1] https://x.example\n")
  }

  @Test func manyLinksHaveRightAlignedNumbers() throws {
    let md = (1...10).map { "[l\($0)](https://l\($0).example)" }.joined(separator: " ")
    let out = try body(md)
    #expect(out.contains("\n [9] https://l9.example\n[10] https://l10.example\n"))
  }

  @Test func linkListCanBeTurnedOff() throws {
    var diagnostics = Diagnostics()
    let document = try PageReader().read(markdown: "---\nhideTitle: true\n---\n[a](https://a.example)", diagnostics: &diagnostics)
    let out = TextWriter(style: Style(), options: TextOptions(listsLinks: false)).write(document, diagnostics: &diagnostics)
    #expect(out == "a\n")
  }
}

@Suite struct ImageTests {
  @Test func inlineImagesAreLabelledInTheDocumentLanguage() throws {
    #expect(try body("An ![red dot](dot.png) here.") == "An [Image: red dot] here.\n")
    #expect(try body("Un ![punto](dot.png) aquí.", language: "es") == "Un [Imagen: punto] aquí.\n")
  }

  @Test func emptyAltGivesTheBareWord() throws {
    #expect(try body("x ![](dot.png) y", language: "es") == "x [Imagen] y\n")
  }

  @Test func figuresPrintTheirCaptionOnTheNextLine() throws {
    #expect(try body("![A map](map.png \"The old town\")") == "[Image: A map]\nThe old town\n")
  }

  @Test func linkedFiguresCarryTheLinkNumber() throws {
    let out = try body("[![Logo](logo.png)](https://home.example)")
    #expect(out == "[Image: Logo] [1]\n\nLinks\n-----\n\n[1] https://home.example\n")
  }
}

/// Footnotes are built as model values here: these tests are about the writer, not the reader.
@Suite struct FootnoteTests {
  func paragraph(_ parts: Inline...) -> Block { .paragraph(Paragraph(parts)) }
  func text(_ s: String) -> Inline { .text(Text(s)) }
  func call(_ n: Int) -> Inline { .footnoteReference(FootnoteReference(label: "n\(n)", number: n)) }
  func note(_ n: Int, _ blocks: Block...) -> Block { .footnoteDefinition(FootnoteDefinition(label: "n\(n)", number: n, blocks: blocks)) }

  @Test func callsAreBracedAndNotesListedAtTheEnd() {
    let document = Document(
      metadata: Metadata(language: "es", hideTitle: true),
      blocks: [
        paragraph(text("Uno"), call(1), text(" y dos"), call(2), text(".")),
        note(1, paragraph(text("Primera nota."))),
        note(2, paragraph(text("Segunda."))),
      ])
    #expect(TextWriter.write(document) == "Uno{1} y dos{2}.\n\nNotas\n-----\n\n{1} Primera nota.\n{2} Segunda.\n")
  }

  @Test func noteTextHangsAfterItsNumber() {
    var style = Style()
    style.text.columns = 20
    let document = Document(
      metadata: Metadata(language: "en", hideTitle: true),
      blocks: [paragraph(text("x"), call(1)), note(1, paragraph(text("one two three four five six")))])
    #expect(TextWriter.write(document, style: style) == "x{1}\n\nNotes\n-----\n\n{1} one two three\n    four five six\n")
  }

  @Test func linksInNotesAreNumberedAfterTheBody() {
    let link = Inline.link(Link(destination: "https://n.example", content: [text("there")]))
    let bodyLink = Inline.link(Link(destination: "https://b.example", content: [text("here")]))
    let document = Document(
      metadata: Metadata(language: "en", hideTitle: true),
      blocks: [paragraph(bodyLink, call(1)), note(1, paragraph(text("See "), link))])
    let expected = "here [1]{1}\n\nNotes\n-----\n\n{1} See there [2]\n\nLinks\n-----\n\n[1] https://b.example\n[2] https://n.example\n"
    #expect(TextWriter.write(document) == expected)
  }

  @Test func notesOfSeveralParagraphsAreSetApart() {
    let document = Document(
      metadata: Metadata(language: "en", hideTitle: true),
      blocks: [paragraph(text("x"), call(1), call(2)), note(1, paragraph(text("a")), paragraph(text("b"))), note(2, paragraph(text("c")))])
    #expect(TextWriter.write(document) == "x{1}{2}\n\nNotes\n-----\n\n{1} a\n\n    b\n\n{2} c\n")
  }
}
