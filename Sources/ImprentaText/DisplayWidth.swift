/// How many terminal columns text takes: combining marks 0, East Asian wide and fullwidth
/// characters (and emoji shown as emoji) 2, everything else 1.
///
/// A `Character` is one grapheme cluster, so a base letter with its combining marks, a Hangul
/// syllable built from jamo, or an emoji ZWJ sequence is measured — and later wrapped — as one unit.
/// The table of wide ranges is compact (no dependency): it covers the CJK blocks, Hangul, kana,
/// fullwidth forms and the supplementary ideographic planes; emoji come from the scalar's
/// `Emoji_Presentation` property.
public enum DisplayWidth {
  /// The columns `text` takes.
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    // Most text is printable ASCII: one column a byte, no grapheme breaking needed.
    var ascii = true
    for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
      ascii = false
      break
    }
    if ascii { return text.utf8.count }
    // Latin text (every scalar below U+0300, none a control): one column a scalar, no combining marks.
    var latin = 0
    for s in text.unicodeScalars {
      guard s.value >= 0x20 && s.value < 0x300 && !(0x7F..<0xA0).contains(s.value) else {
        latin = -1
        break
      }
      latin += 1
    }
    if latin >= 0 { return latin }
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// The columns one grapheme cluster takes: the widest of its scalars, with emoji
  /// variation selector U+FE0F turning a text-style emoji into a wide one.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    if scalars.count == 1, let s = scalars.first {
      if s.value >= 0x20 && s.value < 0x7F { return 1 }
      return of(scalar: s)
    }
    var width = 0
    var emoji = false
    for s in scalars {
      width = max(width, of(scalar: s))
      if s.properties.isEmoji { emoji = true }
      if s.value == 0xFE0F, emoji { width = 2 }
    }
    return width
  }

  /// The columns of a single scalar taken alone.
  static func of(scalar s: Unicode.Scalar) -> Int {
    let v = s.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }  // Hangul medial/final jamo, zero width space
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if isWide(v) || s.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// East Asian Width W and F ranges (Unicode 15), sorted, as closed intervals.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  /// Whether a scalar value is East Asian wide or fullwidth (binary search in `wideRanges`).
  static func isWide(_ v: UInt32) -> Bool {
    guard v >= 0x1100 else { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let r = wideRanges[mid]
      if v < r.lowerBound {
        high = mid - 1
      } else if v > r.upperBound {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
