/// How finished pages are put on printed sheets.
public enum Imposition: String, Sendable, Hashable, CaseIterable {
  /// Saddle-stitched booklet: pages padded with blanks to a multiple of four, two per sheet side
  /// in the order that folds and staples into reading order, front and back sides alternating.
  case booklet
  /// Two consecutive pages side by side on each sheet.
  case twoUp = "2up"

  /// The file name suffix of the imposed PDF (`name.booklet.pdf`).
  public var suffix: String { rawValue }

  /// The number of pages after padding with blanks (a multiple of 4 for booklets, 2 for two-up).
  static func paddedCount(_ n: Int, mode: Imposition) -> Int {
    let multiple = mode == .booklet ? 4 : 2
    return (max(n, 1) + multiple - 1) / multiple * multiple
  }

  /// The positions (1-based, in the padded reading order) on each sheet side, left then right:
  /// for a 12-page booklet 12|1, 2|11, 10|3, 4|9, 8|5, 6|7 — side k holds (n-k, k+1) when k is
  /// even (the outside of a sheet) and (k+1, n-k) when odd (its inside).
  static func positions(paddedCount n: Int, mode: Imposition) -> [[Int]] {
    switch mode {
    case .twoUp:
      return stride(from: 1, through: n, by: 2).map { [$0, $0 + 1] }
    case .booklet:
      return (0..<(n / 2)).map { k in k % 2 == 0 ? [n - k, k + 1] : [k + 1, n - k] }
    }
  }

  /// The pages of each sheet side, left then right, as 0-based page indices; nil is a blank.
  /// `keepLast` pages (a back cover) stay at the end: blanks go in before them.
  static func sides(pageCount n: Int, mode: Imposition, keepLast: Int = 0) -> [[Int?]] {
    guard n > 0 else { return [] }
    let padded = paddedCount(n, mode: mode)
    let tail = min(max(keepLast, 0), n)
    var order: [Int?] = Array(0..<(n - tail)).map { Optional($0) }
    order += [Int?](repeating: nil, count: padded - n)
    order += Array((n - tail)..<n).map { Optional($0) }
    return positions(paddedCount: padded, mode: mode).map { side in side.map { order[$0 - 1] } }
  }
}

/// Finished pages put on sheets: what the imposed PDF paints.
struct ImposedLayout {
  /// One side of a printed sheet: the pages on it (nil for a blank), left to right.
  struct Sheet {
    var pages: [Int?]
  }
  var mode: Imposition
  var sheets: [Sheet]
  /// The trimmed page size every slot has.
  var pageWidth: Double
  var pageHeight: Double

  init(pageCount: Int, mode: Imposition, pageWidth: Double, pageHeight: Double, keepLast: Int = 0) {
    self.mode = mode
    self.pageWidth = pageWidth
    self.pageHeight = pageHeight
    sheets = Imposition.sides(pageCount: pageCount, mode: mode, keepLast: keepLast).map { Sheet(pages: $0) }
  }

  /// The 1-based page numbers of each sheet side (0 for a blank), for tests and tools.
  var pageNumbers: [[Int]] { sheets.map { $0.pages.map { ($0 ?? -1) + 1 } } }

  /// The trimmed sheet size.
  var sheetWidth: Double { pageWidth * 2 }
}
