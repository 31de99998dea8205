import ImprentaModel
import ImprentaReader
import Testing

/// Raw HTML inside paragraphs is parsed once, by the reader: tags paired across cmark-gfm's
/// sibling inlines, sanitised like HTML blocks, and turned into the model's own inlines.
@Suite("Inline HTML")
struct InlineHTMLTests {
  func paragraph(_ markdown: String) throws -> (shape: String, diagnostics: Diagnostics) {
    var d = Diagnostics()
    let blocks = try PageReader().read(markdown: markdown, path: "p.md", diagnostics: &d).blocks
    guard case .paragraph(let p) = blocks.first else {
      Issue.record("no paragraph: \(blocks)")
      return ("", d)
    }
    return (shape(p.content), d)
  }

  /// A compact picture of inlines: `*(…)` emphasis, `**(…)` strong, `~(…)` strikethrough,
  /// `` `x` `` code, `[…](url "title")` link, `![alt](src)` image, `⏎` hard break,
  /// `<name#id.class key=value>(…)` span.
  func shape(_ inlines: [Inline]) -> String {
    inlines.map { inline -> String in
      switch inline {
      case .text(let t): return t.string
      case .emphasis(let s): return "*(\(shape(s.content)))"
      case .strong(let s): return "**(\(shape(s.content)))"
      case .strikethrough(let s): return "~(\(shape(s.content)))"
      case .code(let c): return "`\(c.code)`"
      case .link(let l): return "[\(shape(l.content))](\(l.destination)\(l.title.isEmpty ? "" : " \"\(l.title)\""))"
      case .image(let i): return "![\(i.alt)](\(i.source)\(i.title.isEmpty ? "" : " \"\(i.title)\""))"
      case .softBreak: return "↵"
      case .hardBreak: return "⏎"
      case .footnoteReference(let f): return "^\(f.number)"
      case .span(let s):
        let a = s.attributes
        let attributes = (a.id.isEmpty ? "" : "#" + a.id) + a.classes.map { "." + $0 }.joined() + a.pairs.map { " \($0.key)=\($0.value)" }.joined()
        return "<\(s.element)\(attributes)>(\(shape(s.content)))"
      }
    }.joined()
  }

  @Test func tagsArePairedAcrossSiblingInlines() throws {
    let (shape, d) = try paragraph(#"a <span class="x y" id="s" lang="es" title="t">b *c* [d](https://d.org)</span> e"#)
    #expect(shape == "a <span#s.x.y lang=es title=t>(b *(c) [d](https://d.org)) e")
    #expect(d.isEmpty)
  }

  @Test func nestedElementsBecomeTheirOwnInlines() throws {
    let (shape, _) = try paragraph("<b>bold <i>both</i></b>, H<sub>2</sub>O, <del>old</del> <kbd>Ctrl</kbd> <abbr title=\"a & b\">AB</abbr> <code>x *y*</code> <em class=\"k\">k</em>")
    #expect(shape == "**(bold *(both)), H<sub>(2)O, ~(old) <kbd>(Ctrl) <abbr title=a & b>(AB) `x y` <span.k>(*(k))")
  }

  @Test func unpairedTagsAreDroppedAndTheirTextKept() throws {
    let (shape, d) = try paragraph("<span>open, </em>stray, <b>x</b> and <b><i>crossed</b></i> end")
    #expect(shape == "open, stray, **(x) and **(crossed) end")
    #expect(d.isEmpty)
  }

  @Test func imagesLinksAndBreaksBecomeModelInlines() throws {
    let (shape, _) = try paragraph(#"x<br>y <img src="pic.png" alt="A pie" title="T" width="3"> <a href="https://e.org" title="tt">l</a> <br/>z"#)
    #expect(shape == #"x⏎y ![A pie](pic.png "T") [l](https://e.org "tt") ⏎z"#)
  }

  @Test func unsafeAttributesAndURLsAreDroppedWithAWarning() throws {
    let (shape, d) = try paragraph(
      #"<span onclick="x()" style="color: red" data-x="1">a</span> <a href="javascript:alert(1)">b</a> <img src="javascript:x()" alt="c"> <a href="https://ok.org" onmouseover="x()">d</a>"#)
    #expect(shape == "<span>(a) b  [d](https://ok.org)")
    #expect(!d.items.isEmpty && d.items.allSatisfy { $0.code == .unsafeHTML && $0.file == "p.md" && $0.line == 1 })
    #expect(d.items.contains { $0.message.contains("onclick") } && d.items.contains { $0.message.contains("href") })
  }

  @Test func scriptsAndHiddenContentAreDroppedWithOneWarningEach() throws {
    let (shape, d) = try paragraph(#"a <script>alert("x")</script>b <span hidden>secret</span>c <span style="display: none">more</span>d"#)
    #expect(shape == "a b c d")
    #expect(d.items.map(\.code) == [.unsafeHTML, .unsafeHTML, .unsafeHTML])
    #expect(d.items.filter { $0.message.contains("<script>") }.count == 1)
  }

  @Test func anUnclosedScriptHidesTheRestOfTheParagraph() throws {
    let (shape, d) = try paragraph("a <script>alert(1) *b* <span>c</span>\nd")
    #expect(shape == "a ")
    #expect(d.items.count == 1 && d.items[0].message.contains("<script>"))
  }

  @Test func nestingPastTheLimitIsUnpairedAndItsTextKept() throws {
    let (shape, _) = try paragraph(String(repeating: "<span>", count: 300) + "x *y*" + String(repeating: "</span>", count: 300))
    let spans = String(repeating: "<span>(", count: 32)
    #expect(shape == spans + "x *(y)" + String(repeating: ")", count: 32))
  }

  @Test func markerCharactersInThePageNameNoSlot() throws {
    let (shape, _) = try paragraph("<span>\u{E002}0\u{E003} *x*</span>")
    #expect(shape == "<span>(\u{FFFD}0\u{FFFD} *(x))")
  }

  @Test func commentsAreDroppedQuietly() throws {
    let (shape, d) = try paragraph("a <!-- note --> b")
    #expect(shape == "a  b")
    #expect(d.isEmpty)
  }
}
