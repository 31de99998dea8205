import ImprentaModel
import ImprentaStyle
@testable import ImprentaText
import Testing

@Suite struct BlockTests {
  @Test func paragraphsWrapAndSoftBreaksAreSpaces() throws {
    let out = try body("one two three\nfour five six seven\n\nsecond paragraph", columns: 15)
    #expect(out == "one two three\nfour five six\nseven\n\nsecond\nparagraph\n")
  }

  @Test func hardBreaksAreKept() throws {
    #expect(try body("Line one  \nline two\\\nline three") == "Line one\nline two\nline three\n")
  }

  @Test func inlineBrIsAHardBreak() throws {
    #expect(try body("one<br>two<br/>three<BR />four") == "one\ntwo\nthree\nfour\n")
  }

  @Test func otherInlineTagsAreDroppedAndTheirTextKept() throws {
    #expect(try body("a <span class=\"x\">b</span> c") == "a b c\n")
  }

  @Test func emphasisStrongStrikethroughAndCodeLoseTheirMarkers() throws {
    #expect(try body("*a* **b** ~~c~~ `d *e*` ***f***") == "a b c d *e* f\n")
  }

  @Test func headingsAreUnderlinedByLevelWithBlankLinesAround() throws {
    let out = try body("# One\ntext\n## Two\n### Three\n#### Four\n###### Six")
    #expect(out == "One\n===\n\ntext\n\nTwo\n---\n\nThree\n~~~~~\n\nFour\n~~~~\n\nSix\n~~~\n")
  }

  @Test func aLongHeadingWrapsAndItsRuleSpansTheWidestLine() throws {
    let out = try body("## alpha beta gamma delta", columns: 12)
    #expect(out == "alpha beta\ngamma delta\n-----------\n")
  }

  @Test func headingMarksComeFromTheStyle() throws {
    var style = Style()
    style.text.underlines = ["#", "*"]
    var diagnostics = Diagnostics()
    let document = Document(metadata: Metadata(title: "T"), blocks: [.heading(Heading(level: 3, content: [.text(Text("Deep"))]))])
    #expect(TextWriter(style: style).write(document, diagnostics: &diagnostics) == "T\n#\n\nDeep\n****\n")
  }

  @Test func blockQuotesPrefixEveryLineAndWrapInsideThePrefix() throws {
    let out = try body("> one two three four\n>\n> five\n> > nested words here", columns: 14)
    #expect(out == "> one two\n> three four\n>\n> five\n>\n> > nested\n> > words here\n")
  }

  @Test func codeBlocksAreVerbatimIndentedWithTabsExpanded() throws {
    let out = try body("```swift\nlet  x = 1\n\tindented\n  a\tb\n\nend\n```")
    #expect(out == "    let  x = 1\n        indented\n      a b\n\n    end\n")
  }

  @Test func longCodeLinesAreCutWithAContinuationMarker() throws {
    let out = try body("```\n0123456789abcdefghij\n```", columns: 12)
    #expect(out == "    01234567\n    ↪89abcde\n    ↪fghij\n")
    for line in out.split(separator: "\n") { #expect(line.count <= 12) }
  }

  @Test func indentedCodeBlocksAreNotRewrapped() throws {
    let out = try body("para\n\n    a   b   c\n    d", columns: 30)
    #expect(out == "para\n\n    a   b   c\n    d\n")
  }

  @Test func thematicBreakIsCentred() throws {
    #expect(try body("a\n\n---\n\nb", columns: 11) == "a\n\n   * * *\n\nb\n")
  }

  @Test func rawHTMLBlocksBecomeParagraphsAndLines() throws {
    let html = """
      <div>
      <p>First <b>bold</b> para.</p>
      <p>Second<br>line</p>
      <ul><li>one</li><li>two</li></ul>
      </div>
      """
    #expect(try body(html) == "First bold para.\n\nSecond\nline\n\none\ntwo\n")
  }

  @Test func rawHTMLLinksAreNumberedAndImagesLabelled() throws {
    let html = "<p>See <a href=\"https://a.example\">this</a> and <img src=\"x.png\" alt=\"a cat\"></p>"
    #expect(try body(html) == "See this [1] and [Image: a cat]\n\nLinks\n-----\n\n[1] https://a.example\n")
  }

  /// Raised and lowered text keeps its meaning: 2<sup>1008</sup> read "21008" run together.
  @Test func superscriptAndSubscriptAreMarked() {
    let document = Document(
      metadata: Metadata(hideTitle: true),
      blocks: [
        .paragraph(
          Paragraph([
            .text(Text("2")), .span(Span(element: "sup", attributes: .init(), content: [.text(Text("1008"))])), .text(Text("-1 and H")),
            .span(Span(element: "sub", attributes: .init(), content: [.text(Text("2"))])), .text(Text("O")),
          ]))
      ])
    #expect(TextWriter.write(document) == "2^(1008)-1 and H_(2)O\n")
  }

  @Test func containersRenderTheirBlocks() {
    let document = Document(
      metadata: Metadata(hideTitle: true),
      blocks: [
        .container(Container(attributes: Attributes(classes: ["note"]), blocks: [.paragraph(Paragraph([.text(Text("inside"))]))])),
        .paragraph(Paragraph([.span(Span(attributes: .init(), content: [.text(Text("span text"))]))])),
      ])
    #expect(TextWriter.write(document) == "inside\n\nspan text\n")
  }

  @Test func outputEndsInExactlyOneNewlineEvenWhenEmpty() {
    #expect(TextWriter.write(Document(metadata: Metadata(hideTitle: true))) == "\n")
  }

  @Test func noTrailingSpaces() throws {
    let out = try body("> a\n>\n> b\n\n| x | y |\n|---|--:|\n| long cell | 1 |")
    for line in out.split(separator: "\n", omittingEmptySubsequences: false) { #expect(line.last != " ") }
  }
}

@Suite struct RawHTMLTests {
  @Test func preKeepsItsLineEndsAndHrIsABreak() throws {
    #expect(try body("<pre>one\ntwo</pre>\n\n<hr>\n\nafter", columns: 11) == "one\ntwo\n\n   * * *\n\nafter\n")
  }

  @Test func inlineImageTagsAreLabelled() throws {
    #expect(try body("a <img src=\"x.png\" alt=\"tiny dot\"> b <img src=y.png> c") == "a [Image: tiny dot] b [Image] c\n")
  }
}

@Suite struct OptionTests {
  @Test func columnsOptionOverridesTheStyle() throws {
    var diagnostics = Diagnostics()
    let document = Document(metadata: Metadata(hideTitle: true), blocks: [.paragraph(Paragraph([.text(Text("aaaa bbbb cccc dddd eeee"))]))])
    let out = TextWriter(style: Style(), options: TextOptions(columns: 10)).write(document, diagnostics: &diagnostics)
    #expect(out == "aaaa bbbb\ncccc dddd\neeee\n")
    #expect(diagnostics.isEmpty)
  }

  @Test func aTinyWidthIsRaisedToTenColumns() {
    var style = Style()
    style.text.columns = 3
    #expect(TextWriter(style: style).width == 10)
  }
}
