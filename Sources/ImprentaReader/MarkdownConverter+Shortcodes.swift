import CCmarkGFM
import ImprentaModel

// Putting shortcode expansions where their placeholders were (see `ShortcodeTokens`).
extension MarkdownConverter {
  /// The id of a paragraph that is one inline token and nothing else (a shortcode written
  /// in running text but alone in its paragraph gives its blocks, not flattened inlines).
  func standaloneToken(_ node: OpaquePointer) -> Int? {
    guard !expansions.isEmpty else { return nil }
    let kids = children(of: node)
    guard kids.count == 1, cmark_node_get_type(kids[0]) == CMARK_NODE_TEXT else { return nil }
    let text = literal(kids[0])
    guard ShortcodeTokens.mayHoldTokens(text) else { return nil }
    let pieces = ShortcodeTokens.split(text.trimmingCharacters(in: " \t"))
    if pieces.count == 1, case .token(let id) = pieces[0] { return id }
    return nil
  }

  /// An HTML block: a shortcode's block placeholder, or real HTML that may hold placeholders.
  mutating func htmlBlock(_ html: String, range r: SourceRange, into out: inout [Block]) {
    for piece in ShortcodeTokens.split(html) {
      switch piece {
      case .token(let id):
        out += expansions[id]?.blocks ?? []
      case .text(let text):
        guard !text.allSatisfy(\.isWhitespace) else { continue }
        let nodes = RawHTMLParser(file: file, range: r).parse(text, diagnostics: &diagnostics)
        out.append(.html(RawHTML(html: text, nodes: nodes, range: r)))
      }
    }
  }

  /// `text` with every placeholder replaced by its shortcode's text (inside code, URLs, titles).
  func resolvingTokens(_ text: String) -> String {
    guard !expansions.isEmpty else { return text }
    let pieces = ShortcodeTokens.split(text)
    if pieces.count == 1, case .text = pieces[0] { return text }
    return pieces.map { piece -> String in
      switch piece {
      case .text(let t): return t
      case .token(let id): return expansions[id]?.plainText ?? ""
      }
    }.joined()
  }

  /// Inlines with each text run's tokens replaced by the shortcodes' inlines.
  func expandingTokens(_ inlines: [Inline]) -> [Inline] {
    guard !expansions.isEmpty else { return inlines }
    var out: [Inline] = []
    for inline in inlines {
      guard case .text(let t) = inline else {
        out.append(inline)
        continue
      }
      let pieces = ShortcodeTokens.split(t.string)
      if pieces.count == 1, case .text = pieces[0] {
        out.append(inline)
        continue
      }
      for piece in pieces {
        switch piece {
        case .text(let s): out.append(.text(Text(s, range: t.range)))
        case .token(let id): out += expansions[id]?.inlines ?? []
        }
      }
    }
    return out
  }
}
