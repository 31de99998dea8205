import ImprentaModel

/// Applies a change to every link destination of a tree (links and linked figures).
struct LinkRewriter {
  let change: (String, SourceRange) -> String

  func rewrite(_ block: Block) -> Block {
    switch block {
    case .paragraph(var p): p.content = rewrite(p.content); return .paragraph(p)
    case .heading(var h): h.content = rewrite(h.content); return .heading(h)
    case .list(var l):
      l.items = l.items.map { item in
        var i = item
        i.blocks = i.blocks.map(rewrite)
        return i
      }
      return .list(l)
    case .blockQuote(var q): q.blocks = q.blocks.map(rewrite); return .blockQuote(q)
    case .table(var t):
      t.header = t.header.map { var c = $0; c.content = rewrite(c.content); return c }
      t.rows = t.rows.map { row in row.map { var c = $0; c.content = rewrite(c.content); return c } }
      return .table(t)
    case .figure(var f):
      f.caption = rewrite(f.caption)
      if !f.link.isEmpty { f.link = change(f.link, f.range) }
      return .figure(f)
    case .footnoteDefinition(var f): f.blocks = f.blocks.map(rewrite); return .footnoteDefinition(f)
    case .container(var c): c.blocks = c.blocks.map(rewrite); return .container(c)
    case .definitionList(var d):
      for i in d.items.indices {
        for t in d.items[i].terms.indices { d.items[i].terms[t].content = rewrite(d.items[i].terms[t].content) }
        d.items[i].definitions = d.items[i].definitions.map { $0.map(rewrite) }
      }
      return .definitionList(d)
    case .codeBlock, .thematicBreak, .html, .embed: return block
    }
  }

  func rewrite(_ inlines: [Inline]) -> [Inline] {
    inlines.map { inline in
      switch inline {
      case .emphasis(var s): s.content = rewrite(s.content); return .emphasis(s)
      case .strong(var s): s.content = rewrite(s.content); return .strong(s)
      case .strikethrough(var s): s.content = rewrite(s.content); return .strikethrough(s)
      case .span(var s): s.content = rewrite(s.content); return .span(s)
      case .link(var l):
        l.content = rewrite(l.content)
        l.destination = change(l.destination, l.range)
        return .link(l)
      case .text, .code, .image, .softBreak, .hardBreak, .footnoteReference: return inline
      }
    }
  }
}
