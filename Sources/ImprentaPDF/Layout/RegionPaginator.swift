import ImprentaStyle

/// The one paginator: breaks the flow of strips into pages, as typst's regions do. A page is a
/// stack of bands; each band is 1…N column frames side by side. Strips marked `span` (headings,
/// figures, tables at the top level) open a band across the whole text width; the strips between
/// them fill a band of the style's columns, top to bottom, left to right (right to left in a
/// right-to-left document), balanced where the band ends on its page (before a spanning strip, a
/// page break, the end) by searching the band's height. One column is `columns: 1` of the same
/// code: every strip then goes in one-column bands.
///
/// Written once, for every band: placement; keeps (runs joined by `keepWithNext`: widows, orphans,
/// a heading with its first lines, also from a spanning heading into the columns under it);
/// footnotes at the page foot across the text width (`FootnoteArea`; a long one goes on at the foot
/// of the next page); anchors; a table's header row repeated at the head of each column or page
/// its rows go on to; strips no page can hold cut at their `breaks`; and float deferral: a figure
/// (strips marked `deferrable`) that does not fit the room left waits for the top of the next
/// region (the next page; the next column in a column band) while the text after it fills the
/// gap. Deferred figures keep their order and never pass a page break or the end. A figure that
/// does not float (style `figure.float: false`, class `nofloat`) is a strip like a paragraph's
/// lines: when it does not fit it starts the next region and no text passes it; it comes after
/// the figures still waiting.
struct RegionPaginator {
  let geometry: PageGeometry
  let columns: Int
  let gap: Double
  /// The footnotes of the page being filled.
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
  /// Full-width figures waiting for the top of the next page.
  private var deferred: [[Slice]] = []
  var record = PageRecord()

  init(geometry: PageGeometry, notes: [Int: [Slice]], columns: Int = 1, gap: Double = 0) {
    self.geometry = geometry
    footnotes = FootnoteArea(notes: notes, geometry: geometry)
    self.columns = max(1, columns)
    self.gap = gap
  }

  /// The width of one column.
  var columnWidth: Double { (geometry.textWidth - gap * Double(columns - 1)) / Double(columns) }

  /// Lays out `slices` on pages.
  mutating func paginate(_ slices: [Slice]) -> PageLayout {
    var i = 0
    while i < slices.count {
      if slices[i].pageBreakBefore {
        // Waiting figures are set before the break, never after it.
        flushDeferred()
        breakPage(before: slices[i])
      }
      // A run: strips of one kind of band up to the next page break.
      var j = i
      while j + 1 < slices.count && !slices[j + 1].pageBreakBefore && (columns == 1 || slices[j + 1].span == slices[i].span) { j += 1 }
      let bandColumns = columns == 1 || slices[i].span ? 1 : columns
      // A run ending in a strip kept with the next run (a spanning heading) needs room for the
      // next run's first group on the same page.
      var tail = 0.0
      if slices[j].keepWithNext, j + 1 < slices.count, !slices[j + 1].pageBreakBefore {
        var k = j + 1
        tail = slices[k].height + slices[k].spaceBefore
        while k + 1 < slices.count && slices[k].keepWithNext && slices[k + 1].span == slices[j + 1].span && !slices[k + 1].pageBreakBefore {
          k += 1
          tail += slices[k].height + slices[k].spaceBefore
        }
      }
      placeRun(slices[i...j], columns: bandColumns, tail: tail)
      i = j + 1
    }
    flushDeferred()
    if hasContent || pages.isEmpty { finishPage() }
    // Long notes go on at the foot of pages of their own.
    while footnotes.hasCarried { finishPage() }
    return layout()
  }

  // MARK: - Runs and bands

  /// Sets `run` in bands of `n` columns from the current position, on as many pages as it takes.
  private mutating func placeRun(_ run: ArraySlice<Slice>, columns n: Int, tail: Double, defer allowDefer: Bool = true) {
    let run = Array(run)
    var cursor = Cursor(index: 0)
    if n == 1 && allowDefer {
      cursor.queue = deferred
      deferred = []
    }
    var stalls = 0
    while true {
      let waiting = deferred.count
      if n > 1 && !hasContent && !deferred.isEmpty {
        // Full-width figures waiting from before open the page.
        let waiting = deferred.flatMap { $0 }
        deferred = []
        placeRun(waiting[...], columns: 1, tail: 0, defer: false)
      }
      let top = y + (n > 1 && hasContent ? 2 : 0)
      let cap = geometry.textHeight - top
      var band = fill(run, from: cursor, columns: n, top: top, cap: cap, limit: cap, tail: tail, allowDefer: allowDefer)
      if n > 1 && band.cursor.index >= run.count && band.cursor.head == nil && band.cursor.queue.isEmpty && !band.placed.isEmpty {
        // The run ends on this page: the lowest band height that still holds it, so the columns
        // end level.
        var lo = 0.0, hi = min(cap, band.tallest)
        while hi - lo > 0.5 {
          let mid = (lo + hi) / 2
          let b = fill(run, from: cursor, columns: n, top: top, cap: cap, limit: mid, tail: tail, allowDefer: allowDefer)
          if b.cursor.index >= run.count && b.cursor.head == nil && b.cursor.queue.isEmpty { hi = mid } else { lo = mid }
        }
        let balanced = fill(run, from: cursor, columns: n, top: top, cap: cap, limit: hi, tail: tail, allowDefer: allowDefer)
        if balanced.cursor.index >= run.count && balanced.cursor.head == nil && balanced.cursor.queue.isEmpty { band = balanced }
      }
      // Three bands in a row that took nothing of the run (input no rule foresaw: two such
      // loops, on tables, once filled memory with pages of repeated headers): the next strip is
      // set as it is, so pagination always ends.
      let progressed = band.cursor.index != cursor.index || band.cursor.queue.count != cursor.queue.count
        || band.cursor.head?.height != cursor.head?.height || deferred.count != waiting
      stalls = progressed ? 0 : stalls + 1
      if stalls > 2 {
        forceNext(run, cursor: &cursor, columns: n)
        stalls = 0
        continue
      }
      let runDone = band.cursor.index >= run.count && band.cursor.head == nil
      // Nothing placed: the page is full, unless the run was only figures that now wait (a
      // spanning figure between column bands) while the text after them fills the page.
      if band.placed.isEmpty && hasContent && !(runDone && n == 1) {
        finishPage()
        continue
      }
      apply(band, columns: n, top: top)
      cursor = band.cursor
      if runDone && (cursor.queue.isEmpty || n == 1) {
        // Figures still waiting open the next page.
        deferred += cursor.queue
        return
      }
      finishPage()
    }
  }

  /// Sets the run's next strip (or its next waiting figure) at the top of a page of its own, as
  /// it is, whatever its height: the way out when no rule places anything.
  private mutating func forceNext(_ run: [Slice], cursor: inout Cursor, columns n: Int) {
    var group: [Slice]
    if cursor.head != nil || cursor.index < run.count {
      group = [cursor.head ?? run[cursor.index]]
      cursor.head = nil
      cursor.index += 1
    } else if !cursor.queue.isEmpty {
      group = cursor.queue.removeFirst()
    } else {
      return
    }
    if hasContent { finishPage() }
    var band = Band(cursor: cursor)
    var cy = 0.0
    for (k, s) in group.enumerated() {
      if k > 0 { cy += s.spaceBefore }
      band.placed.append(Placed(slice: s, column: 0, y: cy, dropSpace: k == 0, deferred: false))
      cy += s.height
    }
    band.tallest = cy
    apply(band, columns: n, top: y)
  }

  /// Sets a filled band on the page.
  private mutating func apply(_ band: Band, columns n: Int, top: Double) {
    let left = geometry.left(page: pages.count)
    let width = n > 1 ? columnWidth : geometry.textWidth
    for p in band.placed {
      let dx = left + Double(rightToLeft && n > 1 ? n - 1 - p.column : p.column) * (width + gap)
      if !p.deferred { noteStart(of: p.slice) }
      for var item in p.slice.items {
        if case .box(var r, let fill, let stroke, var g) = item.kind {
          if p.dropSpace && r.y < 0 {
            r.height += r.y
            r.y = 0
          }
          // A code block or quote going on in the next column is a box of its own there.
          if g > 0 { g += p.column * 1_000_000_000 }
          item.kind = .box(r, fill: fill, stroke: stroke, group: g)
        }
        let placed = item.offsetBy(dx: dx, dy: geometry.marginTop + top + p.y)
        if case .anchor(let name, _, _) = placed.kind, anchorPages[name] == nil { anchorPages[name] = pages.count }
        items.append(placed)
      }
      // (The notes go under the whole band: in columns, under its tallest column.)
      footnotes.call(p.slice.footnotes, body: top + (n > 1 ? band.tallest : p.y + p.slice.height))
    }
    if !band.placed.isEmpty {
      y = top + band.tallest
      hasContent = true
    }
  }

  /// Sets the figures still waiting, on this page if they fit, else at the top of the next.
  private mutating func flushDeferred() {
    guard !deferred.isEmpty else { return }
    let waiting = deferred.flatMap { $0 }
    deferred = []
    placeRun(waiting[...], columns: 1, tail: 0, defer: false)
  }

  // MARK: - Pages

  /// Starts a new page before `slice` when it asks for one. A right-hand start on what would be a
  /// left-hand page leaves that page blank.
  private mutating func breakPage(before slice: Slice) {
    guard slice.pageBreakBefore else { return }
    if hasContent { finishPage() }
    if slice.rightHandStart && !geometry.isRightHand(page: pages.count) {
      record.blank.insert(pages.count)
      finishPage()
    }
  }

  /// Notes where the page being filled begins, if `slice` is the first strip on it that knows.
  private mutating func noteStart(of slice: Slice) {
    if let p = slice.position, record.starts[pages.count] == nil { record.starts[pages.count] = p }
  }

  mutating func finishPage() {
    items += footnotes.finishPage(bodyHeight: y, page: pages.count, anchorPages: &anchorPages)
    pages.append(LaidPage(width: geometry.width, height: geometry.height, items: Self.mergeBoxes(items)))
    items = []
    y = 0
    hasContent = false
  }

  /// The pages with the record of where each begins.
  private func layout() -> PageLayout {
    var out = PageLayout(pages: pages, anchorPages: anchorPages)
    out.pageStarts = record.starts
    // A page that got footnotes carried over is not blank.
    out.blankPages = record.blank.filter { $0 < pages.count && pages[$0].items.isEmpty }
    return out
  }

  /// Boxes of one group (a code block's background, a quote's rule) become one box per page.
  static func mergeBoxes(_ items: [PageItem]) -> [PageItem] {
    var firstIndex: [Int: Int] = [:]
    var out: [PageItem] = []
    out.reserveCapacity(items.count)
    for item in items {
      if case .box(let r, let fill, let stroke, let g) = item.kind, g > 0 {
        if let k = firstIndex[g], case .box(let r0, _, _, _) = out[k].kind {
          out[k].kind = .box(r0.union(r), fill: fill, stroke: stroke, group: g)
          continue
        }
        firstIndex[g] = out.count
      }
      out.append(item)
    }
    return out
  }
}
