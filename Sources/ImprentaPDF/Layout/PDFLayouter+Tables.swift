import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// Tables: column widths from their content fitted to the text width, wrapped cells, rules and
  /// stripes from the style; the header row repeats on every page. A row is split (between lines
  /// of all its cells) only when no page could hold it.
  mutating func renderTable(_ t: Table) {
    let n = max(t.columnCount, t.header.count)
    guard n > 0 else { return }
    let size = style.table.fontSize.points(em: baseSize)
    let pad = style.table.cellPadding.points(em: baseSize)
    var f = bodyFont()
    f.size = size
    var header = f
    header.weight = 700
    let rows = [t.header] + t.rows
    let texts = rows.map { row in (0..<n).map { i in i < row.count ? attributed(row[i].content, size: size, hyphenate: true) : AttributedText() } }
    let widths = columnWidths(texts, font: f, bold: header, padding: pad)
    let tableTag = StructureTag(name: "Table", id: nextID())
    let headTag = StructureTag(name: "THead", id: nextID()), bodyTag = StructureTag(name: "TBody", id: nextID())
    tagStack.append(tableTag)
    var headerSlices: [Slice] = []
    space(style.paragraph.spaceAfter.points(em: baseSize))
    for (r, cells) in texts.enumerated() {
      let isHeader = r == 0
      tagStack.append(isHeader ? headTag : bodyTag)
      var slice = row(cells, widths: widths, font: isHeader ? header : f, alignments: t.alignments, padding: pad, isHeader: isHeader)
      tagStack.removeLast()
      if isHeader {
        if !style.table.headerBackground.isNone {
          slice.items.insert(PageItem(.box(Rect(x: indent, y: 0, width: widths.reduce(0, +), height: slice.height), fill: style.table.headerBackground, stroke: .none, group: 0)), at: 0)
        }
      } else if r % 2 == 0 && !style.table.stripeBackground.isNone {
        slice.items.insert(PageItem(.box(Rect(x: indent, y: 0, width: widths.reduce(0, +), height: slice.height), fill: style.table.stripeBackground, stroke: .none, group: 0)), at: 0)
      }
      let rule = style.table.ruleWidth.points(em: baseSize)
      let total = widths.reduce(0, +)
      slice.items.append(PageItem(.rule(x0: indent, y0: slice.height, x1: indent + total, y1: slice.height, width: isHeader ? rule * 2 : rule, color: style.table.ruleColor)))
      if isHeader {
        slice.items.append(PageItem(.rule(x0: indent, y0: 0, x1: indent + total, y1: 0, width: rule * 2, color: style.table.ruleColor)))
        slice.keepWithNext = true
        // Set again on the next pages as decoration: the table has one header, in its THead.
        var repeated = slice
        repeated.items = slice.items.map { item in
          var untagged = item
          if case .link = item.kind {} else { untagged.tags = [] }
          return untagged
        }
        headerSlices = [repeated]
      } else if r > 1 {
        slice.repeatHeader = headerSlices
      }
      emit(slice)
    }
    tagStack.removeLast()
    space(style.paragraph.spaceAfter.points(em: baseSize) + 2)
  }

  /// One row: every cell shaped in its column, the row as tall as its tallest cell.
  private mutating func row(_ cells: [AttributedText], widths: [Double], font: FontSpec, alignments: [ColumnAlignment], padding: Double, isHeader: Bool) -> Slice {
    let rowTag = StructureTag(name: "TR", id: nextID())
    var slice = Slice(height: 0)
    var x = indent
    var height = 0.0
    var cellItems: [[PageItem]] = []
    var lineSpans: [(top: Double, bottom: Double)] = []
    for (i, text) in cells.enumerated() {
      let align: TextAlignment
      switch i < alignments.count ? alignments[i] : .none {
      // A column's alignment is a side of the page, as in HTML (`text-align: right`): in a
      // right-to-left document, where `left` is the start of the line, the two swap.
      case .none: align = .left
      case .left: align = direction == .rtl ? .right : .left
      case .center: align = .center
      case .right: align = direction == .rtl ? .left : .right
      }
      let format = ParagraphFormat(font: font, width: max(widths[i] - 2 * padding, 1), align: align, lineHeight: 1.25)
      let tags = tagStack + [rowTag, StructureTag(name: isHeader ? "TH" : "TD", id: nextID())]
      var y = padding
      var items: [PageItem] = []
      for line in lineSlices(text, format: format, x: x + padding, tags: tags) {
        items.append(contentsOf: line.items.map { $0.offsetBy(dx: 0, dy: y) })
        slice.footnotes.append(contentsOf: line.footnotes)
        lineSpans.append((y, y + line.height))
        y += line.height
      }
      height = max(height, y + padding)
      cellItems.append(items)
      x += widths[i]
    }
    slice.height = height
    for items in cellItems { slice.items.append(contentsOf: items) }
    slice.breaks = PDFLayouter.cuts(between: lineSpans)
    slice.breakPadding = padding
    return slice
  }

  /// Heights that cut no line: the bottoms of lines that are inside no other line (lines of
  /// several cells, each cell's lines in order), ascending. Linear after sorting.
  static func cuts(between lines: [(top: Double, bottom: Double)]) -> [Double] {
    let sorted = lines.sorted { $0.top < $1.top }
    var cuts: [Double] = []
    var reach = -Double.infinity  // the lowest bottom of the lines above
    var k = 0
    let bottoms = lines.map(\.bottom).sorted()
    for b in bottoms {
      // Lines starting above b (strictly): does any of them go past b?
      while k < sorted.count && sorted[k].top < b - 0.01 {
        reach = max(reach, sorted[k].bottom)
        k += 1
      }
      if reach <= b + 0.01, cuts.last.map({ b - $0 > 0.01 }) ?? true { cuts.append(b) }
    }
    return cuts
  }

  /// `wants` cut down to fit `total`: every want under a common cap is met whole, the rest get the
  /// cap (max-min fairness). A column of short words keeps room for them while columns of long
  /// ones share what is left (scaled in proportion, a "top" column was narrower than its word
  /// and broke it letter by letter beside columns of long shortcodes).
  static func fairShares(_ wants: [Double], total: Double) -> [Double] {
    guard !wants.isEmpty else { return [] }
    let sorted = wants.sorted()
    var rest = total
    var cap = total / Double(wants.count)
    for (k, w) in sorted.enumerated() {
      let share = rest / Double(sorted.count - k)
      if w > share {
        cap = share
        break
      }
      rest -= w
      cap = w
    }
    return wants.map { min($0, cap) }
  }

  /// Column widths: natural widths when they fit; else each column gets its longest word and the
  /// rest of the width is shared in proportion to what each column would still like.
  private mutating func columnWidths(_ texts: [[AttributedText]], font: FontSpec, bold: FontSpec, padding: Double) -> [Double] {
    let n = texts.first?.count ?? 0
    var natural = [Double](repeating: 2 * padding + 4, count: n)
    var minimum = natural
    for (r, row) in texts.enumerated() {
      let f = r == 0 ? bold : font
      for (i, cell) in row.enumerated() where !cell.string.isEmpty {
        if cell.length > TextBlock.chunkBytes / 4 {
          // A cell this long wraps at any width: it wants all of it, unmeasured (shaping a 5 MB
          // cell on one line to learn that made it cost 3.4 times the same text as a paragraph).
          natural[i] = max(natural[i], width)
        } else {
          let one = textBlock(cell, format: ParagraphFormat(font: f, width: -1))
          natural[i] = max(natural[i], (one.lines.map(\.width).max() ?? 0) + 2 * padding + 1)
        }
        let longest = cell.string.split(whereSeparator: { $0 == " " || $0 == "\n" }).max { $0.count < $1.count } ?? ""
        let word = String(longest).replacingOccurrences(of: "\u{AD}", with: "")
        minimum[i] = max(minimum[i], min(engine.width(of: word, font: f) + 2 * padding + 1, width / Double(n) * 1.5))
      }
    }
    let available = width
    let sumNatural = natural.reduce(0, +)
    if sumNatural <= available {
      // Fill the text width, sharing the extra in proportion to the natural widths.
      return natural.map { $0 + ($0 / sumNatural) * (available - sumNatural) }
    }
    let sumMin = minimum.reduce(0, +)
    if sumMin >= available { return PDFLayouter.fairShares(minimum, total: available) }
    let wants = zip(natural, minimum).map { max($0 - $1, 0) }
    let sumWants = wants.reduce(0, +)
    return zip(minimum, wants).map { $0 + (sumWants > 0 ? $1 / sumWants * (available - sumMin) : 0) }
  }
}
