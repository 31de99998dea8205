import ImprentaStyle

/// Breaks a flow into pages of several columns. Slices marked `span` (headings, figures, tables,
/// pull-quotes) are set across the whole text width; the slices between them fill the columns
/// top to bottom, left to right, and are balanced (the columns end level) where a spanning
/// element follows, at a page break, and at the end. Slices joined by `keepWithNext` stay in one
/// column; footnotes go to the page's foot across the text width, as in one column.
struct ColumnPaginator: PageFlow {
  let geometry: PageGeometry
  let columns: Int
  let gap: Double
  /// The footnotes of the page being filled (shared with the one-column `Paginator`).
  var footnotes: FootnoteArea
  var ruleColor: Color {
    get { footnotes.ruleColor }
    set { footnotes.ruleColor = newValue }
  }
  /// Right-to-left pages (the note rule at the right; columns filled from the right).
  var rightToLeft: Bool {
    get { footnotes.rightToLeft }
    set { footnotes.rightToLeft = newValue }
  }

  private(set) var pages: [LaidPage] = []
  private(set) var anchorPages: [String: Int] = [:]
  private var items: [PageItem] = []
  /// The top of the next band, from the text area's top.
  private var y = 0.0
  private var hasContent = false
  var record = PageRecord()
  var pageCount: Int { pages.count }
  var pageHasContent: Bool { hasContent }

  init(geometry: PageGeometry, notes: [Int: [Slice]], columns: Int, gap: Double) {
    self.geometry = geometry
    footnotes = FootnoteArea(notes: notes, geometry: geometry)
    self.columns = max(1, columns)
    self.gap = gap
  }

  /// The width of one column.
  var columnWidth: Double { (geometry.textWidth - gap * Double(columns - 1)) / Double(columns) }

  mutating func paginate(_ slices: [Slice]) -> PageLayout {
    var i = 0
    while i < slices.count {
      breakPage(before: slices[i])
      var j = i
      if slices[i].span {
        // A spanning group, kept with what follows it (a heading with its first lines).
        while j < slices.count - 1 && slices[j].span && slices[j].keepWithNext && slices[j + 1].span && !slices[j + 1].pageBreakBefore { j += 1 }
        var need = height(slices[i...j], atTop: !hasContent)
        if slices[j].keepWithNext, j + 1 < slices.count, !slices[j + 1].span { need += firstGroupHeight(slices, from: j + 1) }
        // (A strip no page can hold starts where it is and is cut below.)
        let mustCut = i == j && !slices[i].breaks.isEmpty && slices[i].height > geometry.textHeight - notesHeight(slices[i].footnotes)
        if hasContent && !mustCut && y + need + notesHeight(calls(slices[i...j])) > geometry.textHeight + 0.01 { finishPage() }
        if !hasContent, let header = slices[i].repeatHeader { for h in header { placeSpan(h) } }
        var queue = slices[i...j]
        while var s = queue.popFirst() {
          // A strip no page can hold (a table row taller than a page) is cut between lines.
          if !s.breaks.isEmpty, s.height > geometry.textHeight - notesHeight(s.footnotes),
            let (top, rest) = s.split(within: geometry.textHeight - y - (hasContent ? s.spaceBefore : 0) - notesHeight(s.footnotes))
          {
            placeSpan(top)
            finishPage()
            if let header = rest.repeatHeader { for h in header { placeSpan(h) } }
            queue.insert(rest, at: queue.startIndex)
            continue
          }
          if hasContent && y + s.spaceBefore + s.height + notesHeight(s.footnotes) > geometry.textHeight + 0.01 {
            finishPage()
            if let header = s.repeatHeader { for h in header { placeSpan(h) } }
            if !s.breaks.isEmpty, s.height > geometry.textHeight - notesHeight(s.footnotes) {
              s.spaceBefore = 0
              queue.insert(s, at: queue.startIndex)
              continue
            }
          }
          placeSpan(s)
        }
        i = j + 1
      } else {
        while j < slices.count - 1 && !slices[j + 1].span && !slices[j + 1].pageBreakBefore { j += 1 }
        // Strips taller than a column (a table row in a list) are cut first: columns are balanced
        // by whole strips.
        placeColumns(slices[i...j].flatMap { $0.pieces(fitting: geometry.textHeight - notesHeight($0.footnotes)) })
        i = j + 1
      }
    }
    if hasContent || pages.isEmpty { finishPage() }
    // Long notes go on at the foot of pages of their own.
    while footnotes.hasCarried { finishPage() }
    return layout(pages, anchors: anchorPages)
  }

  // MARK: - Measuring

  private func height(_ group: ArraySlice<Slice>, atTop: Bool) -> Double {
    var h = 0.0
    for (k, s) in group.enumerated() { h += s.height + (k == 0 && atTop ? 0 : s.spaceBefore) }
    return h
  }

  private func calls(_ group: ArraySlice<Slice>) -> [Int] { group.flatMap(\.footnotes) }

  /// The height of the keep-together group starting at `i`.
  private func firstGroupHeight(_ slices: [Slice], from i: Int) -> Double {
    var j = i
    while j < slices.count - 1 && slices[j].keepWithNext && !slices[j + 1].span { j += 1 }
    return height(slices[i...j], atTop: false)
  }

  /// The room the page's notes need with `calls` called on it too.
  private func notesHeight(_ calls: [Int]) -> Double { footnotes.demand(adding: calls) }

  // MARK: - Filling columns

  /// Where each slice of `run[start...]` goes with columns at most `cap` tall: (slice, column,
  /// top in the column). Stops when the columns are full. A slice taller than `cap` is placed at
  /// the top of a column only when the page has nothing else (it goes to the next page).
  private func fill(_ run: [Slice], from start: Int, cap: Double) -> (placed: [(Int, Int, Double)], end: Int, tallest: Double) {
    let force = !hasContent
    var placed: [(Int, Int, Double)] = []
    var column = 0, cy = 0.0, tallest = 0.0
    var i = start
    while i < run.count && column < columns {
      var j = i
      while j < run.count - 1 && run[j].keepWithNext { j += 1 }
      var h = 0.0
      for k in i...j { h += run[k].height + (k == i && cy == 0 ? 0 : run[k].spaceBefore) }
      if cy + h <= cap + 0.01 {
        for k in i...j {
          if !(k == i && cy == 0) { cy += run[k].spaceBefore }
          placed.append((k, column, cy))
          cy += run[k].height
        }
        tallest = max(tallest, cy)
        i = j + 1
      } else if cy == 0 {
        // Taller than a column: break the group where it must.
        var k = i
        while k <= j && ((cy == 0 && (force || run[k].height <= cap + 0.01)) || cy + run[k].spaceBefore + run[k].height <= cap + 0.01) {
          if cy > 0 { cy += run[k].spaceBefore }
          placed.append((k, column, cy))
          cy += run[k].height
          k += 1
        }
        tallest = max(tallest, cy)
        i = k
        column += 1
        cy = 0
      } else {
        column += 1
        cy = 0
      }
    }
    return (placed, i, tallest)
  }

  private mutating func placeColumns(_ run: [Slice]) {
    var start = 0
    while start < run.count {
      let rest = run[start...]
      let available = geometry.textHeight - y - (hasContent ? 2 : 0) - notesHeight(calls(rest))
      // Balanced: the shortest columns that hold all the rest on this page.
      let total = height(rest, atTop: true)
      var chosen: (placed: [(Int, Int, Double)], end: Int, tallest: Double)? = nil
      if available > 0 && total <= Double(columns) * available + 0.01 {
        var lo = min(available, total / Double(columns)), hi = available
        if fill(run, from: start, cap: hi).end == run.count {
          while hi - lo > 0.5 {
            let mid = (lo + hi) / 2
            if fill(run, from: start, cap: mid).end == run.count { hi = mid } else { lo = mid }
          }
          chosen = fill(run, from: start, cap: hi)
        }
      }
      if chosen == nil {
        let f = fill(run, from: start, cap: max(available, 0))
        if f.placed.isEmpty {
          if hasContent {
            finishPage()
            continue
          }
          // Nothing fits even on an empty page: place one slice anyway.
          chosen = ([(start, 0, 0)], start + 1, run[start].height)
        } else {
          chosen = f
        }
      }
      guard let c = chosen else { break }
      let top = y + (hasContent ? 2 : 0)
      let left = geometry.left(page: pages.count)
      for (k, column, cy) in c.placed {
        let dx = left + Double(rightToLeft ? columns - 1 - column : column) * (columnWidth + gap)
        place(run[k], dx: dx, dy: geometry.marginTop + top + cy, dropSpace: cy == 0, column: column)
      }
      y = top + c.tallest
      hasContent = true
      start = c.end
      if start < run.count { finishPage() }
    }
  }

  // MARK: - Placing

  private mutating func placeSpan(_ s: Slice) {
    let dropSpace = !hasContent
    if !dropSpace { y += s.spaceBefore }
    place(s, dx: geometry.left(page: pages.count), dy: geometry.marginTop + y, dropSpace: dropSpace)
    y += s.height
    hasContent = true
  }

  private mutating func place(_ slice: Slice, dx: Double, dy: Double, dropSpace: Bool, column: Int = 0) {
    noteStart(of: slice)
    for var item in slice.items {
      if case .box(var r, let fill, let stroke, var g) = item.kind {
        if dropSpace && r.y < 0 {
          r.height += r.y
          r.y = 0
        }
        // A code block or quote going on in the next column is a box of its own there.
        if g > 0 { g += column * 1_000_000_000 }
        item.kind = .box(r, fill: fill, stroke: stroke, group: g)
      }
      let placed = item.offsetBy(dx: dx, dy: dy)
      if case .anchor(let name, _, _) = placed.kind, anchorPages[name] == nil { anchorPages[name] = pages.count }
      items.append(placed)
    }
    footnotes.call(slice.footnotes)
  }

  mutating func finishPage() {
    items += footnotes.finishPage(bodyHeight: y, page: pages.count, anchorPages: &anchorPages)
    pages.append(LaidPage(width: geometry.width, height: geometry.height, items: Paginator.mergeBoxes(items)))
    items = []
    y = 0
    hasContent = false
  }
}
