import ImprentaModel
import ImprentaReader
import Testing

@Suite("Markdown")
struct MarkdownTests {
  func blocks(_ markdown: String) throws -> [Block] {
    var d = Diagnostics()
    return try PageReader().read(markdown: markdown, diagnostics: &d).blocks
  }

  @Test func headingIDsAreHugoSlugsAndUnique() throws {
    let b = try blocks("## ¿Qué es la Alianza?\n\n## ¿Qué es la Alianza?\n\n### Datos_abiertos & más 2024\n\n## Custom {#mi-id .x}\n")
    let ids = b.compactMap { if case .heading(let h) = $0 { return h.id } else { return nil } }
    #expect(ids == ["qué-es-la-alianza", "qué-es-la-alianza-1", "datos_abiertos--más-2024", "mi-id"])
    if case .heading(let h) = b[3] { #expect(h.content.plainText == "Custom") }
  }

  @Test func listsWithStartTightnessAndTasks() throws {
    let b = try blocks("3. tres\n4. cuatro\n\n- [ ] abierta\n- [x] hecha\n\n* a\n\n* b\n")
    try #require(b.count == 3)
    guard case .list(let ordered) = b[0], case .list(let tasks) = b[1], case .list(let loose) = b[2] else {
      Issue.record("expected three lists: \(b)")
      return
    }
    #expect(ordered.kind == .ordered(start: 3, delimiter: .period))
    #expect(ordered.isTight)
    #expect(tasks.items.map(\.task) == [.open, .done])
    #expect(!loose.isTight)
  }

  @Test func tableAlignmentsAndHeader() throws {
    let b = try blocks("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| x |\n")
    guard case .table(let t) = b[0] else { Issue.record("no table"); return }
    #expect(t.alignments == [.left, .center, .right, .none])
    #expect(t.header.map { $0.content.plainText } == ["a", "b", "c", "d"])
    #expect(t.rows.count == 2)
    #expect(t.rows[1].count == 4)
    #expect(t.range.start.line == 1)
  }

  @Test func footnotesNumberedInOrderOfCalls() throws {
    let b = try blocks("Uno[^b] dos[^a] tres[^b].\n\n[^a]: Nota A.\n[^b]: Nota B.\n")
    guard case .paragraph(let p) = b[0] else { Issue.record("no paragraph"); return }
    let calls = p.content.compactMap { if case .footnoteReference(let r) = $0 { return "\(r.label)=\(r.number)" } else { return nil } }
    #expect(calls == ["b=1", "a=2", "b=1"])
    let notes = b.compactMap { if case .footnoteDefinition(let f) = $0 { return "\(f.label)=\(f.number)" } else { return nil } }
    #expect(notes == ["b=1", "a=2"])
  }

  @Test func inlines() throws {
    let b = try blocks("*em* **strong** ~~del~~ `code` [link](https://x.org \"T\") <https://auto.org>  \nnext\\\nlast <br>")
    guard case .paragraph(let p) = b[0] else { Issue.record("no paragraph"); return }
    var kinds: [String] = []
    for i in p.content {
      switch i {
      case .text: kinds.append("text")
      case .emphasis: kinds.append("em")
      case .strong: kinds.append("strong")
      case .strikethrough: kinds.append("del")
      case .code: kinds.append("code")
      case .link(let l): kinds.append(l.isAutolink ? "autolink" : "link:\(l.title)")
      case .image: kinds.append("image")
      case .softBreak: kinds.append("soft")
      case .hardBreak: kinds.append("hard")
      case .footnoteReference: kinds.append("fn")
      case .span: kinds.append("span")
      }
    }
    #expect(kinds == ["em", "text", "strong", "text", "del", "text", "code", "text", "link:T", "text", "autolink", "hard", "text", "hard", "text", "hard"])
  }

  @Test func smartPunctuation() throws {
    let b = try blocks("\"Hola\" -- dijo... 'sí'")
    guard case .paragraph(let p) = b[0] else { Issue.record("no paragraph"); return }
    #expect(p.content.plainText == "“Hola” – dijo… ‘sí’")
  }

  @Test func lonelyImageIsAFigureWithCaption() throws {
    let b = try blocks("![Un mapa](/images/mapa.png \"Mapa de Colombia\")\n\nTexto ![icono](i.png) aquí.\n")
    guard case .figure(let f) = b[0] else { Issue.record("no figure"); return }
    #expect(f.image.alt == "Un mapa")
    #expect(f.image.source == "/images/mapa.png")
    #expect(f.caption.plainText == "Mapa de Colombia")
    guard case .paragraph = b[1] else { Issue.record("inline image should stay in its paragraph"); return }
  }

  @Test func codeBlockKeepsInfoAndText() throws {
    let b = try blocks("```json {linenos=true}\n{\"a\": 1}\n```\n")
    guard case .codeBlock(let c) = b[0] else { Issue.record("no code"); return }
    #expect(c.language == "json")
    #expect(c.code == "{\"a\": 1}\n")
  }

  @Test func rawHTMLIsRepairedAndMadeSafe() throws {
    var d = Diagnostics()
    let doc = try PageReader().read(
      markdown: "Intro\n\n<div class=\"nota\" onclick=\"x()\"><p>Caf&eacute; & t&eacute;<br>\n<script>alert(1)</script><iframe src=\"https://player.vimeo.com/video/1?a=1&b=2\" allowfullscreen></iframe></div>\n",
      path: "h.md", diagnostics: &d)
    guard case .html(let h) = doc.blocks[1] else { Issue.record("no html block"); return }
    #expect(h.nodes.map(\.textContent).joined().contains("Café & té"))
    let text = "\(h.nodes)"
    #expect(!text.contains("script"))
    #expect(!text.contains("onclick"))
    #expect(text.contains("https://player.vimeo.com/video/1?a=1&b=2"))
    #expect(Set(d.items.map(\.code.rawValue)) == ["unsafe-html"])
    #expect(d.items.count == 3)
    #expect(d.items.allSatisfy { $0.line == 3 && $0.file == "h.md" })
  }

  @Test func deepNestingIsFlattenedWithAWarning() throws {
    var d = Diagnostics()
    let deep = String(repeating: ">", count: 5000) + " hondo\n"
    let doc = try PageReader().read(markdown: deep, diagnostics: &d)
    #expect(d.items.map(\.code.rawValue) == ["nesting-too-deep"])
    var depth = 0
    var blocks = doc.blocks
    while case .blockQuote(let q)? = blocks.first {
      depth += 1
      blocks = q.blocks
    }
    #expect(depth == 100)
  }

  @Test func sourcePositions() throws {
    let b = try blocks("Primero\n\n- uno\n- dos\n\n> cita\n")
    #expect(b.map(\.range.start.line) == [1, 3, 6])
    guard case .list(let l) = b[1] else { return }
    #expect(l.items.map(\.range.start.line) == [3, 4])
  }
}
