// The writing systems the detector tells apart, and which letters of a script only one language uses.

/// The script of a letter, as far as language detection cares.
enum LanguageScript: Int, CaseIterable {
  case latin, hebrew, arabic, cyrillic, greek, han, kana, hangul, devanagari, thai, other

  /// The script of a letter (or combining mark); nil for anything that is not part of a word.
  init?(_ s: Unicode.Scalar) {
    let v = s.value
    switch v {
    case 0x41...0x5A, 0x61...0x7A: self = .latin
    case 0..<0xC0: return nil
    case 0x0590...0x05FF, 0xFB1D...0xFB4F: self = .hebrew
    case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
    case 0x0400...0x052F: self = .cyrillic
    case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: self = .han
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: self = .kana
    case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
    case 0x0900...0x097F: self = .devanagari
    case 0x0E00...0x0E7F: self = .thai
    default:
      let p = s.properties
      guard p.isAlphabetic || p.generalCategory == .nonspacingMark else { return nil }
      // Latin letters with diacritics (À…ɏ, Latin Extended Additional) and combining marks.
      if (0xC0...0x024F).contains(v) || (0x1E00...0x1EFF).contains(v) || (0x0300...0x036F).contains(v) {
        if v == 0xD7 || v == 0xF7 { return nil }  // × ÷
        self = .latin
      } else {
        self = .other
      }
    }
  }

  /// Scripts written without spaces between words: their words are counted as two characters each.
  var writesWithoutSpaces: Bool { self == .han || self == .kana || self == .thai }
}

/// Letters that only one language of a script uses, counted to pick that language.
enum LanguageMarkers {
  /// Ukrainian і ї є ґ against Russian ы э ё (ъ is shared with Bulgarian, so it says nothing).
  static func cyrillic(_ s: Unicode.Scalar) -> String? {
    switch s.value {
    case 0x0456, 0x0406, 0x0457, 0x0407, 0x0454, 0x0404, 0x0491, 0x0490: return "uk"
    case 0x044B, 0x042B, 0x044D, 0x042D, 0x0451, 0x0401: return "ru"
    default: return nil
    }
  }

  /// Persian پ چ ژ گ and its own yeh and kaf (ی ک) against Arabic's yeh, kaf, teh marbuta and
  /// alef maksura (ي ك ة ى).
  static func arabic(_ s: Unicode.Scalar) -> String? {
    switch s.value {
    case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9: return "fa"
    case 0x064A, 0x0643, 0x0629, 0x0649: return "ar"
    default: return nil
    }
  }
}

/// Character classes the detector asks about for every character: answered without the Unicode
/// property tables for ASCII, which is most of what any page holds.
extension Unicode.Scalar {
  var isWordSpace: Bool { value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace }
  var isWordLetter: Bool { value < 0x80 ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic }
  var isWordLowercase: Bool { value < 0x80 ? (0x61...0x7A).contains(value) : properties.isLowercase }
  var isWordUppercase: Bool { value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase }
  var isWordDigit: Bool { value < 0x80 ? (0x30...0x39).contains(value) : properties.numericType == .decimal }
}
