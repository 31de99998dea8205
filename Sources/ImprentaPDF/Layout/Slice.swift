/// A horizontal strip of the flow that is never split across pages: a line of a paragraph, a table
/// row, an image. Items are placed relative to the text area's left edge and the slice's top.
struct Slice {
  /// The strip's height.
  var height: Double
  /// Space above, dropped at the top of a page.
  var spaceBefore: Double = 0
  /// What the strip holds.
  var items: [PageItem] = []
  /// Never break the page between this strip and the next (widows, orphans, headings, captions).
  var keepWithNext = false
  /// The numbers of footnotes called in this strip: they go to the foot of its page.
  var footnotes: [Int] = []
  /// A table's header row, set again at the head of a page when the table goes on there.
  var repeatHeader: [Slice]? = nil
  /// Start a new page before this strip.
  var pageBreakBefore = false
  /// With `pageBreakBefore`: the new page is a right-hand one (a chapter opening in a book style).
  var rightHandStart = false
  /// Where in the document the strip comes from (block path and character offset), set as it is
  /// emitted: the paginators record each page's first (`PageLayout.pageStarts`).
  var position: FlowPosition? = nil
  /// Unicode scalars of its block's text before this line (a line of text), for `position`.
  var textOffset: Int? = nil
  /// Set across every column of a multi-column page (headings, figures, tables, pull-quotes).
  var span = false
  /// Heights (ascending) at which a strip no page can hold may be cut: for a table row, between
  /// lines of every cell. Empty: never cut.
  var breaks: [Double] = []
  /// Space kept above and below a cut (a cell's padding).
  var breakPadding = 0.0
  /// A figure's strip (its image and caption), floating or not: figures keep their order.
  var figure = false
  /// A floating figure's strip: when it does not fit the room left it may wait for the top of
  /// the next page or column while the text after it fills the gap.
  var deferrable = false

  init(height: Double, spaceBefore: Double = 0, items: [PageItem] = []) {
    self.height = height
    self.spaceBefore = spaceBefore
    self.items = items
  }
}

extension Slice {
  /// The strip cut at its last break within `room`: the top part, and the rest with its items
  /// moved up. Items go to the part their middle is in; boxes (backgrounds) are cut in two. Nil
  /// when no break is within `room`.
  func split(within room: Double) -> (top: Slice, rest: Slice)? {
    guard let cut = breaks.last(where: { $0 > breakPadding && $0 + breakPadding <= room + 0.01 && $0 < height }) else { return nil }
    let shift = cut - breakPadding  // how far the rest moves up
    var top = self
    top.height = cut + breakPadding
    top.items = []
    top.footnotes = []
    top.breaks = []
    top.keepWithNext = false
    var rest = self
    rest.height = height - shift
    rest.spaceBefore = 0
    rest.items = []
    rest.footnotes = []
    rest.breaks = breaks.filter { $0 > cut }.map { $0 - shift }
    rest.pageBreakBefore = false
    rest.rightHandStart = false
    var restAnchors: Set<String> = []
    for item in items {
      let middle: Double
      switch item.kind {
      case .box(let r, let fill, let stroke, let g):
        if r.y < cut { top.items.append(PageItem(.box(Rect(x: r.x, y: r.y, width: r.width, height: min(r.maxY, top.height) - r.y), fill: fill, stroke: stroke, group: g), tags: item.tags)) }
        if r.maxY > cut {
          let y0 = max(r.y - shift, 0)
          rest.items.append(PageItem(.box(Rect(x: r.x, y: y0, width: r.width, height: r.maxY - shift - y0), fill: fill, stroke: stroke, group: g), tags: item.tags))
        }
        continue
      case .text(let t): middle = t.baseline
      case .rule(_, let y0, _, let y1, _, _): middle = (y0 + y1) / 2
      case .image(let r, _), .link(let r, _), .qrCode(let r, _): middle = r.y + r.height / 2
      case .anchor(_, let y, _): middle = y
      case .leader(_, _, let b, _): middle = b
      }
      if middle < cut {
        top.items.append(item)
      } else {
        rest.items.append(item.offsetBy(dx: 0, dy: -shift))
        if case .anchor(let name, _, _) = item.kind { restAnchors.insert(name) }
      }
    }
    // A footnote goes with the part its call is in.
    for n in footnotes {
      if restAnchors.contains("fnref-\(n)") { rest.footnotes.append(n) } else { top.footnotes.append(n) }
    }
    return (top, rest)
  }
}

extension Slice {
  /// The strip cut at its breaks into pieces no taller than `height` (as far as its breaks allow),
  /// for flows that cannot cut while they place: columns and footnotes. Itself when it fits.
  func pieces(fitting height: Double) -> [Slice] {
    guard self.height > height, !breaks.isEmpty else { return [self] }
    var out: [Slice] = []
    var rest = self
    while rest.height > height, let (top, next) = rest.split(within: height) {
      out.append(top)
      rest = next
    }
    out.append(rest)
    return out
  }
}

/// Page geometry in points.
struct PageGeometry {
  var width: Double
  var height: Double
  var marginTop: Double
  var marginBottom: Double
  var marginInner: Double
  var marginOuter: Double
  /// Pages printed before the first one laid out (a book's covers): they decide which pages are
  /// right-hand ones.
  var pageOffset = 0

  var textWidth: Double { width - marginInner - marginOuter }
  var textHeight: Double { height - marginTop - marginBottom }

  /// The left edge of the text area of page `index` (0-based): the inner margin is at the left of
  /// right-hand (odd-numbered) pages.
  func left(page index: Int) -> Double { isRightHand(page: index) ? marginInner : marginOuter }

  /// Whether page `index` (0-based) is a right-hand page: the first printed page is one.
  func isRightHand(page index: Int) -> Bool { (index + pageOffset) % 2 == 0 }
}
