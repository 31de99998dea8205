import ImprentaModel
import ImprentaReader
import Testing

/// What Hugo's Goldmark reads and cmark-gfm does not: attribute lists, definition lists,
/// emoji, passthrough, and the `markup` settings that turn them on and off.
@Suite("Goldmark syntax")
struct GoldmarkSyntaxTests {
  static func read(_ markdown: String, markup: MarkupOptions = MarkupOptions()) throws -> (Document, Diagnostics) {
    var d = Diagnostics()
    var reader = PageReader()
    reader.markup = markup
    let doc = try reader.read(markdown: markdown, diagnostics: &d)
    return (doc, d)
  }

  static func blocks(_ markdown: String, markup: MarkupOptions = MarkupOptions()) throws -> [Block] {
    try read(markdown, markup: markup).0.blocks
  }

  static var withBlockAttributes: MarkupOptions {
    var m = MarkupOptions()
    m.blockAttributes = true
    return m
  }

  static func headings(_ blocks: [Block]) -> [Heading] {
    blocks.compactMap { if case .heading(let h) = $0 { return h } else { return nil } }
  }

  // MARK: - Heading attributes

  @Test func headingAttributesAreAppliedAndNeverPrinted() throws {
    let b = try Self.blocks("## Probably fast {anchor=false}\n\n## Styled {.fancy #sty data-x=\"1\"}\n\n## Custom {#my-id}\n\nTitle {.setext}\n=====\n")
    let h = Self.headings(b)
    try #require(h.count == 4)
    #expect(h.map { $0.content.plainText } == ["Probably fast", "Styled", "Custom", "Title"])
    #expect(h[0].id.isEmpty, "anchor=false: no id")
    #expect(h[0].attributes["anchor"] == "false")
    #expect(h[1].id == "sty" && h[1].attributes.classes == ["fancy"] && h[1].attributes["data-x"] == "1")
    #expect(h[2].id == "my-id")
    #expect(h[3].id == "title" && h[3].attributes.classes == ["setext"])
  }

  @Test func headingAttributesInListItemsAndQuotes() throws {
    let (doc, _) = try Self.read("- ### Probably fast {anchor=false}\n  Text.\n\n> 1. ## Quoted {#q}\n")
    var headings: [Heading] = []
    doc.forEachBlock { if case .heading(let h) = $0 { headings.append(h) } }
    #expect(headings.map { $0.content.plainText } == ["Probably fast", "Quoted"])
    #expect(headings.map(\.id) == ["", "q"])
  }

  @Test func quotedValuesKeepEscapesAndSpaces() throws {
    let h = Self.headings(try Self.blocks(#"## Q {title="say \"hi\" {now}" alt='it\'s' class="a b"}"# + "\n"))
    #expect(h.first?.content.plainText == "Q")
    #expect(h.first?.attributes["title"] == #"say "hi" {now}"#)
    #expect(h.first?.attributes["alt"] == "it's")
    #expect(h.first?.attributes.classes == ["a", "b"])
  }

  @Test(arguments: ["## Set {x}", "## Open {#x", "## Brace {#a b}", "## Empty {}", "## Quote {k=\"unclosed}", "## Code `{#x}`"])
  func malformedListsStayText(_ line: String) throws {
    let h = Self.headings(try Self.blocks(line + "\n"))
    #expect(h.first?.content.plainText.contains("{") == true, "\(line) → \(h.first?.content.plainText ?? "")")
    #expect(h.first?.attributes.isEmpty == true)
  }

  @Test func indentedCodeKeepsItsBraces() throws {
    let b = try Self.blocks("Text:\n\n    ## Title {#id}\n    {.note}\n", markup: Self.withBlockAttributes)
    if case .codeBlock(let c)? = b.last { #expect(c.code == "## Title {#id}\n{.note}\n") } else { Issue.record("\(b)") }
  }

  @Test func headingAttributesOffLeaveTheText() throws {
    var m = MarkupOptions()
    m.headingAttributes = false
    let h = Self.headings(try Self.blocks("## Styled {.fancy}\n", markup: m))
    #expect(h.first?.content.plainText == "Styled {.fancy}")
  }

  // MARK: - Block attributes

  @Test func blockAttributesApplyToTheBlockBefore() throws {
    let md = """
      Paragraph with a block attribute.
      {class="note"}

      - one
      - two
      {.steps #list}

      > quoted
      {.pull}

      ```go
      x := 1
      ```
      {.wide}

      | a | b |
      |---|---|
      | 1 | 2 |
      {.data}

      """
    let b = try Self.blocks(md, markup: Self.withBlockAttributes)
    try #require(b.count == 5, "\(b)")
    guard case .paragraph(let p) = b[0], case .list(let l) = b[1], case .blockQuote(let q) = b[2], case .codeBlock(let c) = b[3], case .table(let t) = b[4] else {
      Issue.record("unexpected blocks: \(b)")
      return
    }
    #expect(p.attributes.classes == ["note"] && p.content.plainText == "Paragraph with a block attribute.")
    #expect(l.attributes.classes == ["steps"] && l.attributes.id == "list" && l.items.count == 2)
    #expect(l.items[1].blocks.first.map { if case .paragraph(let p) = $0 { return p.attributes.isEmpty } else { return false } } == true)
    #expect(q.attributes.classes.contains("pull"))
    #expect(c.attributes.classes == ["wide"] && c.code == "x := 1\n")
    #expect(t.attributes.classes == ["data"] && t.rows.count == 1)
  }

  @Test func blockAttributesOffByDefaultAndAfterABlankLineStayText() throws {
    let off = try Self.blocks("Text.\n{.note}\n")
    if case .paragraph(let p)? = off.first { #expect(p.content.plainText.contains("{.note}") && p.attributes.isEmpty) } else { Issue.record("\(off)") }
    let blank = try Self.blocks("Text.\n\n{.note}\n", markup: Self.withBlockAttributes)
    #expect(blank.count == 2)
    if case .paragraph(let p)? = blank.last { #expect(p.content.plainText == "{.note}") }
    let bad = try Self.blocks("Text.\n{.note\n", markup: Self.withBlockAttributes)
    if case .paragraph(let p)? = bad.first { #expect(p.content.plainText.contains("{.note")) }
  }

  // MARK: - Definition lists

  static func definitionLists(_ blocks: [Block]) -> [DefinitionList] {
    blocks.compactMap { if case .definitionList(let d) = $0 { return d } else { return nil } }
  }

  @Test func termsAndDefinitions() throws {
    let md = """
      Apple
      : Pomaceous fruit.
      : A *company*.

      Orange
      Citrus
      : The fruit of an evergreen tree,
      lazy continuation.

      """
    let (doc, _) = try Self.read(md)
    let lists = Self.definitionLists(doc.blocks)
    try #require(lists.count == 1 && doc.blocks.count == 1, "\(doc.blocks)")
    let d = lists[0]
    #expect(d.isTight)
    #expect(d.items.count == 2)
    #expect(d.items[0].terms.map { $0.content.plainText } == ["Apple"])
    #expect(d.items[0].definitions.map { $0.map { b in Self.plain(b) }.joined() } == ["Pomaceous fruit.", "A company."])
    #expect(d.items[1].terms.map { $0.content.plainText } == ["Orange", "Citrus"])
    #expect(Self.plain(d.items[1].definitions[0][0]) == "The fruit of an evergreen tree, lazy continuation.")
    #expect(d.range.start.line == 1 && d.items[1].terms[0].range.start.line == 5)
    #expect(d.items[0].terms.allSatisfy { $0.id.isEmpty }, "autoDefinitionTermID is off by default")
  }

  static func plain(_ b: Block) -> String {
    switch b {
    case .paragraph(let p): return p.content.plainText
    case .codeBlock(let c): return c.code
    default: return "\(b)"
    }
  }

  @Test func looseDefinitionsWithNestedBlocks() throws {
    let md = """
      Term

      : First paragraph.

          Second paragraph.

          ```
          code
          ```

          - a
          - b

      After.

      """
    let b = try Self.blocks(md)
    let d = try #require(Self.definitionLists(b).first)
    #expect(!d.isTight, "a blank line before ':'")
    let blocks = d.items[0].definitions[0]
    try #require(blocks.count == 4, "\(blocks)")
    #expect(Self.plain(blocks[1]) == "Second paragraph.")
    if case .codeBlock = blocks[2] {} else { Issue.record("no code block: \(blocks[2])") }
    if case .list(let l) = blocks[3] { #expect(l.items.count == 2) } else { Issue.record("no list") }
    if case .paragraph(let p)? = b.last { #expect(p.content.plainText == "After.") }
  }

  @Test func blankLinesInsideADefinitionKeepTheListTight() throws {
    let d = try #require(Self.definitionLists(try Self.blocks("Term\n: One.\n\n  Two.\n\nNext\n: Three.\n")).first)
    #expect(d.isTight && d.items.count == 2 && d.items[0].definitions[0].count == 2)
  }

  @Test func notADefinitionList() throws {
    // In code, after a list item, with no term, or turned off: stays as it was.
    for md in ["```\nTerm\n: not\n```\n", "- item\n: not\n", ": no term\n", "Para\n:no space\n"] {
      let b = try Self.blocks(md)
      #expect(Self.definitionLists(b).isEmpty, "\(md.debugDescription) → \(b)")
    }
    var m = MarkupOptions()
    m.definitionLists = false
    let b = try Self.blocks("Term\n: definition\n", markup: m)
    #expect(Self.definitionLists(b).isEmpty)
    if case .paragraph(let p)? = b.first { #expect(p.content.plainText == "Term : definition") }
  }

  @Test func termIDsWhenAskedAreUniqueWithHeadings() throws {
    var m = MarkupOptions()
    m.autoDefinitionTermID = true
    let (doc, _) = try Self.read("## Menus\n\nMenus\n: A term named like the heading.\n\n`weight`\n: Order.\n", markup: m)
    let d = try #require(Self.definitionLists(doc.blocks).first)
    #expect(d.items.map { $0.terms[0].id } == ["menus-1", "weight"])
    #expect(doc.anchorIDs == ["menus", "menus-1", "weight"])
  }

  @Test func shortcodesAndLinksInsideDefinitions() throws {
    let (doc, _) = try Self.read("Term {{< param \"x\" >}}\n: See [page](other.md) and {{< param \"x\" >}}.\n")
    let d = try #require(Self.definitionLists(doc.blocks).first)
    #expect(doc.links.map(\.destination) == ["other.md"])
    #expect(!d.items[0].terms[0].content.plainText.contains("\u{E000}"))
  }

  @Test func autolinkTermsButNotHTMLBlocks() throws {
    let (doc, _) = try Self.read("<https://example.org/docuapi>\n: A theme.\n\n<div>\n: not a definition\n</div>\n")
    let d = try #require(Self.definitionLists(doc.blocks).first)
    #expect(d.items.count == 1 && doc.links.map(\.destination) == ["https://example.org/docuapi"])
    #expect(doc.blocks.count == 2)
  }

  @Test func referenceLinksInsideDefinitionsUseThePageDefinitions() throws {
    let (doc, _) = try Self.read("`build`\n: See [configure build][] and [the docs][Docs].\n\n[configure build]: /configuration/build/\n[docs]: https://example.org/docs \"Docs\"\n")
    #expect(doc.links.map(\.destination) == ["/configuration/build/", "https://example.org/docs"])
    #expect(!Self.plain(try #require(Self.definitionLists(doc.blocks).first?.items[0].definitions[0].first)).contains("["))
  }

  // MARK: - Unique ids

  @Test func headingsInShortcodeBodiesAreUniqueWithThePage() throws {
    let md = "{{% columns %}}\n- ### Menu\n  First.\n{{% /columns %}}\n\n{{% columns %}}\n- ### Menu\n{{% /columns %}}\n\n{{% details \"More\" %}}\n## Menu\n{{% /details %}}\n\n## Menu\n"
    let (doc, _) = try Self.read(md)
    var ids: [String] = []
    doc.forEachBlock { if case .heading(let h) = $0 { ids.append(h.id) } }
    #expect(ids == ["menu", "menu-1", "menu-2", "menu-3"])
  }

  // MARK: - Settings

  @Test func settingsFromAHugoConfiguration() throws {
    let config: [KeyValue<MetaValue>] = [
      KeyValue("enableEmoji", .bool(true)),
      KeyValue(
        "markup",
        .table([
          KeyValue(
            "goldmark",
            .table([
              KeyValue(
                "extensions",
                .table([
                  KeyValue("typographer", .table([KeyValue("disable", .bool(true))])),
                  KeyValue("linkify", .bool(false)),
                  KeyValue("definitionList", .bool(false)),
                  KeyValue(
                    "passthrough",
                    .table([
                      KeyValue("enable", .bool(true)),
                      KeyValue(
                        "delimiters",
                        .table([
                          KeyValue("block", .list([.list([.string("\\["), .string("\\]")]), .list([.string("$$"), .string("$$")])])),
                          KeyValue("inline", .list([.list([.string("\\("), .string("\\)")]), .list([.string("$")])])),
                        ])),
                    ])),
                ])),
              KeyValue(
                "parser",
                .table([
                  KeyValue("autoHeadingID", .bool(false)), KeyValue("autoDefinitionTermID", .bool(true)),
                  KeyValue("attribute", .table([KeyValue("block", .bool(true)), KeyValue("title", .bool(false))])),
                ])),
            ])),
        ])),
    ]
    let m = MarkupOptions(hugoConfig: config)
    #expect(m.enableEmoji && !m.typographer && !m.linkify && !m.definitionLists)
    #expect(m.blockAttributes && !m.headingAttributes && !m.autoHeadingID && m.autoDefinitionTermID)
    #expect(m.passthroughBlock == [.init("\\[", "\\]"), .init("$$", "$$")])
    #expect(m.passthroughInline == [.init("\\(", "\\)")], "a one-element pair is skipped")
    let defaults = MarkupOptions(hugoConfig: [])
    #expect(defaults == MarkupOptions())
    #expect(defaults.typographer && defaults.linkify && !defaults.enableEmoji && defaults.definitionLists && !defaults.blockAttributes)
    #expect(defaults.headingAttributes && defaults.autoHeadingID && !defaults.autoDefinitionTermID && defaults.passthroughInline.isEmpty)
  }

  @Test func typographerAndLinkifyCanBeTurnedOff() throws {
    let md = "\"Quoted\" -- see www.example.org\n"
    if case .paragraph(let p)? = try Self.blocks(md).first {
      #expect(p.content.plainText.contains("“Quoted”"))
      #expect(p.content.contains { if case .link = $0 { return true } else { return false } })
    }
    var m = MarkupOptions()
    m.typographer = false
    m.linkify = false
    if case .paragraph(let p)? = try Self.blocks(md, markup: m).first {
      #expect(p.content.plainText == md.dropLast())
      #expect(!p.content.contains { if case .link = $0 { return true } else { return false } })
    }
  }

  @Test func emojiShortcodesInTextOnly() throws {
    var m = MarkupOptions()
    m.enableEmoji = true
    let b = try Self.blocks("Hi :wave: :+1: :not_an_emoji: 10:30:00 `:wave:`\n\n    :smile:\n", markup: m)
    if case .paragraph(let p)? = b.first {
      #expect(p.content.plainText == "Hi 👋 👍 :not_an_emoji: 10:30:00 :wave:")
    }
    if case .codeBlock(let c)? = b.last { #expect(c.code == ":smile:\n") }
    let off = try Self.blocks("Hi :wave:\n")
    if case .paragraph(let p)? = off.first { #expect(p.content.plainText == "Hi :wave:") }
  }

  @Test func passthroughKeepsItsCharacters() throws {
    var m = MarkupOptions()
    m.passthroughBlock = [.init("$$", "$$"), .init("\\[", "\\]")]
    m.passthroughInline = [.init("$", "$"), .init("\\(", "\\)")]
    let md = """
      Inline $a*b*c_d_ "q" \\{x\\}$ and \\(e^{i\\pi}\\) but `$code$` and $ unclosed.

      $$
      \\sum_{i=1}^n *i* -- "x"
      $$

      \\[ a_1 \\]

      """
    let b = try Self.blocks(md, markup: m)
    try #require(b.count == 3, "\(b)")
    if case .paragraph(let p) = b[0] {
      #expect(p.content.plainText == #"Inline $a*b*c_d_ "q" \{x\}$ and \(e^{i\pi}\) but $code$ and $ unclosed."#)
    }
    if case .codeBlock(let c) = b[1] {
      #expect(c.info == "math" && c.code == "$$\n\\sum_{i=1}^n *i* -- \"x\"\n$$\n")
    }
    if case .codeBlock(let c) = b[2] { #expect(c.code == "\\[ a_1 \\]\n") }
    let off = try Self.blocks("Inline $a*b*$\n")
    if case .paragraph(let p)? = off.first { #expect(p.content.contains { if case .emphasis = $0 { return true } else { return false } }) }
  }
}
