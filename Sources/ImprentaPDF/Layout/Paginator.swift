import ImprentaStyle

/// Breaks a flow of slices into pages. Runs of slices joined by `keepWithNext` move to the next
/// page together when they do not fit (widows, orphans, headings with their text, images with
/// their captions); a run taller than a page is split where it must. Footnotes called on a page
/// are set at its foot under a short rule; a table's header row is repeated at the head of pages
/// its rows go on to.
struct Paginator {
  let geometry: PageGeometry
  /// Footnote bodies by number, laid out at the text width.
  let notes: [Int: [Slice]]
  var ruleColor: Color = Color(hex: 0x999999)
  /// Space between the body and the note rule, and between notes.
  var noteGap: Double = 10

  private(set) var pages: [LaidPage] = []
  private(set) var anchorPages: [String: Int] = [:]
  private var items: [PageItem] = []
  private var y: Double = 0
  private var hasContent = false
  private var pageNotes: [Int] = []
  private var placedNotes: Set<Int> = []

  init(geometry: PageGeometry, notes: [Int: [Slice]]) {
    self.geometry = geometry
    self.notes = notes
  }

  /// Lays out `slices` on pages and returns them.
  mutating func paginate(_ slices: [Slice]) -> PageLayout {
    var i = 0
    while i < slices.count {
      if slices[i].pageBreakBefore && hasContent { finishPage() }
      if !hasContent, let header = slices[i].repeatHeader {
        for h in header { place(h) }
        onlyRepeatedHeader = true
      }
      var j = i
      while j < slices.count - 1 && slices[j].keepWithNext && !slices[j + 1].pageBreakBefore { j += 1 }
      let group = slices[i...j]
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
    return PageLayout(pages: pages, anchorPages: anchorPages)
  }

  private var onlyRepeatedHeader = false

  private func notesHeight(_ numbers: [Int]) -> Double {
    guard !numbers.isEmpty else { return 0 }
    var h = noteGap
    for n in numbers { h += (notes[n] ?? []).reduce(0) { $0 + $1.height + $1.spaceBefore } + 2 }
    return h
  }

  private func fits(_ group: ArraySlice<Slice>) -> Bool {
    var h = 0.0
    var calls = pageNotes
    for (k, s) in group.enumerated() {
      h += s.height + (k == 0 && !hasContent ? 0 : s.spaceBefore)
      for n in s.footnotes where !calls.contains(n) && !placedNotes.contains(n) && notes[n] != nil { calls.append(n) }
    }
    return y + h + notesHeight(calls) <= geometry.textHeight + 0.01
  }

  private mutating func place(_ slice: Slice) {
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
    for n in slice.footnotes where !pageNotes.contains(n) && !placedNotes.contains(n) && notes[n] != nil { pageNotes.append(n) }
    y += slice.height
    hasContent = true
  }

  private mutating func finishPage() {
    if !pageNotes.isEmpty {
      items += Paginator.footnoteItems(
        pageNotes, notes: notes, height: notesHeight(pageNotes), geometry: geometry, page: pages.count, noteGap: noteGap,
        ruleColor: ruleColor, anchorPages: &anchorPages)
      for n in pageNotes { placedNotes.insert(n) }
    }
    pages.append(LaidPage(width: geometry.width, height: geometry.height, items: Paginator.mergeBoxes(items)))
    items = []
    y = 0
    hasContent = false
    onlyRepeatedHeader = false
    pageNotes = []
  }

  /// The footnotes of a page at its foot, under a short rule, with their anchors recorded.
  static func footnoteItems(
    _ pageNotes: [Int], notes: [Int: [Slice]], height: Double, geometry: PageGeometry, page: Int, noteGap: Double, ruleColor: Color,
    anchorPages: inout [String: Int]
  ) -> [PageItem] {
    let left = geometry.left(page: page)
    var ny = geometry.marginTop + geometry.textHeight - height + noteGap
    var items = [PageItem(.rule(x0: left, y0: ny - noteGap / 2, x1: left + geometry.textWidth / 3, y1: ny - noteGap / 2, width: 0.5, color: ruleColor))]
    for n in pageNotes {
      for (k, s) in (notes[n] ?? []).enumerated() {
        if k > 0 { ny += s.spaceBefore }
        for item in s.items {
          let placed = item.offsetBy(dx: left, dy: ny)
          if case .anchor(let name, _, _) = placed.kind, anchorPages[name] == nil { anchorPages[name] = page }
          items.append(placed)
        }
        ny += s.height
      }
      ny += 2
    }
    return items
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
