import ImprentaModel
import ImprentaStyle

/// A look applied to a byte range of an `AttributedText`.
enum TextAttributeKind: Hashable {
  case weight(Int)
  case italic
  case family(String)
  case size(Double)
  case color(Color)
  case background(Color)
  case underline
  case strikethrough
  /// Raise (positive) or lower the baseline, in points.
  case rise(Double)
  /// Stop Pango from drawing a hyphen where it breaks inside a word (code, URLs).
  case noHyphens
  /// No line break inside the range (a footnote call and the character before it).
  case noBreaks
  /// A URL or a path: lines may break after `/ . - _ ?` in it, with no hyphen added.
  case breaksAfterPunctuation
}

/// A look over `start..<end` (UTF-8 byte offsets, as Pango counts).
struct TextAttribute: Hashable {
  var kind: TextAttributeKind
  var start: Int
  var end: Int
}

/// Text with looks, links and footnote calls: what a paragraph becomes before Pango shapes it.
struct AttributedText {
  /// The characters (no soft hyphens: where words may break is `hyphenPoints`).
  var string = ""
  /// `string.utf8.count`, kept as we go.
  var length = 0
  /// Looks, in the order they were opened.
  var attributes: [TextAttribute] = []
  /// Link ranges and their destinations.
  var links: [(start: Int, end: Int, destination: String)] = []
  /// Links whose destination `URLPolicy` refuses: their text is kept, without a link.
  var refusedLinks: [(destination: String, range: SourceRange, reason: String)] = []
  /// Footnote calls: the byte where the call mark sits, and the note number.
  var footnoteCalls: [(index: Int, number: Int)] = []
  /// Ids of inline elements (`<a id="general">`): the byte where each starts, for a named
  /// destination on its line.
  var anchors: [(index: Int, id: String)] = []
  /// Byte offsets, in order, where a line may break inside a word with a hyphen added.
  var hyphenPoints: [Int] = []
  /// Where runs of the text came from in the source (for warnings about a character).
  var sources: [(start: Int, end: Int, range: SourceRange)] = []

  mutating func append(_ s: String) {
    string += s
    length += s.utf8.count
  }

  /// Applies `kind` to everything appended by `body`.
  mutating func with(_ kind: TextAttributeKind?, _ body: (inout AttributedText) -> Void) {
    let start = length
    body(&self)
    if let kind, length > start { attributes.append(TextAttribute(kind: kind, start: start, end: length)) }
  }

  /// The source range of the run holding byte `index`, if known.
  func sourceRange(at index: Int) -> SourceRange? {
    sources.last { $0.start <= index && index < $0.end }?.range
  }

  var isBlank: Bool { string.allSatisfy { $0 == " " || $0 == "\n" } }
}

extension AttributedText {
  /// Characters the layout adds to a text that are not the text's own: soft hyphens
  /// (hyphenation), zero-width spaces (breaks in long runs), isolates around code.
  static func isLayoutScalar(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0xAD, 0x200B, 0x2066, 0x2069: return true
    default: return false
    }
  }

  /// Unicode scalars of UTF-8 `bytes` in `range` (which starts and ends on scalar boundaries)
  /// that are the text's own: layout scalars (`isLayoutScalar`) are not counted.
  static func textScalars(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    var n = 0
    var b = range.lowerBound
    while b < range.upperBound {
      let lead = bytes[b]
      if lead < 0x80 {
        n += 1
        b += 1
        continue
      }
      let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      // U+00AD is C2 AD; U+200B, U+2066 and U+2069 are E2 80 8B, E2 81 A6 and E2 81 A9.
      let layout =
        (lead == 0xC2 && b + 1 < bytes.count && bytes[b + 1] == 0xAD)
        || (lead == 0xE2 && b + 2 < bytes.count
          && ((bytes[b + 1] == 0x80 && bytes[b + 2] == 0x8B) || (bytes[b + 1] == 0x81 && (bytes[b + 2] == 0xA6 || bytes[b + 2] == 0xA9))))
      if !layout { n += 1 }
      b += width
    }
    return n
  }
}
