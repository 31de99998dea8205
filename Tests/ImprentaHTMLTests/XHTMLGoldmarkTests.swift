import ImprentaHTML
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import Testing

/// Definition lists and Goldmark attributes in XHTML.
@Suite struct XHTMLGoldmarkTests {
  static func page(_ markdown: String, markup: MarkupOptions = MarkupOptions()) throws -> (String, Diagnostics) {
    var diagnostics = Diagnostics()
    var reader = PageReader()
    reader.markup = markup
    let document = try reader.read(markdown: markdown, diagnostics: &diagnostics)
    let bytes = XHTMLWriter(style: Style(), options: .init(stylesheet: .none)).write(document, environment: .empty, diagnostics: &diagnostics)
    return (String(decoding: bytes, as: UTF8.self), diagnostics)
  }

  @Test func definitionListsAreDlWithTermIDsWhenAsked() throws {
    var m = MarkupOptions()
    m.autoDefinitionTermID = true
    let (page, d) = try Self.page("---\nhideTitle: true\n---\nApple\n: A fruit.\n: A company.\n\n`weight`\n: Order. See [apple](#apple).\n", markup: m)
    #expect(xmlErrors(page).isEmpty)
    #expect(
      body(page) == """
        <dl>
        <dt id="apple">Apple</dt>
        <dd>A fruit.</dd>
        <dd>A company.</dd>
        <dt id="weight"><code>weight</code></dt>
        <dd>Order. See <a href="#apple">apple</a>.</dd>
        </dl>
        """)
    #expect(d.items.isEmpty, "\(d.items)")
  }

  @Test func looseDefinitionsKeepTheirParagraphs() throws {
    let (page, _) = try Self.page("---\nhideTitle: true\n---\nTerm\n\n: One.\n\n    Two.\n")
    #expect(body(page) == "<dl>\n<dt>Term</dt>\n<dd><p>One.</p><p>Two.</p></dd>\n</dl>")
  }

  @Test func attributesBecomeIdAndClassNeverText() throws {
    var m = MarkupOptions()
    m.blockAttributes = true
    let (page, _) = try Self.page("## Fast {anchor=false}\n\n## Styled {.fancy data-x=1}\n\nNote.\n{.note #n}\n\n- a\n{.steps}\n", markup: m)
    let b = body(page)
    #expect(b.contains("<h2>Fast</h2>"))
    #expect(b.contains(#"<h2 id="styled" class="fancy" data-x="1">Styled</h2>"#), "\(b)")
    #expect(b.contains(#"<p id="n" class="note">Note.</p>"#))
    #expect(b.contains(#"<ul class="steps">"#))
    #expect(!b.contains("{") && !b.contains("anchor"))
    #expect(xmlErrors(page).isEmpty)
  }
}
