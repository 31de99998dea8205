import ImprentaModel

/// A page's text, checked and normalised: valid UTF-8, no BOM, `\n` line ends.
struct SourceText {
  /// The normalised text.
  let text: String

  /// Checks and normalises raw bytes; throws `invalid-utf8` with the position of the first bad byte.
  init(bytes: [UInt8], file: String) throws {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    // Validated straight from the bytes (from a slice, the generic path copied them one by one first).
    guard let decoded = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
      let (line, column) = SourceText.firstInvalidByte(Array(body))
      throw ImprentaError(.invalidUTF8, "the file is not valid UTF-8 (bad byte at this position)", file: file, line: line, column: column)
    }
    // Scanned over the contiguous bytes (the generic UTF8View walk cost 30 instructions a byte).
    var scanned = decoded
    let needsWork = scanned.withUTF8 { buf in buf.contains { $0 == 13 || ($0 < 32 && $0 != 9 && $0 != 10) || $0 == 0xEF } }
    guard needsWork else {
      text = decoded
      return
    }
    // CRLF → LF, lone CR → LF: both stay one line end, so line numbers are unchanged.
    // Characters XML forbids (C0 controls but tab and line ends, U+FFFE, U+FFFF) become U+FFFD:
    // libxml2 drops a whole text node holding one, and NUL ends C strings.
    let bytes = decoded.utf8Bytes
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var previousCR = false
    var line = 1, lineStart = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 13 {
        out.append(10)
        previousCR = true
        line += 1
        lineStart = i + 1
        i += 1
        continue
      }
      defer { previousCR = false }
      if b == 10 {
        if !previousCR {
          line += 1
        }
        lineStart = i + 1
        if !previousCR { out.append(10) }
        i += 1
        continue
      }
      let forbidden: Int  // bytes of a forbidden character starting here
      if b < 32 && b != 9 {
        forbidden = 1
      } else if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
        forbidden = 3
      } else {
        forbidden = 0
      }
      if forbidden > 0 {
        if replaced == nil { replaced = (0, line, String(decoding: bytes[lineStart..<i], as: UTF8.self).unicodeScalars.count + 1) }
        replaced!.count += 1
        out += [0xEF, 0xBF, 0xBD]
        i += forbidden
      } else {
        out.append(b)
        i += 1
      }
    }
    text = String(decoding: out, as: UTF8.self)
  }

  /// How many characters XML forbids were replaced by U+FFFD, and where the first was.
  private(set) var replaced: (count: Int, line: Int, column: Int)?

  /// Reports replaced characters as a warning.
  func report(file: String, into diagnostics: inout Diagnostics) {
    guard let r = replaced else { return }
    diagnostics.report(.invalidCharacter, "\(r.count) control or non-character code point(s) (NUL, U+0001…U+001F, U+FFFE, U+FFFF) were replaced by U+FFFD",
      file: file, at: SourceRange(r.line, r.column, r.line, r.column))
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

/// Characters XML forbids (and that C libraries choke on) in text that did not come through
/// `SourceText`: escapes in front matter (`"\x01"`, `"\uFFFE"`) decode to them.
enum ForbiddenCharacters {
  static func isForbidden(_ s: Unicode.Scalar) -> Bool {
    (s.value < 32 && s.value != 9 && s.value != 10 && s.value != 13) || s.value == 0xFFFE || s.value == 0xFFFF
  }

  /// `text` with forbidden characters replaced by U+FFFD, and how many there were.
  static func cleaned(_ text: String) -> (String, Int) {
    guard text.unicodeScalars.contains(where: isForbidden) else { return (text, 0) }
    var out = String.UnicodeScalarView()
    var count = 0
    for s in text.unicodeScalars {
      if isForbidden(s) {
        out.append("\u{FFFD}")
        count += 1
      } else {
        out.append(s)
      }
    }
    return (String(out), count)
  }

  /// Front-matter values with forbidden characters replaced in every string, keys included.
  static func cleaned(_ values: [KeyValue<MetaValue>], count: inout Int) -> [KeyValue<MetaValue>] {
    values.map { pair in
      let (key, n) = cleaned(pair.key)
      count += n
      return KeyValue(key, cleaned(pair.value, count: &count))
    }
  }

  static func cleaned(_ value: MetaValue, count: inout Int) -> MetaValue {
    switch value {
    case .string(let s):
      let (t, n) = cleaned(s)
      count += n
      return .string(t)
    case .list(let items): return .list(items.map { cleaned($0, count: &count) })
    case .table(let pairs): return .table(cleaned(pairs, count: &count))
    default: return value
    }
  }
}
