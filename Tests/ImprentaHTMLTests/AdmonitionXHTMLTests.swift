import ImprentaHTML
import ImprentaModel
import ImprentaStyle
import Testing

/// An admonition in XHTML: `<aside class="admonition KIND admonition-FAMILY">`, its title first.
@Suite struct AdmonitionXHTMLTests {
  func page(_ blocks: [Block], style: Style = Style(), stylesheet: XHTMLOptions.Stylesheet = .none) -> String {
    var d = Diagnostics()
    let doc = Document(sourcePath: "p.md", relativeName: "p", metadata: Metadata(title: "T", language: "en", hideTitle: true), blocks: blocks)
    return String(decoding: XHTMLWriter(style: style, options: .init(stylesheet: stylesheet)).write(doc, environment: .empty, diagnostics: &d), as: UTF8.self)
  }

  @Test func asideWithTitleAndBody() {
    let title: [Inline] = [.text(Text("Mind ")), .emphasis(Styled([.text(Text("this"))]))]
    let html = page([
      .container(Container(attributes: Attributes(id: "careful"), blocks: [.paragraph(Paragraph([.text(Text("Body."))]))], admonition: Admonition(kind: "Caution", title: title))),
      .container(Container(attributes: Attributes(), blocks: [], admonition: Admonition(kind: "", title: []))),
    ])
    #expect(xmlErrors(html).isEmpty, "\(html)")
    #expect(body(html) == """
      <aside id="careful" class="admonition caution admonition-warning">
      <p class="admonition-title">Mind <em>this</em></p>
      <p>Body.</p>
      </aside>
      <aside class="admonition note admonition-note">
      <p class="admonition-title">Note</p>
      </aside>
      """)
    #expect(!html.contains("epub:type"), "a standalone page has no EPUB semantics")
  }

  @Test func stylesheetColoursEachFamilyFromTheStyle() {
    var style = Style()
    style.admonition.dangerColor = Color(hex: 0x123456)
    let html = page([], style: style, stylesheet: .inline)
    #expect(html.contains("aside.admonition {"))
    #expect(html.contains("aside.admonition-danger .admonition-title {\n  color: #123456;\n}"), "\(html)")
  }
}
