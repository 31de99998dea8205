/// Greedy line filling by display width: the one place where running text is broken into lines.
///
/// Breaks happen only at breakable white space; U+00A0 NO-BREAK SPACE, U+202F NARROW NO-BREAK
/// SPACE and U+2007 FIGURE SPACE glue their neighbours. A word (a URL, say) wider than the
/// line is never split: it stands alone on a line that is then too long. Runs of white space
/// between words become one space. Chinese and Japanese also break between ideographs.
enum LineWrapper {
  /// A run of text with no break opportunity inside, and its width.
  struct Word {
    var text: Substring
    var width: Int
    /// Whether a Chinese or Japanese character is in it (`IdeographBreaks` may cut it).
    var ideographic = false
  }

  /// Spaces that look like spaces but must not be broken at.
  static func isBreakable(_ c: Character) -> Bool {
    c.unicodeScalars.count == 1 && isBreakable(c.unicodeScalars.first!)
  }

  /// Whether a scalar is white space a line may end at (not a no-break space).
  static func isBreakable(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09, 0x0A, 0x0D: return true
    // Unicode's other white space (the `White_Space` property), without a property look-up:
    // NEL, Ogham space, the en quad to hair space, line and paragraph separators, the medium
    // mathematical space and the ideographic space. No-break spaces are not among them.
    case 0x85, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x2028, 0x2029, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// The words of `text`, in order. Words are cut at white-space scalars; a combining mark
  /// never follows one in real text, so no grapheme cluster is cut.
  ///
  /// Scanned over UTF-8 bytes (no `String.Index` validation per scalar); a word's width is
  /// counted on the way when all its scalars are below U+0300 (ASCII and Latin letters: one
  /// column each, no combining marks), and measured by grapheme clusters otherwise.
  static func words(_ text: String) -> [Word] {
    var out: [Word] = []
    out.reserveCapacity(text.utf8.count / 6 + 1)
    // Scanned through its bytes (native strings are contiguous: no copy); words are slices of `text`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
      let n = bytes.count
      var i = 0
      var start = -1
      var columns = 0
      var simple = true
      var ideographic = false
      let utf8 = text.utf8
      func finish(_ end: Int) {
        // A slice of the text itself (byte offsets at scalar boundaries index a native string in O(1)).
        let word = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        out.append(Word(text: word, width: simple ? columns : DisplayWidth.of(word), ideographic: ideographic))
        start = -1
      }
      while i < n {
        let b = bytes[i]
        var length = 1
        var scalar = UInt32(b)
        if b >= 0x80 {
          length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
          length = min(length, n - i)
          scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
          for k in 1..<max(length, 1) { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
        }
        let breakable = b < 0x80 ? (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) : Unicode.Scalar(scalar).map(isBreakable) ?? false
        if breakable {
          if start >= 0 { finish(i) }
        } else {
          if start < 0 {
            start = i
            columns = 0
            simple = true
            ideographic = false
          }
          if scalar >= 0x2E80 && !ideographic, let s = Unicode.Scalar(scalar), IdeographBreaks.isIdeographic(s) { ideographic = true }
          if scalar >= 0x20 && scalar < 0x300 && !(0x7F..<0xA0).contains(scalar) { columns += 1 } else { simple = false }
        }
        i += length
      }
      if start >= 0 { finish(n) }
    }
    if text.utf8.withContiguousStorageIfAvailable(scan) == nil {
      Array(text.utf8).withUnsafeBufferPointer(scan)
    }
    return out
  }

  /// `text` filled into lines no wider than `width` (except a lone word wider than that).
  /// Text with no words gives no lines. A line whose words stand one space apart in `text` is a
  /// copy of that stretch of it; only a line whose spaces must be collapsed is assembled.
  /// Chinese and Japanese also break between ideographs (`IdeographBreaks`), with no space added.
  static func wrap(_ text: String, width: Int) -> [String] {
    let words = IdeographBreaks.pieces(text)
    guard !words.isEmpty else { return [] }
    var lines: [String] = []
    var first = 0
    var lineWidth = words[0].width
    var plain = true  // the words of the line so far are one space apart in `text`
    func close(_ last: Int) {
      if plain {
        lines.append(String(text[words[first].text.startIndex..<words[last].text.endIndex]))
      } else {
        var line = String(words[first].text)
        for k in (first + 1)..<(last + 1) { line += (words[k].joined ? "" : " ") + words[k].text }
        lines.append(line)
      }
    }
    for k in 1..<words.count {
      let word = words[k]
      let gapWidth = word.joined ? 0 : 1
      if lineWidth + gapWidth + word.width <= width {
        let gap = text.utf8[words[k - 1].text.endIndex..<word.text.startIndex]
        if !word.joined && (gap.count != 1 || gap.first != UInt8(ascii: " ")) { plain = false }
        lineWidth += gapWidth + word.width
      } else {
        close(k - 1)
        first = k
        lineWidth = word.width
        plain = true
      }
    }
    close(words.count - 1)
    return lines
  }

  /// The width of the widest word of `text` (what a table column cannot go below); Chinese and
  /// Japanese may break between ideographs.
  static func widestWord(_ text: String) -> Int {
    IdeographBreaks.pieces(text).reduce(0) { max($0, $1.width) }
  }

  /// The width of `text` set on one line, spaces collapsed.
  static func naturalWidth(_ text: String) -> Int {
    let w = words(text)
    return w.isEmpty ? 0 : w.reduce(0) { $0 + $1.width } + w.count - 1
  }

  /// A verbatim line cut into pieces no wider than `width`: every piece after the first starts
  /// with `marker`, so a reader sees the line goes on. Grapheme clusters are never split.
  static func cut(_ line: String, width: Int, marker: String) -> [String] {
    guard DisplayWidth.of(line) > width else { return [line] }
    let markerWidth = DisplayWidth.of(marker)
    var pieces: [String] = []
    var piece = ""
    var pieceWidth = 0
    var hasContent = false
    for c in line {
      let w = DisplayWidth.of(c)
      // Each piece takes at least one cluster, so a tiny width cannot loop for ever.
      if pieceWidth + w > width && hasContent {
        pieces.append(piece)
        piece = marker
        pieceWidth = markerWidth
        hasContent = false
      }
      piece.append(c)
      pieceWidth += w
      hasContent = true
    }
    if !piece.isEmpty { pieces.append(piece) }
    return pieces
  }
}
