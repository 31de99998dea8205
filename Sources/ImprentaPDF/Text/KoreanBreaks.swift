/// Korean is set with `word-break: keep-all`: lines break at the spaces between words, never
/// between two syllables of a word. UAX #14 (and so Pango's log attributes) allows a break
/// between any two Hangul syllables, as between ideographs; Korean typesetting does not, and a
/// line ending in the middle of 인증서 reads as two words. Keep-all treats Hangul as letters: no
/// break between Hangul and a letter or digit that touches it (`Encrypt는`, `90일`) either.
enum KoreanBreaks {
  /// Hangul syllables, jamo (conjoining and compatibility) and halfwidth Hangul.
  static func isHangul(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC: return true
    default: return false
    }
  }

  /// Whether `scalar` is part of a word (a letter or a digit of any script).
  static func isWordCharacter(_ scalar: UInt32) -> Bool {
    guard let s = Unicode.Scalar(scalar) else { return false }
    return s.properties.isAlphabetic || s.properties.numericType != nil
  }

  /// Whether the break Pango allows between `before` and `after` (no space between them) falls
  /// inside a Korean word, and is not taken.
  static func keepsTogether(_ before: UInt32, _ after: UInt32) -> Bool {
    (isHangul(before) && isWordCharacter(after)) || (isHangul(after) && isWordCharacter(before))
  }
}
