import ImprentaModel
import ImprentaStyle
import ImprentaText
import Testing

/// An admonition in plain text: a label line (`Warning: title`) then its body, framed with `| `.
@Suite struct AdmonitionTextTests {
  func write(_ blocks: [Block], columns: Int = 40) -> String {
    var style = Style()
    style.text.columns = columns
    var d = Diagnostics()
    let doc = Document(sourcePath: "p.md", relativeName: "p", metadata: Metadata(title: "T", language: "en", hideTitle: true), blocks: blocks)
    return TextWriter(style: style).write(doc, diagnostics: &d)
  }

  func box(_ kind: String, title: String, _ blocks: [Block]) -> Block {
    .container(Container(attributes: Attributes(), blocks: blocks, admonition: Admonition(kind: kind, title: title.isEmpty ? [] : [.text(Text(title))])))
  }

  @Test func labelThenFramedBody() {
    let out = write([
      .paragraph(Paragraph([.text(Text("Before."))])),
      box("warning", title: "Mind the gap", [
        .paragraph(Paragraph([.text(Text("A body long enough to wrap onto a second line here."))])),
        .codeBlock(CodeBlock(code: "x = 1\n")),
      ]),
      box("tip", title: "", [.paragraph(Paragraph([.text(Text("Short."))]))]),
      .paragraph(Paragraph([.text(Text("After."))])),
    ])
    #expect(out == """
      Before.

      | Warning: Mind the gap
      | A body long enough to wrap onto a
      | second line here.
      |
      |     x = 1

      | Tip
      | Short.

      After.

      """)
  }
}
