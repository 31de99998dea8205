/// A point of the document a strip comes from: the block's `BlockPath` and the Unicode scalars of
/// its text before the strip.
struct FlowPosition: Hashable {
  var path: [Int]
  var offset: Int
}

/// Where pages begin, as the paginator (`RegionPaginator`) goes: the first strip of the flow on
/// each page (for an EPUB's page-list; a figure set after text that followed it does not count),
/// and the pages left blank so a chapter opens on a right-hand page.
struct PageRecord {
  var starts: [Int: FlowPosition] = [:]
  var blank: Set<Int> = []
}
