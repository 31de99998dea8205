/// A point of the document a strip comes from: the block's `BlockPath` and the Unicode scalars of
/// its text before the strip.
struct FlowPosition: Hashable {
  var path: [Int]
  var offset: Int
}

/// What both paginators (`Paginator`, `ColumnPaginator`) share about where pages begin: the page
/// breaks strips ask for (a right-hand start leaves one blank left-hand page when it must, never
/// two), and the record of where each page's text begins (for an EPUB's page-list).
protocol PageFlow {
  /// Pages finished so far (the index of the page being filled).
  var pageCount: Int { get }
  /// Which pages are right-hand ones.
  var geometry: PageGeometry { get }
  /// Whether the page being filled holds anything.
  var pageHasContent: Bool { get }
  /// Page starts and blank pages.
  var record: PageRecord { get set }
  /// Ends the page being filled.
  mutating func finishPage()
}

/// Where pages begin, as the paginators go.
struct PageRecord {
  var starts: [Int: FlowPosition] = [:]
  var blank: Set<Int> = []
}

extension PageFlow {
  /// Starts a new page before `slice` when it asks for one. A right-hand start on what would be a
  /// left-hand page leaves that page blank.
  mutating func breakPage(before slice: Slice) {
    guard slice.pageBreakBefore else { return }
    if pageHasContent { finishPage() }
    if slice.rightHandStart && !geometry.isRightHand(page: pageCount) {
      record.blank.insert(pageCount)
      finishPage()
    }
  }

  /// Notes where the page being filled begins, if `slice` is the first strip on it that knows.
  mutating func noteStart(of slice: Slice) {
    if let p = slice.position, record.starts[pageCount] == nil { record.starts[pageCount] = p }
  }

  /// The layout of `pages` with the record.
  func layout(_ pages: [LaidPage], anchors: [String: Int]) -> PageLayout {
    var out = PageLayout(pages: pages, anchorPages: anchors)
    out.pageStarts = record.starts
    // A page that got footnotes carried over is not blank.
    out.blankPages = record.blank.filter { $0 < pages.count && pages[$0].items.isEmpty }
    return out
  }
}
