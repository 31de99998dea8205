import ImprentaStyle

/// Breaks a flow of slices into pages. Runs of slices joined by `keepWithNext` move to the next
/// page together when they do not fit (widows, orphans, headings with their text, images with
/// their captions); a run taller than a page is split where it must. Footnotes called on a page
/// are set at its foot under a short rule; a table's header row is repeated at the head of pages
/// its rows go on to.
struct Paginator: PageFlow {
  let geometry: PageGeometry
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
  private var y: Double = 0
  private var hasContent = false
  var record = PageRecord()
  var pageCount: Int { pages.count }
  var pageHasContent: Bool { hasContent }

  init(geometry: PageGeometry, notes: [Int: [Slice]]) {
    self.geometry = geometry
    footnotes = FootnoteArea(notes: notes, geometry: geometry)
  }

  /// Lays out `slices` on pages and returns them.
  mutating func paginate(_ slices: [Slice]) -> PageLayout {
    var slices = slices
    var i = 0
    while i < slices.count {
      breakPage(before: slices[i])
      if !hasContent, let header = slices[i].repeatHeader {
        for h in header { place(h) }
        onlyRepeatedHeader = true
      }
      var j = i
      while j < slices.count - 1 && slices[j].keepWithNext && !slices[j + 1].pageBreakBefore { j += 1 }
      let group = slices[i...j]
      if !fits(group), let (top, rest) = splitLast(group) {
        // A strip no page can hold (a table row taller than a page) is cut between lines.
        for s in group.dropLast() { place(s) }
        place(top)
        finishPage()
        slices[j] = rest
        i = j
        continue
      }
      if fits(group) {
        for s in group { place(s) }
        onlyRepeatedHeader = false
        i = j + 1
      } else if hasContent && !onlyRepeatedHeader {
        finishPage()
      } else {
        // Taller than a whole page: place what fits, then go on on the next page.
        if fits(slices[i...i]) || !hasContent || onlyRepeatedHeader { place(slices[i]) } else { finishPage(); continue }
        onlyRepeatedHeader = false
        i += 1
      }
    }
    if hasContent || pages.isEmpty { finishPage() }
    // Long notes go on at the foot of pages of their own.
    while footnotes.hasCarried { finishPage() }
    return layout(pages, anchors: anchorPages)
  }

  private var onlyRepeatedHeader = false

  private func height(_ group: ArraySlice<Slice>) -> Double {
    var h = 0.0
    for (k, s) in group.enumerated() { h += s.height + (k == 0 && !hasContent ? 0 : s.spaceBefore) }
    return h
  }

  private func fits(_ group: ArraySlice<Slice>) -> Bool {
    y + height(group) + footnotes.demand(adding: group.flatMap(\.footnotes)) <= geometry.textHeight + 0.01
  }

  /// The last strip of `group` cut where the rest of the page ends, when no page could hold it.
  private func splitLast(_ group: ArraySlice<Slice>) -> (Slice, Slice)? {
    guard let last = group.last, !last.breaks.isEmpty, last.height > geometry.textHeight - footnotes.demand(adding: last.footnotes) else { return nil }
    let room = geometry.textHeight - y - height(group) + last.height - footnotes.demand(adding: group.flatMap(\.footnotes))
    return last.split(within: room)
  }

  private mutating func place(_ slice: Slice) {
    noteStart(of: slice)
    let dropSpace = !hasContent
    if !dropSpace { y += slice.spaceBefore }
    let left = geometry.left(page: pages.count)
    for var item in slice.items {
      if dropSpace, case .box(var r, let fill, let stroke, let g) = item.kind, r.y < 0 {
        r.height += r.y
        r.y = 0
        item.kind = .box(r, fill: fill, stroke: stroke, group: g)
      }
      let placed = item.offsetBy(dx: left, dy: geometry.marginTop + y)
      if case .anchor(let name, _, _) = placed.kind, anchorPages[name] == nil { anchorPages[name] = pages.count }
      items.append(placed)
    }
    footnotes.call(slice.footnotes)
    y += slice.height
    hasContent = true
  }

  mutating func finishPage() {
    items += footnotes.finishPage(bodyHeight: y, page: pages.count, anchorPages: &anchorPages)
    pages.append(LaidPage(width: geometry.width, height: geometry.height, items: Paginator.mergeBoxes(items)))
    items = []
    y = 0
    hasContent = false
    onlyRepeatedHeader = false
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
