// Text from content that reaches a terminal, a CI log or a plain-text output passes through here:
// no line break, escape sequence or C1 control a page wrote can forge a line of the log.

extension Unicode.Scalar {
  /// C0 controls, DEL and C1 controls (U+0080–U+009F).
  public var isControlCharacter: Bool {
    value < 0x20 || (0x7F...0x9F).contains(value)
  }

  /// Characters that reorder or hide text on a terminal: bidi embeddings, overrides and isolates,
  /// and the line and paragraph separators.
  var isTerminalHazard: Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
  }
}

extension String {
  /// The string made safe for one line of a terminal or CI log: line breaks become `\n` and `\r`,
  /// tabs a space, every other control character (ESC, C1 CSI included) and bidi override `\u{…}`.
  public var escapedForLog: String {
    guard unicodeScalars.contains(where: { $0.isControlCharacter || $0.isTerminalHazard }) else { return self }
    var out = String.UnicodeScalarView()
    for s in unicodeScalars {
      switch s {
      case "\n": out.append(contentsOf: "\\n".unicodeScalars)
      case "\r": out.append(contentsOf: "\\r".unicodeScalars)
      case "\t": out.append(" ")
      case _ where s.isControlCharacter || s.isTerminalHazard:
        out.append(contentsOf: "\\u{\(String(s.value, radix: 16, uppercase: true))}".unicodeScalars)
      default: out.append(s)
      }
    }
    return String(out)
  }

  /// The string without control characters, keeping tab and newline (for plain-text outputs).
  public var strippingControlCharacters: String {
    // Checked over the bytes: C0 and DEL are single bytes, C1 controls are 0xC2 0x80–0x9F.
    var copy = self
    let clean = copy.withUTF8 { buf -> Bool in
      var previous: UInt8 = 0
      for b in buf {
        if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return false }
        previous = b
      }
      return true
    }
    guard !clean else { return self }
    return String(String.UnicodeScalarView(unicodeScalars.filter { !$0.isControlCharacter || $0 == "\n" || $0 == "\t" }))
  }
}
