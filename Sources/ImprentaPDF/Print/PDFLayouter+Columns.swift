import ImprentaModel
import ImprentaStyle

extension BlockQuote {
  /// A pull-quote: a block quote with the class `pull` (from Markdown, a quote whose first line
  /// is `{.pull}`).
  var isPullQuote: Bool { attributes.classes.contains("pull") }
}

extension PDFLayouter {
  // MARK: - Columns

  /// The number of text columns of the style.
  var columnCount: Int { max(1, style.page.columns) }

  /// The width of one column.
  var columnWidth: Double {
    let gap = style.page.columnGap.points(em: baseSize)
    return (geometry.textWidth - gap * Double(columnCount - 1)) / Double(columnCount)
  }

  /// Sets text at the column width from here on (footnotes, laid out before, keep the text width).
  mutating func beginColumns() {
    if columnCount > 1 { width = columnWidth }
  }

  /// Lays out what `body` emits across every column (only at the top level: a figure inside a
  /// list stays in its column).
  mutating func spanning(if condition: Bool = true, _ body: (inout PDFLayouter) -> Void) {
    guard condition, columnCount > 1, indent == 0, bars.isEmpty, tagStack.isEmpty else {
      body(&self)
      return
    }
    let saved = width
    let start = slices.count
    width = geometry.textWidth
    body(&self)
    for k in start..<slices.count { slices[k].span = true }
    width = saved
  }

  /// Breaks the flow into pages, in the style's columns (one is a column band like the others).
  mutating func paginate() -> PageLayout {
    var paginator = RegionPaginator(geometry: pageGeometry, notes: notes, columns: columnCount, gap: style.page.columnGap.points(em: baseSize))
    paginator.ruleColor = style.footnote.ruleColor
    paginator.rightToLeft = direction == .rtl
    return paginator.paginate(slices)
  }

  // MARK: - Pull-quotes

  /// A pull-quote, set apart: larger italic text in the colour of second-level headings,
  /// centred between two rules, across every column.
  mutating func renderPullQuote(_ q: BlockQuote) {
    let accent = style.heading(2).font.color
    let size = baseSize * 1.35
    var f = font(style.base.font, size: size)
    f.italic = true
    f.color = accent
    let inset = width * 0.08
    let tags = tagStack + [StructureTag(name: "BlockQuote", id: nextID())]
    let ruleGap = size * 0.6
    var lines: [Slice] = []
    for block in q.blocks {
      guard case .paragraph(let p) = block else { continue }
      let format = ParagraphFormat(font: f, width: width - 2 * inset, align: .center, lineHeight: 1.3)
      var l = lineSlices(attributed(p.content, size: size, hyphenate: false), format: format, x: indent + inset, tags: tags + [StructureTag(name: "P", id: nextID())])
      if !lines.isEmpty, !l.isEmpty { l[0].spaceBefore = size * 0.4 }
      lines += l
    }
    guard !lines.isEmpty else { return }
    let (x0, x1) = (indent + inset, indent + width - inset)
    let rule = { (y: Double) in PageItem(.rule(x0: x0, y0: y, x1: x1, y1: y, width: 1.2, color: accent)) }
    lines[0].height += ruleGap
    lines[0].items = lines[0].items.map { $0.offsetBy(dx: 0, dy: ruleGap) } + [rule(0)]
    let last = lines.count - 1
    lines[last].height += ruleGap
    lines[last].items.append(rule(lines[last].height))
    for k in lines.indices.dropLast() { lines[k].keepWithNext = true }
    space(baseSize * 1.2)
    for l in lines { emit(l) }
    space(baseSize * 1.2)
  }
}
