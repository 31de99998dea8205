// Tree rewrites that several passes share (links between pages, books, footnote renumbering):
// one recursive map over blocks and one over inlines, so each pass states only what it changes.

extension Inline {
  /// This inline with `transform` applied to it and to every inline inside it, innermost first.
  public func rewriting(_ transform: (Inline) -> Inline) -> Inline {
    func inner(_ list: [Inline]) -> [Inline] { list.map { $0.rewriting(transform) } }
    switch self {
    case .emphasis(let s): return transform(.emphasis(Styled(inner(s.content), range: s.range)))
    case .strong(let s): return transform(.strong(Styled(inner(s.content), range: s.range)))
    case .strikethrough(let s): return transform(.strikethrough(Styled(inner(s.content), range: s.range)))
    case .link(var l):
      l.content = inner(l.content)
      return transform(.link(l))
    case .span(var s):
      s.content = inner(s.content)
      return transform(.span(s))
    case .text, .code, .image, .softBreak, .hardBreak, .footnoteReference:
      return transform(self)
    }
  }
}

extension Block {
  /// This block with every block inside it rewritten first, then itself, by `transform`.
  public func rewritingBlocks(_ transform: (Block) -> Block) -> Block {
    func inner(_ list: [Block]) -> [Block] { list.map { $0.rewritingBlocks(transform) } }
    switch self {
    case .list(var l):
      l.items = l.items.map { item in
        var i = item
        i.blocks = inner(i.blocks)
        return i
      }
      return transform(.list(l))
    case .blockQuote(var q):
      q.blocks = inner(q.blocks)
      return transform(.blockQuote(q))
    case .footnoteDefinition(var f):
      f.blocks = inner(f.blocks)
      return transform(.footnoteDefinition(f))
    case .container(var c):
      c.blocks = inner(c.blocks)
      return transform(.container(c))
    case .definitionList(var d):
      for i in d.items.indices { d.items[i].definitions = d.items[i].definitions.map(inner) }
      return transform(.definitionList(d))
    case .heading, .paragraph, .codeBlock, .table, .figure, .thematicBreak, .html, .embed:
      return transform(self)
    }
  }

  /// This block with `transform` applied to every inline it holds, at any depth.
  public func rewritingInlines(_ transform: (Inline) -> Inline) -> Block {
    func map(_ list: [Inline]) -> [Inline] { list.map { $0.rewriting(transform) } }
    return rewritingBlocks { block in
      switch block {
      case .heading(var h):
        h.content = map(h.content)
        return .heading(h)
      case .paragraph(var p):
        p.content = map(p.content)
        return .paragraph(p)
      case .table(var t):
        t.header = t.header.map { TableCell(map($0.content), range: $0.range) }
        t.rows = t.rows.map { $0.map { TableCell(map($0.content), range: $0.range) } }
        return .table(t)
      case .figure(var f):
        f.caption = map(f.caption)
        return .figure(f)
      case .container(var c) where c.admonition != nil:
        let title = map(c.admonition?.title ?? [])
        c.admonition?.title = title
        return .container(c)
      case .definitionList(var d):
        for i in d.items.indices {
          for t in d.items[i].terms.indices { d.items[i].terms[t].content = map(d.items[i].terms[t].content) }
        }
        return .definitionList(d)
      case .list, .blockQuote, .codeBlock, .thematicBreak, .footnoteDefinition, .html, .container, .embed:
        return block
      }
    }
  }
}

extension Document {
  /// The document with `transform` applied to every inline, at any depth.
  public func rewritingInlines(_ transform: (Inline) -> Inline) -> Document {
    var d = self
    d.blocks = blocks.map { $0.rewritingInlines(transform) }
    return d
  }
}
