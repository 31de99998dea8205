import ImprentaModel
import ImprentaReader
import ImprentaTestSupport
import Testing

@Suite("Shortcodes")
struct ShortcodeTests {
  func read(_ markdown: String, mapping: ShortcodeMapping = .init(), params: [KeyValue<MetaValue>] = []) throws -> (Document, Diagnostics) {
    var d = Diagnostics()
    var reader = PageReader()
    reader.shortcodes = ShortcodeExpander(mapping: mapping)
    reader.site = ShortcodeSite(params: params)
    let doc = try reader.read(markdown: markdown, path: "p.md", diagnostics: &d)
    return (doc, d)
  }

  func dump(_ markdown: String, mapping: ShortcodeMapping = .init()) throws -> String {
    TreeDump.dump(try read(markdown, mapping: mapping).0)
  }

  @Test func everySyntaxFormIsFound() throws {
    let md = """
      {{< youtube abc >}}
      {{<youtube id="def" title="Talk">}}
      {{% vimeo 123 %}}
      {{< x user="hugo" id="42" />}}
      {{< gist spf13 7896402 "img.html" >}}
      {{< instagram `CxOWiQNP2MO` >}}
      """
    let (doc, d) = try read(md)
    #expect(d.isEmpty, "\(d.items)")
    let embeds = doc.blocks.compactMap { if case .embed(let e) = $0 { return e } else { return nil } }
    #expect(embeds.map(\.url) == [
      "https://www.youtube.com/watch?v=abc", "https://www.youtube.com/watch?v=def", "https://vimeo.com/123",
      "https://x.com/hugo/status/42", "https://gist.github.com/spf13/7896402#file-img-html", "https://www.instagram.com/p/CxOWiQNP2MO/",
    ])
    #expect(embeds[1].title == "Talk")
    #expect(embeds.map(\.range.start.line) == [1, 2, 3, 4, 5, 6])
    #expect(embeds[0].range == SourceRange(1, 1, 1, 19))
  }

  @Test func positionsCountFrontMatterAndColumns() throws {
    let md = "---\ntitle: T\n---\n\nText then {{< mystery a >}} here.\n"
    let (_, d) = try read(md)
    #expect(d.items.map(\.description) == ["p.md:5:11: warning: unknown shortcode 'mystery': its content is kept; add to imprenta.yaml: shortcodes: {mystery: {as: text, text: 0}}"])
  }

  @Test func argumentsPositionalNamedQuotedRaw() throws {
    let md = "{{< mapped \"a b\" `c \"d\"` bare key=\"v w\" k2=`raw` k3=x />}}\n"
    let mapping = ShortcodeMapping(rules: ["mapped": .text(argument: "1")])
    let (doc, _) = try read(md, mapping: mapping)
    #expect(doc.blocks == [.paragraph(Paragraph([.text(Text("c \"d\""))]))])
    for (spec, expected) in [("0", "a b"), ("2", "bare"), ("key", "v w"), ("k2", "raw"), ("k3", "x")] {
      let (d2, _) = try read(md, mapping: ShortcodeMapping(rules: ["mapped": .text(argument: spec)]))
      #expect(d2.blocks.first.map { Block.blockText($0) } == expected)
    }
  }

  @Test func pairedNestedAndMarkdownBodies() throws {
    let md = """
      {{% details summary="Más *info*" open=true %}}
      Body with **bold**.

      {{< details summary="Inner" >}}
      Nested.
      {{< /details >}}
      {{% /details %}}
      """
    let (doc, d) = try read(md)
    #expect(d.isEmpty, "\(d.items)")
    guard case .container(let outer) = doc.blocks.first else { Issue.record("\(doc.blocks)"); return }
    #expect(outer.attributes.classes == ["details"])
    #expect(outer.attributes["summary"] == "Más info")
    #expect(outer.attributes["open"] == "true")
    #expect(outer.blocks.count == 3)
    guard case .paragraph(let p) = outer.blocks[1] else { Issue.record("\(outer.blocks)"); return }
    #expect(p.content.contains { if case .strong = $0 { return true } else { return false } })
    #expect(p.range.start.line == 2)
    guard case .container(let inner) = outer.blocks[2] else { Issue.record("\(outer.blocks)"); return }
    #expect(inner.attributes["summary"] == "Inner")
    #expect(inner.range.start.line == 4)
  }

  @Test func escapedShortcodesAreShownLiterally() throws {
    let (doc, d) = try read("Write `{{</* figure src=\"x\" */>}}` and {{%/* ref \"a\" */%}}.\n")
    #expect(d.isEmpty)
    guard case .paragraph(let p) = doc.blocks.first else { Issue.record(); return }
    #expect(p.content.plainText == "Write {{< figure src=\"x\" >}} and {{% ref “a” %}}.")
  }

  @Test func figureHighlightQrParamRef() throws {
    let md = """
      ---
      title: Página
      color: azul
      params:
        nested: {deep: hondo}
      ---
      {{< figure src="/images/a.png" alt="Alt" caption="A *caption*" title="T" attr="Ana" attrlink="https://a.example" link="https://l.example" >}}

      {{< highlight go "linenos=table" >}}
      func main() {}
      {{< /highlight >}}

      {{< qr text="https://qr.example" />}}

      Color {{< param color >}}, {{< param "nested.deep" >}}, site {{< param siteKey >}}. See [other]({{< ref "other.md#sec" >}}).
      """
    let (doc, d) = try read(md, params: [KeyValue("siteKey", .string("sitio"))])
    #expect(d.isEmpty, "\(d.items)")
    #expect(doc.blocks.count == 4)
    guard case .figure(let f) = doc.blocks[0], case .codeBlock(let c) = doc.blocks[1], case .embed(let q) = doc.blocks[2], case .paragraph(let p) = doc.blocks[3] else {
      Issue.record("\(doc.blocks)")
      return
    }
    #expect(f.image.source == "/images/a.png" && f.image.alt == "Alt" && f.link == "https://l.example")
    #expect(f.caption.plainText == "T A caption Ana")
    #expect(f.range.start.line == 7)
    #expect(c.info == "go {linenos=table}" && c.code == "func main() {}\n" && c.language == "go")
    #expect(q.kind == .qr && q.url == "https://qr.example")
    #expect(p.content.plainText == "Color azul, hondo, site sitio. See other.")
    let link = p.content.compactMap { if case .link(let l) = $0 { return l } else { return nil } }.first
    #expect(link?.destination == "other.md#sec")
  }

  /// A shortcode inside inline raw HTML (docsy's `<span class="badge">v{{% param version %}}</span>`
  /// in a link) is expanded like one in running text: its placeholder never reaches an output.
  @Test func shortcodeInsideInlineHTMLIsExpanded() throws {
    let md = "Built with [<span class=\"badge\">Docs\nv{{% param version %}} </span>][v] and <em>{{< param version >}}</em>.\n\n[v]: <https://x.example/v{{% param version %}}>\n"
    let (doc, _) = try read(md, params: [KeyValue("version", .string("0.9"))])
    guard case .paragraph(let p) = doc.blocks.first else {
      Issue.record("\(doc.blocks)")
      return
    }
    let text = p.content.plainText
    #expect(text.contains("v0.9") && text.hasSuffix("and 0.9."), "\(text)")
    #expect(!text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }, "\(text)")
    let link = p.content.compactMap { if case .link(let l) = $0 { return l } else { return nil } }.first
    #expect(link?.destination == "https://x.example/v0.9")
  }

  @Test func unknownShortcodesKeepTheirContentAndWarn() throws {
    let md = "{{< notice warning >}}\nCareful **now**.\n{{< /notice >}}\n\nInline {{< kbd >}}Ctrl{{< /kbd >}} key.\n"
    let (doc, d) = try read(md)
    #expect(d.items.map(\.code.rawValue) == ["unknown-shortcode", "unknown-shortcode"])
    #expect(d.items.map(\.line) == [1, 5])
    guard case .container(let c) = doc.blocks[0], case .paragraph(let p) = doc.blocks[1] else { Issue.record("\(doc.blocks)"); return }
    #expect(c.attributes.classes == ["shortcode-notice"])
    #expect(c.blocks.first.map { Block.blockText($0) } == "Careful now.")
    #expect(p.content.plainText == "Inline Ctrl key.")
  }

  @Test func mappedSiteShortcodes() throws {
    let mapping = ShortcodeMapping(rules: [
      "notice": .container(className: "note"), "img": .image(src: "0", alt: "alt", caption: nil), "toc": .drop,
      "video": .embed(url: "src", title: "title", kind: .video),
    ])
    let md = "{{< notice >}}\nHi\n{{< /notice >}}\n\n{{< img \"pic.png\" alt=\"P\" >}}\n\n{{< toc >}}\n\n{{< video src=\"https://v.example/1\" title=\"V\" >}}\n"
    let (doc, d) = try read(md, mapping: mapping)
    #expect(d.isEmpty, "\(d.items)")
    #expect(doc.blocks.count == 3)
    if case .container(let c) = doc.blocks[0] { #expect(c.attributes.classes == ["note"]) } else { Issue.record() }
    if case .figure(let f) = doc.blocks[1] { #expect(f.image.source == "pic.png" && f.image.alt == "P") } else { Issue.record() }
    if case .embed(let e) = doc.blocks[2] { #expect(e.url == "https://v.example/1" && e.title == "V" && e.kind == .video) } else { Issue.record() }
  }

  @Test func malformedTagsWarnAndLeaveNoBraces() throws {
    let (doc, d) = try read("a {{< broken \"x >}}\n\nb {{< /lonely >}} c\n\nd {{<\n")
    #expect(d.items.map(\.code.rawValue).sorted() == ["invalid-shortcode", "invalid-shortcode", "unmatched-shortcode"])
    let text = doc.blocks.map { Block.blockText($0) }.joined(separator: "|")
    #expect(!text.contains("{{"), "\(text)")
  }

  @Test func shortcodeInsideListItemAndQuote() throws {
    let md = "- item\n\n  {{< youtube abc >}}\n\n> {{< vimeo 9 >}}\n"
    let (doc, _) = try read(md)
    guard case .list(let l) = doc.blocks[0], case .blockQuote(let q) = doc.blocks[1] else { Issue.record("\(doc.blocks)"); return }
    #expect(l.items[0].blocks.contains { if case .embed = $0 { return true } else { return false } })
    #expect(q.blocks.contains { if case .embed = $0 { return true } else { return false } })
  }

  @Test func linesAfterMultilineShortcodesStayRight() throws {
    let md = "{{< details summary=\"S\" >}}\none\n\ntwo\n{{< /details >}}\n\n## Heading\n"
    let (doc, _) = try read(md)
    guard case .heading(let h) = doc.blocks.last else { Issue.record("\(doc.blocks)"); return }
    #expect(h.range.start.line == 7)
  }
}

extension Block {
  /// The visible text of a block, for assertions.
  static func blockText(_ block: Block) -> String {
    switch block {
    case .paragraph(let p): return p.content.plainText
    case .heading(let h): return h.content.plainText
    case .codeBlock(let c): return c.code
    case .figure(let f): return f.caption.plainText
    case .embed(let e): return e.displayTitle
    default: return block.children.map(blockText).joined(separator: " ")
    }
  }
}
