import ImprentaModel

/// Applies a change to every link destination of a tree (links and linked figures), through the
/// model's one tree rewrite. `change` returns the new destination, or nil to keep the link's text
/// without a link.
struct LinkRewriter {
  let change: (String, SourceRange) -> String?

  func rewrite(_ block: Block) -> Block {
    block.rewritingInlines { inline in
      guard case .link(var l) = inline else { return inline }
      guard let destination = change(l.destination, l.range) else {
        return .span(Span(attributes: Attributes(), content: l.content, range: l.range))
      }
      l.destination = destination
      return .link(l)
    }.rewritingBlocks { block in
      guard case .figure(var f) = block, !f.link.isEmpty else { return block }
      f.link = change(f.link, f.range) ?? ""
      return .figure(f)
    }
  }
}
