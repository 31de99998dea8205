/// Byte ranges of a paragraph (URLs, code, no-hyphen spans), merged and sorted once, asked
/// whether they hold an offset by binary search: asking each range in turn for every character
/// made a paragraph of many links quadratic (a 5.5 MB paragraph with 55,000 URLs took 83 s).
struct SortedRanges {
  private var starts: [Int] = []
  private var ends: [Int] = []

  init(_ ranges: [Range<Int>]) {
    for r in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = ends.last, r.lowerBound <= last {
        ends[ends.count - 1] = max(last, r.upperBound)
      } else {
        starts.append(r.lowerBound)
        ends.append(r.upperBound)
      }
    }
  }

  var isEmpty: Bool { starts.isEmpty }

  /// Whether one of the ranges holds `offset`.
  func contains(_ offset: Int) -> Bool {
    // The last range starting at or before `offset`.
    var low = 0, high = starts.count
    while low < high {
      let mid = (low + high) / 2
      if starts[mid] <= offset { low = mid + 1 } else { high = mid }
    }
    return low > 0 && offset < ends[low - 1]
  }
}
