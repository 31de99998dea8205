/// Text on its way into an XML tree: characters XML 1.0 forbids are removed first.
enum XMLText {
  /// Whether XML 1.0 allows this scalar in a document (`Char` production).
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: return true
    case 0x20...0xD7FF: return true
    case 0xE000...0xFFFD: return true
    case 0x10000...0x10FFFF: return true
    default: return false  // C0 controls, U+FFFE, U+FFFF (Swift strings hold no lone surrogates)
    }
  }

  /// `text` without forbidden characters, and whether any was removed.
  static func clean(_ text: String) -> (text: String, removed: Bool) {
    guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return (text, false) }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars where isAllowed(s) { out.append(s) }
    return (String(out), true)
  }
}
