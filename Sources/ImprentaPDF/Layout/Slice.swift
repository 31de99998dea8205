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
  /// Set across every column of a multi-column page (headings, figures, tables, pull-quotes).
  var span = false

  init(height: Double, spaceBefore: Double = 0, items: [PageItem] = []) {
    self.height = height
    self.spaceBefore = spaceBefore
    self.items = items
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

  var textWidth: Double { width - marginInner - marginOuter }
  var textHeight: Double { height - marginTop - marginBottom }

  /// The left edge of the text area of page `index` (0-based): the inner margin is at the left of
  /// right-hand (odd-numbered) pages.
  func left(page index: Int) -> Double { index % 2 == 0 ? marginInner : marginOuter }
}
