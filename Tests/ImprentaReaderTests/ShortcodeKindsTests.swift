import Foundation
import ImprentaFiles
import ImprentaModel
import ImprentaReader
import ImprentaTestSupport
import Testing

/// The mapping kinds verbatim, include, admonition, tabs/tab and embed, each argument form, and
/// hostile variants (include cycles, escapes out of the content folder, links, huge bodies,
/// unterminated shortcodes).
@Suite("Shortcode mapping kinds")
struct ShortcodeKindsTests {
  func read(_ markdown: String, _ rules: [String: ShortcodeMapping.Rule]) throws -> (Document, Diagnostics) {
    var d = Diagnostics()
    var reader = PageReader()
    reader.shortcodes = ShortcodeExpander(mapping: ShortcodeMapping(rules: rules))
    let doc = try reader.read(markdown: markdown, path: "p.md", diagnostics: &d)
    return (doc, d)
  }

  func codeBlocks(_ doc: Document) -> [CodeBlock] {
    var out: [CodeBlock] = []
    doc.forEachBlock { if case .codeBlock(let c) = $0 { out.append(c) } }
    return out
  }

  func containers(_ doc: Document) -> [Container] {
    var out: [Container] = []
    doc.forEachBlock { if case .container(let c) = $0 { out.append(c) } }
    return out
  }

  // MARK: - verbatim

  @Test func verbatimKeepsTheRawBodyWithAFixedOrArgumentLanguage() throws {
    let body = "defaultContentLanguage = 'de'\n[languages.de]\n  weight = 1\n# comment \"line\" -- *not* emphasis\n\n{{</* param x */>}} and {{< other >}}\n"
    let md = "Intro.\n\n{{< code-toggle file=hugo >}}\n\(body){{< /code-toggle >}}\n\n{{< code lang=\"go\" >}}\nfunc main() {}\n{{< /code >}}\n\nAfter.\n"
    let (doc, d) = try read(md, ["code-toggle": .verbatim(language: "toml"), "code": .verbatim(language: "lang")])
    #expect(d.isEmpty, "\(d.items)")
    let blocks = codeBlocks(doc)
    #expect(blocks.count == 2)
    #expect(blocks.first?.code == body.replacingOccurrences(of: "{{</* param x */>}}", with: "{{< param x >}}"))
    #expect(blocks.first?.language == "toml")
    #expect(blocks.last?.code == "func main() {}\n" && blocks.last?.language == "go")
    // No heading from the `#` line, no curled quotes.
    #expect(doc.outline.isEmpty)
    #expect(!doc.blocks.map { Block.blockText($0) }.joined().contains("‘"))
    #expect(doc.blocks.count == 4 && doc.blocks.last.map { Block.blockText($0) } == "After.")
  }

  @Test func verbatimArgumentForms() throws {
    let rules: [String: ShortcodeMapping.Rule] = ["v": .verbatim(language: "0"), "w": .verbatim(language: nil)]
    let (doc, _) = try read("{{< v yaml >}}\na: 1\n{{< /v >}}\n\n{{< v >}}\nb\n{{< /v >}}\n\n{{< w lang=x >}}\nc\n{{< /w >}}\n", rules)
    #expect(codeBlocks(doc).map(\.language) == ["yaml", "", ""])
    #expect(codeBlocks(doc).map(\.code) == ["a: 1\n", "b\n", "c\n"])
  }

  @Test func verbatimInAListItemInlineAndUnpaired() throws {
    let md = "- item\n\n  {{< v >}}\n    indented\n  plain\n  {{< /v >}}\n\nText {{< v >}}x = 1{{< /v >}} here.\n\n{{< v >}}\n"
    let (doc, d) = try read(md, ["v": .verbatim(language: "toml")])
    guard case .list(let l) = doc.blocks.first, case .codeBlock(let c)? = l.items.first?.blocks.last else { Issue.record("\(doc.blocks)"); return }
    #expect(c.code == "  indented\nplain\n")
    guard case .paragraph(let p) = doc.blocks[1] else { Issue.record("\(doc.blocks)"); return }
    #expect(p.content.contains { if case .code(let c) = $0 { return c.code == "x = 1" } else { return false } }, "\(p.content)")
    #expect(d.items.map(\.code) == [.shortcodeArgument])
    #expect(d.items.first?.line == 10)
  }

  @Test func verbatimHugeBodyIsKeptWhole() throws {
    let line = "key_\(String(repeating: "x", count: 60)) = \"value\"\n"
    let body = String(repeating: line, count: 20_000)  // 1.4 MB
    let clock = ContinuousClock()
    var result: (Document, Diagnostics)?
    let elapsed = try clock.measure { result = try read("{{< v >}}\n\(body){{< /v >}}\n", ["v": .verbatim(language: "toml")]) }
    #expect(codeBlocks(result!.0).first?.code == body)
    #expect(elapsed < .seconds(20))
  }

  @Test func unterminatedShortcodesLeaveNoBraces() throws {
    let rules: [String: ShortcodeMapping.Rule] = ["v": .verbatim(language: nil), "hint": .admonition(kind: "0", title: nil)]
    let (doc, d) = try read("{{< v >}}\nnever closed\n\n{{% hint warning %}}\nopen box\n\n{{< v \"x >}}\n", rules)
    #expect(d.items.map(\.code).contains(.invalidShortcode))
    #expect(d.items.map(\.code).contains(.shortcodeArgument))
    let text = doc.blocks.map { Block.blockText($0) }.joined(separator: "|")
    #expect(!text.contains("{{"), "\(text)")
    #expect(text.contains("never closed") && text.contains("open box"))
  }

  // MARK: - admonition

  @Test func admonitionKindAndTitleFromArgumentsOrFixed() throws {
    let rules: [String: ShortcodeMapping.Rule] = [
      "hint": .admonition(kind: "0", title: "title"), "warning": .admonition(kind: nil, title: nil), "deprecated": .admonition(kind: "caution", title: "1"),
    ]
    let md = """
      {{% hint danger title="Do **not**" %}}
      Body *one*.
      {{% /hint %}}

      {{% hint %}}
      Two.
      {{% /hint %}}

      {{< warning >}}
      Three.
      {{< /warning >}}

      {{< deprecated "0.1" "Since 0.1" >}}
      Four.
      {{< /deprecated >}}
      """
    let (doc, d) = try read(md, rules)
    #expect(d.isEmpty, "\(d.items)")
    let boxes = containers(doc).compactMap(\.admonition)
    #expect(boxes.map(\.kind) == ["danger", "hint", "warning", "caution"])
    #expect(boxes.map(\.family) == [.danger, .tip, .warning, .warning])
    #expect(boxes.map(\.title.plainText) == ["Do not", "", "", "Since 0.1"])
    #expect(boxes.map(\.label.plainText) == ["Do not", "Hint", "Warning", "Since 0.1"])
    #expect(containers(doc).map { $0.blocks.map { Block.blockText($0) }.joined() } == ["Body one.", "Two.", "Three.", "Four."])
  }

  @Test func admonitionKindIsClassSafeAndInlineIsASpan() throws {
    let (doc, _) = try read("{{< box \"<x onclick=y>\" >}}\nA\n{{< /box >}}\n\nSee {{< box tip >}}this{{< /box >}} now.\n", ["box": .admonition(kind: "0", title: nil)])
    #expect(containers(doc).first?.admonition?.kind == "xonclicky")
    guard case .paragraph(let p) = doc.blocks.last else { Issue.record("\(doc.blocks)"); return }
    #expect(p.content.plainText == "See Tip: this now.")
  }

  // MARK: - tabs

  @Test func tabLabelsAreKeptAsBoldParagraphs() throws {
    let md = """
      ## Install

      {{< tabs "id" >}}
      {{% tab "macOS" %}}
      ```shell
      brew install hugo
      ```
      {{% /tab %}}
      {{% tab name="Linux" %}}
      Use *snap*.
      {{% /tab %}}
      {{< /tabs >}}
      """
    let rules: [String: ShortcodeMapping.Rule] = ["tabs": .tabs, "tab": .tab(label: "0")]
    let (doc, d) = try read(md, rules)
    #expect(d.isEmpty, "\(d.items)")
    let all = containers(doc)
    #expect(all.map(\.attributes.classes) == [["tabs"], ["tab"], ["tab"]])
    #expect(all[1].attributes["label"] == "macOS")
    guard case .paragraph(let label) = all[1].blocks.first, case .strong = label.content.first else { Issue.record("\(all[1].blocks)"); return }
    #expect(label.content.plainText == "macOS")
    #expect(codeBlocks(doc).first?.code == "brew install hugo\n")
    // The second tab's label is a named argument: with the positional spec it has none.
    #expect(all[2].blocks.count == 1)
    let (named, _) = try read(md, ["tabs": .tabs, "tab": .tab(label: "name")])
    #expect(containers(named)[2].blocks.first.map { Block.blockText($0) } == "Linux")
    #expect(doc.outline.count == 1, "tab labels are not headings")
  }

  // MARK: - embed

  @Test func embedOfASiteIframe() throws {
    let md = "{{< iframe url=\"https://forms.example/f?embedded=true\" style=\"x\" >}}\n\n{{< button href=\"https://b.example\" >}}Go **there**{{< /button >}}\n"
    let (doc, d) = try read(md, ["iframe": .embed(url: "url", title: "title", kind: .other), "button": .embed(url: "href", title: nil, kind: .other)])
    #expect(d.isEmpty, "\(d.items)")
    let embeds = doc.blocks.compactMap { if case .embed(let e) = $0 { return e } else { return nil } }
    #expect(embeds.map(\.url) == ["https://forms.example/f?embedded=true", "https://b.example"])
    #expect(embeds.map(\.title) == ["", "Go there"])
    #expect(embeds.map(\.provider) == ["iframe", "button"])
  }

  @Test func unknownIframeKeepsItsURLAndSuggestsAMapping() throws {
    let (doc, d) = try read("{{<iframe url=\"https://lookerstudio.example/embed/1\" >}}\n", [:])
    guard case .embed(let e) = doc.blocks.first else { Issue.record("\(doc.blocks)"); return }
    #expect(e.url == "https://lookerstudio.example/embed/1" && e.kind == .other)
    #expect(d.items.map(\.message) == [
      "unknown shortcode 'iframe': kept as a link to its URL; add to imprenta.yaml: shortcodes: {iframe: {as: embed, url: url}}"
    ])
  }

  // MARK: - suggestions

  @Test("an unknown shortcode's suggested entry fits its use and loads without a warning")
  func suggestionsAreGuessedFromUseAndLoad() throws {
    let cases: [(String, String)] = [
      ("{{< code-toggle file=hugo >}}\n[params]\nfoo = 'bar'\n# comment\n{{< /code-toggle >}}", "{as: verbatim, language: toml}"),
      ("{{< snippet lang=\"yaml\" >}}\na: 1\nb: 2\n{{< /snippet >}}", "{as: verbatim, language: lang}"),
      ("{{% callout %}}\nSome *text* here.\n{{% /callout %}}", "admonition"),
      ("{{% hint warning %}}\nCareful.\n{{% /hint %}}", "{as: admonition, kind: 0}"),
      ("{{% aside %}}\nSome prose that is a sentence.\n{{% /aside %}}", "container"),
      ("{{< box >}}\nA sentence of prose, not code.\n{{< /box >}}", "container"),
      ("{{% include \"/_common/x.md\" %}}", "{as: include, path: 0}"),
      ("{{< snip \"parts/a.md\" >}}", "{as: include, path: 0}"),
      ("{{< pic src=\"a/b.png\" alt=\"A\" >}}", "{as: image, src: src, alt: alt}"),
      ("{{< frame src=\"https://x.example/e\" >}}", "{as: embed, url: src}"),
      ("{{< badge \"0.1.0\" >}}", "{as: text, text: 0}"),
      ("{{< toc >}}", "drop"),
      ("{{< tabs >}}\n{{< /tabs >}}", "tabs"),
      ("{{% tab title=\"A\" %}}\nx\n{{% /tab %}}", "{as: tab, label: title}"),
    ]
    for (md, expected) in cases {
      let (_, d) = try read(md + "\n", [:])
      let message = d.items.first { $0.code == .unknownShortcode }?.message ?? ""
      guard let range = message.range(of: "add to imprenta.yaml: ") else { Issue.record("\(md): \(message)"); continue }
      let yaml = String(message[range.upperBound...])
      #expect(yaml.hasSuffix(": " + expected + "}"), "\(md): \(yaml)")
      var loaded = Diagnostics()
      let mapping = ShortcodeMapping.load(yaml: yaml + "\n", file: "imprenta.yaml", diagnostics: &loaded)
      #expect(loaded.isEmpty && mapping.rules.count == 1, "\(yaml): \(loaded.items)")
    }
  }

  // MARK: - mapping file

  @Test func newKindsLoadStrictly() {
    let yaml = """
      shortcodes:
        code-toggle: {as: verbatim, language: toml}
        include: {as: include, path: 0}
        hint: {as: admonition, kind: 0, title: title}
        warning: admonition
        tabs: tabs
        tab: {as: tab, label: 0}
        iframe: {as: embed, url: url}
        bad: {as: tab, title: 0}
        worse: {as: verbatim, lang: go}
        sparkle: glitter
      """
    var d = Diagnostics()
    let m = ShortcodeMapping.load(yaml: yaml, file: "imprenta.yaml", diagnostics: &d)
    #expect(m.rules["code-toggle"] == .verbatim(language: "toml"))
    #expect(m.rules["include"] == .include(path: "0"))
    #expect(m.rules["hint"] == .admonition(kind: "0", title: "title"))
    #expect(m.rules["warning"] == .admonition(kind: nil, title: nil))
    #expect(m.rules["tabs"] == .tabs && m.rules["tab"] == .tab(label: "0"))
    #expect(m.rules["iframe"] == .embed(url: "url", title: nil, kind: .other))
    #expect(m.rules["sparkle"] == nil)
    #expect(d.items.map(\.description) == [
      "imprenta.yaml:9:18: warning: unknown key 'title' for a shortcode mapped as tab (its keys: as, label)",
      "imprenta.yaml:10:25: warning: unknown key 'lang' for a shortcode mapped as verbatim (its keys: as, language)",
      "imprenta.yaml:11:12: warning: unknown kind 'glitter' for shortcode 'sparkle': use one of image, embed, note, container, drop, text, verbatim, include, admonition, tabs, tab",
    ])
  }
}

/// `include`: another page's body read through the read policy, within the content roots.
@Suite("Shortcode include")
struct ShortcodeIncludeTests {
  final class Site {
    let root: String
    var content: String { root + "/content" }
    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-include-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
      try write("outside/secret.md", "CANARY-include-secret\n")
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
    func write(_ relative: String, _ text: String) throws {
      let path = root + "/" + relative
      try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    /// Reads `content/<page>` as a site page would be read.
    func read(_ page: String) throws -> (Document, Diagnostics) {
      var reader = PageReader()
      reader.files = ReadPolicy(roots: [content])
      reader.site = ShortcodeSite(contentFolder: content)
      reader.shortcodes = ShortcodeExpander(mapping: ShortcodeMapping(rules: ["include": .include(path: "0"), "inc": .include(path: "file")]))
      var d = Diagnostics()
      let doc = try reader.read(contentsOf: content + "/" + page, relativeName: page, diagnostics: &d)
      return (doc, d)
    }
  }

  func text(_ doc: Document) -> String {
    var out: [String] = []
    doc.forEachBlock { b in
      switch b {
      case .paragraph(let p): out.append(p.content.plainText)
      case .heading(let h): out.append("#" + h.id)
      default: break
      }
    }
    return out.joined(separator: "|")
  }

  @Test func includesFromTheContentFolderAndThePagesFolder() throws {
    let site = try Site()
    try site.write("content/_common/setup.md", "---\n_comment: keep\n---\n\n## Setup\n\nShared **text**.\n\n{{< include \"note\" >}}\n")
    try site.write("content/_common/note.md", "A note beside the snippet.\n")
    try site.write("content/docs/local.md", "Local part.\n")
    try site.write("content/docs/page.md", "---\ntitle: P\n---\n\n## Setup\n\n{{% include \"/_common/setup.md\" %}}\n\n{{< inc file=\"local\" >}}\n\nEnd.\n")
    let (doc, d) = try site.read("docs/page.md")
    #expect(d.isEmpty, "\(d.items)")
    #expect(text(doc) == "#setup|#setup-1|Shared text.|A note beside the snippet.|Local part.|End.")
    // Diagnostics inside an included page name that page.
    try site.write("content/_common/bad.md", "{{< mystery >}}\n")
    try site.write("content/docs/two.md", "{{< include \"/_common/bad\" >}}\n")
    let (_, d2) = try site.read("docs/two.md")
    #expect(d2.items.map(\.file) == [site.content + "/_common/bad.md"])
  }

  @Test func missingOutsideAndLinkedFilesAreWarningsAtTheShortcode() throws {
    let site = try Site()
    try FileManager.default.createSymbolicLink(atPath: site.content + "/linked.md", withDestinationPath: site.root + "/outside/secret.md")
    try site.write("content/page.md", """
      {{< include "nowhere.md" >}}

      {{< include "../outside/secret.md" >}}

      {{< include "../../../../../../../../etc/passwd" >}}

      {{< include "/linked.md" >}}

      {{< include "/proc/self/environ" >}}

      {{< include "" >}}

      Kept.
      """)
    let (doc, d) = try site.read("page.md")
    #expect(text(doc) == "Kept.")
    #expect(d.items.map(\.code) == [.includeFailed, .includeFailed, .includeFailed, .includeFailed, .includeFailed, .shortcodeArgument])
    #expect(d.items.map(\.line) == [1, 3, 5, 7, 9, 11])
    #expect(d.items.allSatisfy { $0.file == site.content + "/page.md" && $0.severity == .warning })
    #expect(d.items[0].message.contains("no such page"))
    #expect(d.items[1].message.contains("outside the allowed folders"))
    #expect(d.items[3].message.contains("symbolic link"))
    #expect(!d.items.contains { $0.message.contains("CANARY") || $0.message.contains(site.root + "/outside") })
  }

  @Test func selfIncludesCyclesAndDepthAreBounded() throws {
    let site = try Site()
    try site.write("content/self.md", "Before.\n\n{{< include \"self.md\" >}}\n")
    try site.write("content/a.md", "A.\n\n{{< include \"b.md\" >}}\n")
    try site.write("content/b.md", "B.\n\n{{< include \"a.md\" >}}\n")
    var (doc, d) = try site.read("self.md")
    #expect(text(doc) == "Before.")
    #expect(d.items.map(\.code) == [.includeFailed] && d.items[0].message.contains("the page that includes it"))
    (doc, d) = try site.read("a.md")
    #expect(text(doc) == "A.|B.")
    #expect(d.items.map(\.code) == [.includeFailed] && d.items[0].message.contains("cycle"))
    #expect(d.items[0].file == site.content + "/b.md")
    // A chain deeper than the budget stops at the budget.
    let depth = Budget.includeDepth.limit + 3
    for k in 0..<depth { try site.write("content/chain\(k).md", "L\(k).\n\n{{< include \"chain\(k + 1).md\" >}}\n") }
    try site.write("content/chain\(depth).md", "Last.\n")
    (doc, d) = try site.read("chain0.md")
    #expect(text(doc).split(separator: "|").count == Budget.includeDepth.limit + 1)
    #expect(d.items.map(\.code) == [.includeFailed] && d.items[0].message.contains("include-depth"))
  }

  @Test func includedBytesHaveABudget() throws {
    let site = try Site()
    // 17 MB of one code block (cheap to parse): the second include is past the budget.
    let chunk = "```\n" + String(repeating: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n", count: 270_000) + "```\n"
    try site.write("content/big.md", chunk)
    let copies = Budget.includedBytes.limit / chunk.utf8.count + 2
    try site.write("content/page.md", String(repeating: "{{< include \"big.md\" >}}\n\n", count: copies))
    let (_, d) = try site.read("page.md")
    #expect(d.items.map(\.code) == [.includeFailed, .includeFailed])
    #expect(d.items.allSatisfy { $0.message.contains("included-bytes") })
  }
}
