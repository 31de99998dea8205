/// Break opportunities inside a run with no spaces, for Chinese and Japanese: a line may end
/// between two ideographs (or kana), as UAX #14 allows, except before closing punctuation
/// (`，` `。` `」` …, which never starts a line) and after opening punctuation (`「` `（` …, which
/// never ends one). Korean separates its words with spaces and is wrapped at them.
enum IdeographBreaks {
  /// A piece of a word: the text between two break opportunities, its width, and whether it
  /// follows the piece before with no space (a break inside a word, not at a space).
  struct Piece {
    var text: Substring
    var width: Int
    var joined: Bool
  }

  /// Han, kana and the CJK symbols and fullwidth forms that sit between them.
  static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF01...0xFF60, 0x20000...0x3FFFF:
      return true
    default: return false
    }
  }

  /// Punctuation that never starts a line.
  static let closing: Set<Unicode.Scalar> = Set("、。，．：；！？）」』】〉》〕〗〙〛”’・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ｝］），．：；！？%〜…‥".unicodeScalars)
  /// Punctuation that never ends a line.
  static let opening: Set<Unicode.Scalar> = Set("（「『【〈《〔〖〘〚“‘｛［（".unicodeScalars)

  /// The words of `text` cut where a line may break inside them; words without ideographs are
  /// one piece each (every piece but a word's first is `joined`).
  static func pieces(_ text: String) -> [Piece] {
    var out: [Piece] = []
    for word in LineWrapper.words(text) {
      // Words without an ideograph (found while the words were scanned) are one piece.
      guard word.ideographic else {
        out.append(Piece(text: word.text, width: word.width, joined: false))
        continue
      }
      var start = word.text.startIndex
      var previous: Character? = nil
      var joined = false
      for i in word.text.indices {
        let c = word.text[i]
        if let p = previous, breaks(between: p, and: c) {
          let piece = word.text[start..<i]
          out.append(Piece(text: piece, width: DisplayWidth.of(piece), joined: joined))
          start = i
          joined = true
        }
        previous = c
      }
      let last = word.text[start...]
      out.append(Piece(text: last, width: DisplayWidth.of(last), joined: joined))
    }
    return out
  }

  /// Whether a line may end between `a` and `b` (both inside a word).
  static func breaks(between a: Character, and b: Character) -> Bool {
    guard let x = a.unicodeScalars.first, let y = b.unicodeScalars.first else { return false }
    guard isIdeographic(x) || isIdeographic(y) else { return false }
    return !closing.contains(y) && !opening.contains(x)
  }
}
