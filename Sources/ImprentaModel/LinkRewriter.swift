/// Applies a change to every link destination of a tree (links and linked figures), through the
/// model's one tree rewrite: the site reader's link resolution and the rule for links to other
/// outputs (`OtherOutputLinks`) both go through it. `change` returns the new destination, or nil
/// to keep the link's text without a link.
public struct LinkRewriter {
  let change: (String, SourceRange) -> String?

  /// Creates a rewriter.
  public init(change: @escaping (String, SourceRange) -> String?) {
    self.change = change
  }

  /// `block` with every link destination changed.
  public func rewrite(_ block: Block) -> Block {
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
