import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  // MARK: - Block quotes

  /// Quotes: indented, in the quote colour, with a rule at the left that follows them across pages.
  mutating func renderBlockQuote(_ q: BlockQuote) {
    let inset = style.blockquote.indent.points(em: baseSize)
    let bar = (x: indent + 1, width: style.blockquote.borderWidth.points(em: baseSize), color: style.blockquote.borderColor, group: nextID())
    let saved = (indent, width, quoteColor, quoteItalic)
    bars.append(bar)
    tagStack.append(StructureTag(name: "BlockQuote", id: nextID()))
    indent += inset
    width -= inset
    quoteColor = style.blockquote.color
    quoteItalic = quoteItalic || style.blockquote.slant == "italic"
    for b in q.blocks { render(b) }
    (indent, width, quoteColor, quoteItalic) = saved
    tagStack.removeLast()
    bars.removeLast()
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }

  // MARK: - Code blocks

  /// Code: monospace on a background, never justified or hyphenated; long lines wrap anywhere
  /// and end with a ↩ mark.
  mutating func renderCodeBlock(_ c: CodeBlock) {
    let pad = style.code.padding.points(em: baseSize)
    let f = font(style.code.font, em: baseSize)
    let markText = style.code.wrapMark
    let markWidth = markText.isEmpty ? 0 : f.size * 0.9
    var code = c.code
    while code.last == "\n" { code.removeLast() }
    if code.isEmpty { code = " " }
    var text = AttributedText()
    text.append(code)
    // Code reads left to right in every document.
    let format = ParagraphFormat(font: f, width: width - 2 * pad - markWidth, align: .left, lineHeight: 1.3, breakAnywhere: true, direction: .ltr)
    let tags = tagStack + [StructureTag(name: "Code", id: nextID())]
    var lines = lineSlices(text, format: format, x: indent + pad, tags: tags)
    let group = nextID()
    let bytes = Array(code.utf8)
    var markFont = f
    markFont.color = Color(hex: 0x888888)
    for k in lines.indices {
      // A line that does not end at a newline was wrapped: mark it.
      if !markText.isEmpty, k < lines.count - 1, case .text(let t) = lines[k].items[0].kind {
        // (The line's content ends where its plan ends; its metrics run to the next line.)
        let end = t.block.plans[k].end
        if end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
          var mark = AttributedText()
          mark.append(markText)
          let markBlock = TextBlock(engine: engine, text: mark, format: ParagraphFormat(font: markFont, width: -1))
          lines[k].items.append(PageItem(.text(TextLine(block: markBlock, index: 0, x: indent + width - pad - markWidth + 1, baseline: t.baseline))))
        }
      }
    }
    if !lines.isEmpty {
      lines[0].height += pad
      lines[0].items = lines[0].items.map { $0.offsetBy(dx: 0, dy: pad) }
      lines[lines.count - 1].height += pad
    }
    for k in lines.indices {
      lines[k].items.insert(
        PageItem(.box(Rect(x: indent, y: 0, width: width, height: lines[k].height), fill: style.code.background, stroke: .none, group: group)), at: 0)
    }
    PDFLayouter.protectLines(&lines, orphans: style.page.orphans, widows: style.page.widows)
    for l in lines { emit(l) }
    space(style.paragraph.spaceAfter.points(em: baseSize) + 2)
  }

  // MARK: - Thematic breaks

  mutating func renderThematicBreak() {
    let h = baseSize * 1.6
    let w = width / 3
    space(style.paragraph.spaceAfter.points(em: baseSize))
    emit(Slice(height: h, items: [PageItem(.rule(x0: indent + (width - w) / 2, y0: h / 2, x1: indent + (width + w) / 2, y1: h / 2, width: 0.6, color: style.table.ruleColor))]))
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }

  // MARK: - Raw HTML

  /// Raw HTML blocks: images become figures, other elements paragraphs of their text.
  mutating func renderHTML(_ h: RawHTML) {
    for node in h.nodes { renderHTMLNode(node, range: h.range, depth: 0) }
  }

  private mutating func renderHTMLNode(_ node: HTMLNode, range: SourceRange, depth: Int) {
    switch node {
    case .text(let s):
      let t = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      if !t.isEmpty { renderParagraph(Paragraph([.text(Text(t))], range: range)) }
    case .element(let name, let attributes, let children):
      let attr = { (k: String) in attributes.first { $0.key == k }?.value ?? "" }
      switch name {
      case "img":
        let classes = attr("class").split(whereSeparator: \.isWhitespace).map(String.init)
        renderFigure(Figure(image: Image(source: attr("src"), alt: attr("alt"), range: range), attributes: Attributes(classes: classes), range: range))
      case "h1", "h2", "h3", "h4", "h5", "h6":
        let level = Int(String(name.dropFirst())) ?? 2
        renderHeading(Heading(level: level, content: [.text(Text(node.textContent))], id: attr("id"), range: range))
      case "hr": renderThematicBreak()
      case "pre": renderCodeBlock(CodeBlock(code: node.textContent, range: range))
      default:
        let hasBlocks = children.contains {
          if case .element(let n, _, _) = $0 { return ["p", "div", "img", "ul", "ol", "li", "table", "tr", "pre", "h1", "h2", "h3", "figure", "section", "blockquote"].contains(n) }
          return false
        }
        if hasBlocks && depth < 64 {
          for c in children { renderHTMLNode(c, range: range, depth: depth + 1) }
        } else {
          renderHTMLNode(.text(node.textContent), range: range, depth: depth + 1)
        }
      }
    }
  }
}
