import ImprentaModel

/// A readable dump of a document tree with source ranges: the reader's golden format.
public enum TreeDump {
  /// The dump of a whole document: metadata, then one line per node, indented by depth.
  public static func dump(_ document: Document) -> String {
    var out = "Document \(document.relativeName)\n"
    let m = document.metadata
    out += "  title: \(m.title)\n"
    if !m.subtitle.isEmpty { out += "  subtitle: \(m.subtitle)\n" }
    if !m.authors.isEmpty { out += "  authors: \(m.authors.joined(separator: ", "))\n" }
    if let d = m.date { out += "  date: \(d.text)\n" }
    if !m.language.isEmpty { out += "  language: \(m.language)\n" }
    if !m.description.isEmpty { out += "  description: \(m.description)\n" }
    if m.draft { out += "  draft: true\n" }
    if m.weight != 0 { out += "  weight: \(m.weight)\n" }
    if !m.cover.isEmpty { out += "  cover: \(m.cover)\n" }
    if !m.tags.isEmpty { out += "  tags: \(m.tags.joined(separator: ", "))\n" }
    if m.hideTitle { out += "  hideTitle: true\n" }
    if let d = m.publishDate { out += "  publishDate: \(d.text)\n" }
    if let d = m.expiryDate { out += "  expiryDate: \(d.text)\n" }
    if let d = m.lastmod { out += "  lastmod: \(d.text)\n" }
    if !m.linkTitle.isEmpty { out += "  linkTitle: \(m.linkTitle)\n" }
    if m.headless { out += "  headless: true\n" }
    for p in m.params { out += "  param \(p.key): \(p.value)\n" }
    for b in document.blocks { block(b, 1, &out) }
    return out
  }

  static func line(_ depth: Int, _ text: String, _ range: SourceRange, _ out: inout String) {
    out += String(repeating: "  ", count: depth) + text + (range.isKnown ? " @\(range)" : "") + "\n"
  }

  /// ` {#id .class key="value"}`, or nothing when there are no attributes.
  static func attributes(_ a: Attributes) -> String {
    guard !a.isEmpty else { return "" }
    var parts: [String] = []
    if !a.id.isEmpty { parts.append("#" + a.id) }
    parts += a.classes.map { "." + $0 }
    parts += a.pairs.map { "\($0.key)=\($0.value.debugDescription)" }
    return " {" + parts.joined(separator: " ") + "}"
  }

  static func block(_ b: Block, _ depth: Int, _ out: inout String) {
    switch b {
    case .heading(let h):
      line(depth, "Heading \(h.level) #\(h.id)" + attributes(h.attributes), h.range, &out)
      inlines(h.content, depth + 1, &out)
    case .paragraph(let p):
      line(depth, "Paragraph" + attributes(p.attributes), p.range, &out)
      inlines(p.content, depth + 1, &out)
    case .list(let l):
      let kind: String
      switch l.kind {
      case .bullet: kind = "bullet"
      case .ordered(let start, let delim): kind = "ordered start=\(start) \(delim == .period ? "." : ")")"
      }
      line(depth, "List \(kind) \(l.isTight ? "tight" : "loose")" + attributes(l.attributes), l.range, &out)
      for item in l.items {
        let task = item.task.map { $0 == .done ? " [x]" : " [ ]" } ?? ""
        line(depth + 1, "Item" + task, item.range, &out)
        for c in item.blocks { block(c, depth + 2, &out) }
      }
    case .blockQuote(let q):
      line(depth, "BlockQuote", q.range, &out)
      for c in q.blocks { block(c, depth + 1, &out) }
    case .codeBlock(let c):
      line(depth, "CodeBlock info=\(c.info.debugDescription) \(c.code.debugDescription)" + attributes(c.attributes), c.range, &out)
    case .table(let t):
      line(depth, "Table \(t.alignments.map { "\($0)" }.joined(separator: ","))" + attributes(t.attributes), t.range, &out)
      line(depth + 1, "Header", .unknown, &out)
      for cell in t.header { line(depth + 2, "Cell \(cell.content.plainText.debugDescription)", cell.range, &out) }
      for row in t.rows {
        line(depth + 1, "Row", .unknown, &out)
        for cell in row { line(depth + 2, "Cell \(cell.content.plainText.debugDescription)", cell.range, &out) }
      }
    case .figure(let f):
      line(depth, "Figure src=\(f.image.source) alt=\(f.image.alt.debugDescription) caption=\(f.caption.plainText.debugDescription)", f.range, &out)
    case .thematicBreak(let r):
      line(depth, "ThematicBreak", r, &out)
    case .footnoteDefinition(let f):
      line(depth, "FootnoteDefinition \(f.number) [\(f.label)]", f.range, &out)
      for c in f.blocks { block(c, depth + 1, &out) }
    case .html(let h):
      line(depth, "HTML \(h.nodes.map(\.textContent).joined().debugDescription)", h.range, &out)
    case .container(let c):
      let box = c.admonition.map { " admonition=\($0.kind) title=\($0.title.plainText.debugDescription)" } ?? ""
      line(depth, "Container .\(c.attributes.classes.joined(separator: "."))\(box)", c.range, &out)
      for b in c.blocks { block(b, depth + 1, &out) }
    case .definitionList(let d):
      line(depth, "DefinitionList \(d.isTight ? "tight" : "loose")" + attributes(d.attributes), d.range, &out)
      for item in d.items {
        line(depth + 1, "Item", item.range, &out)
        for term in item.terms {
          line(depth + 2, "Term" + (term.id.isEmpty ? "" : " #\(term.id)"), term.range, &out)
          inlines(term.content, depth + 3, &out)
        }
        for definition in item.definitions {
          line(depth + 2, "Definition", .unknown, &out)
          for c in definition { block(c, depth + 3, &out) }
        }
      }
    case .embed(let e):
      line(depth, "Embed \(e.kind) \(e.provider) \(e.url) title=\(e.title.debugDescription)", e.range, &out)
    }
  }

  static func inlines(_ list: [Inline], _ depth: Int, _ out: inout String) {
    for i in list {
      switch i {
      case .text(let t): line(depth, "Text \(t.string.debugDescription)", t.range, &out)
      case .emphasis(let s): line(depth, "Emphasis", s.range, &out); inlines(s.content, depth + 1, &out)
      case .strong(let s): line(depth, "Strong", s.range, &out); inlines(s.content, depth + 1, &out)
      case .strikethrough(let s): line(depth, "Strikethrough", s.range, &out); inlines(s.content, depth + 1, &out)
      case .code(let c): line(depth, "Code \(c.code.debugDescription)", c.range, &out)
      case .link(let l):
        line(depth, "Link \(l.destination)\(l.isAutolink ? " autolink" : "")", l.range, &out)
        inlines(l.content, depth + 1, &out)
      case .image(let img): line(depth, "Image \(img.source) alt=\(img.alt.debugDescription)", img.range, &out)
      case .softBreak(let r): line(depth, "SoftBreak", r, &out)
      case .hardBreak(let r): line(depth, "HardBreak", r, &out)
      case .footnoteReference(let f): line(depth, "FootnoteReference \(f.number) [\(f.label)]", f.range, &out)
      case .span(let s):
        let pairs = s.attributes.pairs.map { " \($0.key)=\($0.value.debugDescription)" }.joined()
        line(depth, (s.element == "span" ? "Span" : "Span <\(s.element)>") + pairs, s.range, &out)
        inlines(s.content, depth + 1, &out)
      }
    }
  }
}
