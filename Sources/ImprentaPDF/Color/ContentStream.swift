/// A PDF content stream cut into operations (operands, then the operator), each with its byte
/// range, so a rewrite can replace a few operations and copy every other byte as it was.
/// Strings, arrays, dictionaries, comments and inline images (`BI … ID … EI`) are skipped as
/// wholes; numbers and names among the operands are kept for the rewrite.
struct ContentStream {
  enum Operand: Equatable {
    case number(Double)
    case name(String)
    /// A string, array, dictionary or keyword such as `true`.
    case other
  }

  struct Operation {
    var operands: [Operand]
    var op: String
    /// From the first operand (or the operator) to the operator's end.
    var range: Range<Int>
    /// For `BI`: the inline image's dictionary entries, by key (without the slash).
    var inlineImage: [String: Operand] = [:]
  }

  let bytes: [UInt8]
  private(set) var operations: [Operation] = []

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    parse()
  }

  static func isSpace(_ c: UInt8) -> Bool { c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32 }
  static func isDelimiter(_ c: UInt8) -> Bool {
    c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D || c == 0x2F || c == 0x25
  }

  private mutating func parse() {
    var i = 0
    var operands: [Operand] = []
    var start: Int? = nil
    let n = bytes.count
    func regularEnd(_ from: Int) -> Int {
      var j = from
      while j < n, !ContentStream.isSpace(bytes[j]), !ContentStream.isDelimiter(bytes[j]) { j += 1 }
      return j
    }
    while i < n {
      let c = bytes[i]
      if ContentStream.isSpace(c) {
        i += 1
        continue
      }
      if c == 0x25 {  // % comment
        while i < n, bytes[i] != 10, bytes[i] != 13 { i += 1 }
        continue
      }
      let tokenStart = i
      switch c {
      case 0x28:  // ( literal string )
        i = skipString(i)
        operands.append(.other)
      case 0x3C where i + 1 < n && bytes[i + 1] == 0x3C, 0x5B:  // << dict >> or [ array ]
        i = skipNested(i)
        operands.append(.other)
      case 0x3C:  // <hex>
        while i < n, bytes[i] != 0x3E { i += 1 }
        i = min(n, i + 1)
        operands.append(.other)
      case 0x2F:  // /Name
        let end = regularEnd(i + 1)
        operands.append(.name(String(decoding: bytes[(i + 1)..<end], as: UTF8.self)))
        i = end
      case 0x29, 0x3E, 0x5D, 0x7B, 0x7D:  // stray delimiters: skip
        i += 1
        continue
      default:
        let end = regularEnd(i)
        let word = String(decoding: bytes[i..<end], as: UTF8.self)
        i = max(end, i + 1)
        if let value = Double(word), c == 0x2B || c == 0x2D || c == 0x2E || (c >= 0x30 && c <= 0x39) {
          operands.append(.number(value))
        } else if word == "true" || word == "false" || word == "null" {
          operands.append(.other)
        } else {
          var operation = Operation(operands: operands, op: word, range: (start ?? tokenStart)..<i)
          if word == "BI" {
            let (entries, end) = inlineImage(from: i)
            operation.inlineImage = entries
            operation.range = (start ?? tokenStart)..<end
            i = end
          }
          operations.append(operation)
          operands = []
          start = nil
          continue
        }
      }
      if start == nil { start = tokenStart }
    }
  }

  private func skipString(_ from: Int) -> Int {
    var depth = 0
    var i = from
    while i < bytes.count {
      switch bytes[i] {
      case 0x5C: i += 1  // backslash: skip the escaped byte
      case 0x28: depth += 1
      case 0x29:
        depth -= 1
        if depth == 0 { return i + 1 }
      default: break
      }
      i += 1
    }
    return bytes.count
  }

  /// Skips `[ … ]` or `<< … >>` with what they nest.
  private func skipNested(_ from: Int) -> Int {
    var depth = 0
    var i = from
    while i < bytes.count {
      let c = bytes[i]
      if c == 0x28 {
        i = skipString(i)
        continue
      }
      if c == 0x5B || (c == 0x3C && i + 1 < bytes.count && bytes[i + 1] == 0x3C) {
        depth += 1
        i += c == 0x5B ? 1 : 2
        continue
      }
      if c == 0x5D || (c == 0x3E && i + 1 < bytes.count && bytes[i + 1] == 0x3E) {
        depth -= 1
        i += c == 0x5D ? 1 : 2
        if depth == 0 { return i }
        continue
      }
      i += 1
    }
    return bytes.count
  }

  /// The entries of an inline image's dictionary (after `BI`) and the end of its `EI`.
  private func inlineImage(from: Int) -> ([String: Operand], Int) {
    var entries: [String: Operand] = [:]
    let sub = ContentStream.dictionaryEntries(bytes, from: from)
    entries = sub.entries
    // Binary data follows `ID` and one white-space byte; it ends at `EI` between white space.
    var i = sub.end + 1
    let n = bytes.count
    while i + 1 < n {
      if bytes[i] == 0x45, bytes[i + 1] == 0x49, i > 0, ContentStream.isSpace(bytes[i - 1]), i + 2 >= n || ContentStream.isSpace(bytes[i + 2]) {
        return (entries, i + 2)
      }
      i += 1
    }
    return (entries, n)
  }

  /// Key/value pairs up to the keyword `ID`; `end` is just past `ID`.
  private static func dictionaryEntries(_ bytes: [UInt8], from: Int) -> (entries: [String: Operand], end: Int) {
    var entries: [String: Operand] = [:]
    var key: String? = nil
    var i = from
    let n = bytes.count
    while i < n {
      let c = bytes[i]
      if isSpace(c) {
        i += 1
        continue
      }
      var j = c == 0x2F ? i + 1 : i
      while j < n, !isSpace(bytes[j]), !isDelimiter(bytes[j]) { j += 1 }
      if j == i { j = i + 1 }
      let word = String(decoding: bytes[(c == 0x2F ? i + 1 : i)..<j], as: UTF8.self)
      if c != 0x2F, word == "ID" { return (entries, j) }
      let value: Operand = c == 0x2F ? .name(word) : (Double(word).map { .number($0) } ?? .other)
      if let k = key {
        entries[k] = value
        key = nil
      } else if case .name(let k) = value {
        key = k
      }
      i = j
    }
    return (entries, n)
  }
}
