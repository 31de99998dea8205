import Foundation
import ImprentaHTML
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

/// One test per construct: the markup each model node becomes, and that every page is well-formed.
@Suite struct XHTMLConstructTests {
  func page(_ markdown: String) throws -> (body: String, page: String, diagnostics: Diagnostics) {
    let (page, d) = try xhtml("---\ntitle: T\nhideTitle: true\nlang: en\n---\n" + markdown)
    #expect(xmlErrors(page).isEmpty, "not well-formed: \(xmlErrors(page))\n\(page)")
    return (body(page), page, d)
  }

  @Test func documentIsPolyglotXHTML() throws {
    let (page, _) = try xhtml("---\ntitle: \"Título & más\"\nlang: es-CO\nauthor: Ana\n---\nHola.\n")
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"es-CO\" xml:lang=\"es-CO\">"))
    #expect(page.contains("<meta charset=\"UTF-8\"/>"))
    #expect(page.contains("<title>Título &amp; más</title>"))
    #expect(page.contains("<meta name=\"author\" content=\"Ana\"/>"))
    #expect(page.contains("<h1 class=\"title\">Título &amp; más</h1>"))
    #expect(xmlErrors(page).isEmpty)
  }

  @Test func hideTitleKeepsTheTitleElementOnly() throws {
    let (body, page, _) = try self.page("Text.\n")
    #expect(page.contains("<title>T</title>"))
    #expect(!body.contains("title-block"))
  }

  @Test func headingsCarryTheirIds() throws {
    let (body, _, _) = try page("## ¿Qué es? {#que}\n\n### Otra cosa\n\n### Otra cosa\n")
    #expect(body.contains("<h2 id=\"que\">¿Qué es?</h2>"))
    #expect(body.contains("<h3 id=\"otra-cosa\">Otra cosa</h3>"))
    #expect(body.contains("<h3 id=\"otra-cosa-1\">Otra cosa</h3>"))
  }

  @Test func inlines() throws {
    let (body, _, _) = try page("*e* **s** ~~d~~ `a<b` [l](https://x.org \"T\") line  \nbreak\n")
    #expect(body == "<p><em>e</em> <strong>s</strong> <del>d</del> <code>a&lt;b</code> <a href=\"https://x.org\" title=\"T\">l</a> line<br/>\nbreak</p>")
  }

  @Test func figureWithCaptionAndInlineImage() throws {
    let (body, _, d) = try page("![A red square](red.png \"Red\")\n\nText ![a blue dot](blue.png) here.\n")
    #expect(body.contains("<figure>\n<img src=\"red.png\" alt=\"A red square\" title=\"Red\"/>\n<figcaption>Red</figcaption>\n</figure>"))
    #expect(body.contains("<p>Text <img src=\"blue.png\" alt=\"a blue dot\"/> here.</p>"))
    #expect(d.isEmpty)
  }

  @Test func imageWithoutAltTextIsDecorative() throws {
    let (body, _, d) = try page("![](a.png)\n\n![b.png](b.png)\n")
    #expect(body.contains("<img src=\"a.png\" alt=\"\" role=\"presentation\"/>"))
    #expect(body.contains("<img src=\"b.png\" alt=\"\" role=\"presentation\"/>"))
    // The warning is the content check's, once for every format (ContentCheckTests).
    #expect(!d.items.contains { $0.code == .missingAltText })
  }

  @Test func tablesHaveHeadAndBodyWithAlignment() throws {
    let (body, _, _) = try page("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
    #expect(body.contains("<thead>\n<tr>\n<th scope=\"col\" style=\"text-align: left\">a</th>"))
    #expect(body.contains("<th scope=\"col\" style=\"text-align: right\">c</th>"))
    #expect(body.contains("<tbody>\n<tr>\n<td style=\"text-align: left\">1</td>\n<td style=\"text-align: center\">2</td>"))
  }

  @Test func taskListsHaveDisabledCheckboxes() throws {
    let (body, _, _) = try page("- [x] done\n- [ ] open\n")
    #expect(body.contains("<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\" checked=\"checked\" aria-label=\"done\"/> done</li>"))
    #expect(body.contains("<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\" aria-label=\"to do\"/> open</li>"))
  }

  @Test func listsTightLooseAndOrdered() throws {
    let (body, _, _) = try page("3. a\n4. b\n\n- x\n\n- y\n")
    #expect(body.contains("<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>"))
    #expect(body.contains("<ul class=\"loose\">\n<li>\n<p>x</p>\n</li>"))
  }

  @Test func footnotesLinkBothWays() throws {
    let (body, _, _) = try page("One[^a] two[^b] again[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n")
    #expect(body.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a></sup>"))
    #expect(body.contains("<a href=\"#fn-1\" id=\"fnref-1-2\" role=\"doc-noteref\">1</a>"))
    #expect(body.contains("<section class=\"footnotes\" role=\"doc-endnotes\">\n<h2>Notes</h2>"))
    #expect(body.contains("<li id=\"fn-1\" role=\"doc-endnote\">\n<p>Note A. <a href=\"#fnref-1\" class=\"footnote-back\" role=\"doc-backlink\">"))
    #expect(body.contains("<a href=\"#fnref-1-2\" class=\"footnote-back\" role=\"doc-backlink\">"))
    #expect(body.contains("<li id=\"fn-2\" role=\"doc-endnote\">\n<p>Note B. <a href=\"#fnref-2\""))
  }

  @Test func codeBlocksKeepTheirTextAndLanguage() throws {
    let (body, _, _) = try page("```swift\nif a < b && c {}\n```\n\n---\n\n> quoted\n")
    #expect(body.contains("<pre><code class=\"language-swift\">if a &lt; b &amp;&amp; c {}</code></pre>"))
    #expect(body.contains("<hr/>"))
    #expect(body.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"))
  }

  @Test func emptyElementsAreNotSelfClosed() throws {
    let (body, _, _) = try page("## {#empty}\n\n| |\n|-|\n| |\n")
    #expect(body.contains("<h2 id=\"empty\"></h2>"))
    #expect(body.contains("<td></td>"))
    #expect(!body.contains("<td/>"))
  }

  @Test func inlineHTMLIsBalancedAndSafe() throws {
    let (body, _, d) = try page("H<sub>2</sub>O, <abbr title=\"a &amp; b\" data-x>AB</abbr>, <sup>open *and* never closed, </em>stray, <br> and <kbd>k</kbd>.\n")
    // The reader pairs tags within the paragraph: the unclosed <sup> and the stray </em> are
    // dropped and their text kept.
    #expect(body == "<p>H<sub>2</sub>O, <abbr title=\"a &amp; b\">AB</abbr>, open <em>and</em> never closed, stray, <br/>\n and <kbd>k</kbd>.</p>")
    #expect(d.isEmpty)
  }

  @Test func forbiddenCharactersAreReplacedByTheReader() throws {
    let (body, _, d) = try page("bell\u{7} and \u{FFFE}nonchar.\n")
    #expect(body == "<p>bell\u{FFFD} and \u{FFFD}nonchar.</p>")
    #expect(d.items.contains { $0.code == .invalidCharacter })
  }

  @Test func forbiddenCharactersThatReachTheWriterAreRemovedWithAWarning() throws {
    // A document built by other means than the reader: the writer still never emits them.
    let doc = Document(sourcePath: "p.md", relativeName: "p", blocks: [.paragraph(Paragraph([.text(Text("bell\u{7} and \u{FFFE}nonchar."))]))])
    var d = Diagnostics()
    let page = String(decoding: XHTMLWriter(style: Style()).write(doc, environment: .empty, diagnostics: &d), as: UTF8.self)
    #expect(body(page) == "<p>bell and nonchar.</p>")
    #expect(d.items.contains { $0.code == .invalidXMLCharacter })
  }

  @Test func rawHTMLIsFittedToHTML5() throws {
    let (body, _, _) = try page("<center><font color=red>old</font></center>\n\n<p align=\"right\">right <div>block in p</div></p>\n\n<ul><p>not an item</p></ul>\n")
    #expect(body.contains("<div class=\"center\">\n<span>old</span>\n</div>"))
    #expect(body.contains("<p style=\"text-align: right\">right </p>\n<div>block in p</div>"))
    #expect(body.contains("<ul>\n<li>\n<p>not an item</p>\n</li>\n</ul>"))
  }

  @Test func duplicateIdsInRawHTMLAreDropped() throws {
    let (body, _, d) = try page("## Intro\n\n<div id=\"intro\">raw</div>\n")
    #expect(body.contains("<div>raw</div>"))
    #expect(d.items.contains { $0.code == .duplicateID })
  }

  @Test func scriptURLsInMarkdownLinksAreDropped() throws {
    let (body, _, d) = try page("[click](javascript:alert(1)) ![x](javascript:alert(1))\n")
    #expect(!body.contains("javascript"))
    #expect(body.contains("click"))
    #expect(!d.items.contains { $0.code == .unsafeURL }, "reported once by the content check, not per format")
  }

  @Test func linkedStylesheetOption() throws {
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: "Hi\n", diagnostics: &d)
    let bytes = XHTMLWriter(style: Style(), options: .init(stylesheet: .linked("style.css"), xmlDeclaration: true)).write(doc, environment: .empty, diagnostics: &d)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>"))
    #expect(text.contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>"))
    #expect(!text.contains("<style>"))
    let inline = String(decoding: XHTMLWriter(style: Style()).write(doc, environment: .empty, diagnostics: &d), as: UTF8.self)
    #expect(inline.contains("<style>body {"))
    #expect(xmlErrors(inline).isEmpty)
  }

  @Test func sameInputSameBytes() throws {
    let markdown = try Repository.fixture("html/everything.md")
    let (a, _) = try xhtml(markdown)
    let (b, _) = try xhtml(markdown)
    #expect(a == b)
    #expect(xmlErrors(a).isEmpty)
  }
}

@Suite struct CSSWriterTests {
  @Test func cssComesFromTheStyle() {
    var style = Style()
    style.link.color = Color(hex: 0x112233)
    style.base.font.family = ["Literata"]
    let css = CSSWriter(style: style).css()
    #expect(css.contains("a {\n  color: #112233;"))
    #expect(css.contains("font-family: \"Literata\", serif;"))
    #expect(css.contains("h1 {"))
    #expect(css.contains("font-size: 1.905em;"))  // 20pt heading over a 10.5pt base
    #expect(css.contains("tbody tr:nth-child(even)"))
    #expect(!css.contains("<") && !css.contains(">") && !css.contains("&"))
  }

  @Test func epubCSSLeavesTheBaseSizeToTheReader() {
    let css = CSSWriter(style: Style(), target: .epub).css()
    #expect(css.contains("body {\n  font-family: \"Noto Serif\", \"DejaVu Serif\", serif;\n  font-size: 1em;"))
    #expect(!css.contains("max-width: 38em"))
  }
}
