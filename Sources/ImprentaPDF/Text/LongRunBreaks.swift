/// Break opportunities in text Pango could only break by itself in quadratic time.
///
/// Pango 1.50 lays out a run with no break opportunity (a 200 KB word, a long URL, a line of
/// base64) in time quadratic in its length: each line it breaks off the run shapes the rest of it
/// again. A run longer than `longRun` bytes gets a zero-width space every `chunk` grapheme
/// clusters (never inside a cluster), so Pango breaks it between chunks, and by character only
/// inside the chunk that does not fit: linear time, and what is drawn is unchanged.
extension AttributedText {
  /// Bytes a run without a break opportunity may have before it is given some.
  static let longRun = 256
  /// Grapheme clusters between two inserted break opportunities.
  static let chunk = 32
  /// U+200B ZERO WIDTH SPACE: a break opportunity with no width.
  static let breakOpportunity = "\u{200B}"

  /// The text with break opportunities in every overlong run, every offset (looks, links,
  /// footnote calls) moved to match; the text itself when it has no overlong run.
  func breakingLongRuns() -> AttributedText {
    let runs = overlongRuns()
    guard !runs.isEmpty else { return self }
    let utf8 = string.utf8
    var inserted: [Int] = []  // byte offsets in `string` where a break opportunity goes
    for run in runs {
      var offset = run.lowerBound
      var clusters = 0
      for c in string[utf8.index(utf8.startIndex, offsetBy: run.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: run.upperBound)] {
        if clusters > 0 && clusters % AttributedText.chunk == 0 { inserted.append(offset) }
        clusters += 1
        offset += c.utf8.count
      }
    }
    guard !inserted.isEmpty else { return self }
    var out = ""
    out.reserveCapacity(length + inserted.count * 3)
    var previous = utf8.startIndex
    var previousOffset = 0
    for p in inserted {
      let index = utf8.index(previous, offsetBy: p - previousOffset)
      out += String(string[previous..<index])
      out += AttributedText.breakOpportunity
      previous = index
      previousOffset = p
    }
    out += String(string[previous...])
    let width = AttributedText.breakOpportunity.utf8.count
    // A start at an insertion point moves after the break; an end there stays before it.
    func moved(_ o: Int, isStart: Bool) -> Int {
      var lo = 0, hi = inserted.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if inserted[mid] < o || (isStart && inserted[mid] == o) { lo = mid + 1 } else { hi = mid }
      }
      return o + lo * width
    }
    var t = AttributedText()
    t.string = out
    t.length = out.utf8.count
    t.attributes = attributes.map { TextAttribute(kind: $0.kind, start: moved($0.start, isStart: true), end: moved($0.end, isStart: false)) }
    t.links = links.map { (moved($0.start, isStart: true), moved($0.end, isStart: false), $0.destination) }
    t.refusedLinks = refusedLinks
    t.footnoteCalls = footnoteCalls.map { (moved($0.index, isStart: true), $0.number) }
    t.sources = sources.map { (moved($0.start, isStart: true), moved($0.end, isStart: false), $0.range) }
    return t
  }

  /// Byte ranges of the runs without a break opportunity (space, tab, line break, soft hyphen,
  /// zero-width space) longer than `longRun`.
  func overlongRuns() -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start = 0
    var i = 0
    var previous: (UInt8, UInt8) = (0, 0)
    for b in string.utf8 {
      var isBreak = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
      var breakLength = 1
      if b == 0xAD && previous.1 == 0xC2 {
        isBreak = true  // U+00AD
        breakLength = 2
      } else if b == 0x8B && previous.1 == 0x80 && previous.0 == 0xE2 {
        isBreak = true  // U+200B
        breakLength = 3
      }
      if isBreak {
        let end = i + 1 - breakLength
        if end - start > AttributedText.longRun { runs.append(start..<end) }
        start = i + 1
      }
      previous = (previous.1, b)
      i += 1
    }
    if i - start > AttributedText.longRun { runs.append(start..<i) }
    return runs
  }
}
