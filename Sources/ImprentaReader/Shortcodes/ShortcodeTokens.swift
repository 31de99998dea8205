/// The placeholders that stand for shortcodes while cmark-gfm parses the Markdown.
///
/// A shortcode alone on its lines becomes an HTML comment block spanning as many lines as the
/// shortcode did (`<!--imprenta-shortcode:7` … `-->`), so cmark's line numbers still match the
/// file; one inside running text becomes `U+E000 7 U+E001` (private-use characters cmark keeps
/// as text, also inside link destinations).
enum ShortcodeTokens {
  static let blockPrefix = "<!--imprenta-shortcode:"
  static let inlineOpen: Unicode.Scalar = "\u{E000}"
  static let inlineClose: Unicode.Scalar = "\u{E001}"

  /// A block placeholder for shortcode `id`, spanning `newlines` extra lines, each prefixed with `prefix`.
  static func block(_ id: Int, newlines: Int, prefix: [UInt8]) -> [UInt8] {
    var out = Array((blockPrefix + String(id)).utf8)
    for _ in 0..<newlines {
      out.append(10)
      out += prefix
    }
    out += Array("-->".utf8)
    return out
  }

  /// An inline token for shortcode `id`.
  static func inline(_ id: Int) -> [UInt8] {
    Array((String(inlineOpen) + String(id) + String(inlineClose)).utf8)
  }

  /// A piece of text between tokens, or a token.
  enum Piece: Equatable {
    case text(String)
    case token(Int)
  }

  /// Splits `text` at inline tokens and block placeholders.
  static func split(_ text: String) -> [Piece] {
    guard mayHoldTokens(text) else { return [.text(text)] }
    var pieces: [Piece] = []
    var current = ""
    var rest = Substring(text)
    while !rest.isEmpty {
      if rest.unicodeScalars.first == inlineOpen,
        let close = rest.unicodeScalars.firstIndex(of: inlineClose),
        let id = Int(String(rest.unicodeScalars[rest.unicodeScalars.index(after: rest.startIndex)..<close]))
      {
        if !current.isEmpty { pieces.append(.text(current)) }
        current = ""
        pieces.append(.token(id))
        rest = Substring(rest.unicodeScalars[rest.unicodeScalars.index(after: close)...])
        continue
      }
      if rest.hasPrefix(blockPrefix), let end = rest.firstRange(of: "-->") {
        let digits = rest[rest.index(rest.startIndex, offsetBy: blockPrefix.count)...].prefix(while: \.isNumber)
        if let id = Int(digits) {
          if !current.isEmpty { pieces.append(.text(current)) }
          current = ""
          pieces.append(.token(id))
          rest = rest[end.upperBound...]
          continue
        }
      }
      current.unicodeScalars.append(rest.unicodeScalars.first!)
      rest = Substring(rest.unicodeScalars.dropFirst())
    }
    if !current.isEmpty { pieces.append(.text(current)) }
    return pieces
  }

  /// Whether `text` has an inline token's opening or a block placeholder's prefix in it: one pass
  /// over its UTF-8 bytes (U+E000 is EE 80 80), since nearly every text run has neither.
  static func mayHoldTokens(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let prefix = blockPrefixBytes
      let n = bytes.count
      var i = 0
      while i < n {
        let b = bytes[i]
        if b == 0xEE, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return true }
        if b == UInt8(ascii: "<"), i + prefix.count <= n {
          var k = 1
          while k < prefix.count && bytes[i + k] == prefix[k] { k += 1 }
          if k == prefix.count { return true }
        }
        i += 1
      }
      return false
    }
  }

  private static let blockPrefixBytes = Array(blockPrefix.utf8)

  /// The id of a block placeholder that is the whole of `literal` (blank lines aside).
  static func blockID(_ literal: String) -> Int? {
    let pieces = split(literal).filter { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) } else { return true } }
    if pieces.count == 1, case .token(let id) = pieces[0] { return id }
    return nil
  }
}

