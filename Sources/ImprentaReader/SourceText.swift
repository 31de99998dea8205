import ImprentaModel

/// A page's text, checked and normalised: valid UTF-8, no BOM, `\n` line ends.
struct SourceText {
  /// The normalised text.
  let text: String

  /// Checks and normalises raw bytes; throws `invalid-utf8` with the position of the first bad byte.
  init(bytes: [UInt8], file: String) throws {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let decoded = String(validating: body, as: UTF8.self) else {
      let (line, column) = SourceText.firstInvalidByte(Array(body))
      throw ImprentaError("invalid-utf8", "the file is not valid UTF-8 (bad byte at this position)", file: file, line: line, column: column)
    }
    if decoded.utf8.contains(13) {
      // CRLF → LF, lone CR → LF: both stay one line end, so line numbers are unchanged.
      var out = [UInt8]()
      out.reserveCapacity(decoded.utf8.count)
      var previousCR = false
      for b in decoded.utf8 {
        if b == 13 {
          out.append(10)
          previousCR = true
        } else {
          if !(b == 10 && previousCR) { out.append(b) }
          previousCR = false
        }
      }
      text = String(decoding: out, as: UTF8.self)
    } else {
      text = decoded
    }
  }

  /// Line and byte column (1-based) of the first byte that breaks UTF-8.
  static func firstInvalidByte(_ bytes: [UInt8]) -> (Int, Int) {
    var line = 1, lineStart = 0, i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, i - lineStart + 1)
      }
      if length > 1 {
        guard i + length <= bytes.count,
          String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
        else { return (line, i - lineStart + 1) }
      }
      if b == 10 {
        line += 1
        lineStart = i + 1
      }
      i += length
    }
    return (line, i - lineStart + 1)
  }
}
