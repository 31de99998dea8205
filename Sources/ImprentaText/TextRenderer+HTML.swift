import ImprentaModel

extension TextRenderer {
  /// Elements that stand as blocks: they end the paragraph before them and start a new one.
  static let htmlBlockElements: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "thead",
    "tbody", "tfoot", "section", "article", "aside", "header", "footer", "nav", "main", "figure",
    "figcaption", "pre", "address", "details", "summary", "hr", "center", "caption",
  ]
  /// Elements that start a new line: rows, items, terms.
  static let htmlLineElements: Set<String> = ["br", "li", "tr", "dt", "dd"]

  /// What raw HTML collects while it is walked: finished paragraphs and the one being filled.
  struct HTMLText {
    var paragraphs: [TextLayout] = []
    var line: [FlowItem] = []
    /// How many `pre` elements enclose the current node (their line ends are kept).
    var preformatted = 0

    /// Ends the paragraph being filled, if it holds any word.
    mutating func paragraphBreak() {
      let hasWords = line.contains { item in
        if case .text(let t) = item { return t.contains { !LineWrapper.isBreakable($0) } }
        return false
      }
      if hasWords { paragraphs.append(.flow(line)) }
      line = []
    }

    /// Starts a new line in the paragraph being filled (nothing at its start).
    mutating func lineBreak() {
      if !line.isEmpty { line.append(.lineBreak) }
    }
  }

  /// A raw HTML block, from the reader's sanitised tree: block elements become paragraphs,
  /// rows and items lines, links numbered as Markdown links are, images `[Image: alt]`, `hr`
  /// a thematic break; `pre` keeps its line ends (its spaces are not kept: plain text
  /// cannot tell them from layout).
  mutating func renderHTML(_ html: RawHTML) -> TextLayout {
    var text = HTMLText()
    for node in html.nodes { appendHTML(node, to: &text) }
    text.paragraphBreak()
    return .stack(text.paragraphs, blankBetween: true)
  }

  /// Appends one HTML node and what it holds.
  mutating func appendHTML(_ node: HTMLNode, to text: inout HTMLText) {
    switch node {
    case .text(let s):
      guard text.preformatted > 0 else {
        text.line.append(.text(s))
        return
      }
      for (i, part) in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if i > 0 { text.line.append(.lineBreak) }
        text.line.append(.text(String(part)))
      }
    case .element(let name, let attributes, let children):
      func attribute(_ key: String) -> String? { attributes.first { $0.key == key }?.value }
      if TextRenderer.htmlBlockElements.contains(name) {
        text.paragraphBreak()
      } else if TextRenderer.htmlLineElements.contains(name) {
        text.lineBreak()
      } else if name == "td" || name == "th" {
        text.line.append(.text(" "))
      }
      switch name {
      case "hr":
        text.paragraphs.append(.centered("* * *"))
      case "pre":
        text.preformatted += 1
        for child in children { appendHTML(child, to: &text) }
        text.preformatted -= 1
      case "img":
        text.line.append(.text(imageLabel(alt: attribute("alt") ?? "")))
      case "a":
        for child in children { appendHTML(child, to: &text) }
        let href = attribute("href") ?? ""
        let shown = children.map(\.textContent).joined()
        if !href.hasPrefix("#"), href != shown, "mailto:" + shown != href, let n = linkNumber(href) {
          text.line.append(.text(" " + TextRenderer.linkCall(n)))
        }
      default:
        for child in children { appendHTML(child, to: &text) }
      }
      if TextRenderer.htmlBlockElements.contains(name) { text.paragraphBreak() }
    }
  }
}
