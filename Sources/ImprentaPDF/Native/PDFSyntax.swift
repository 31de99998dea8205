/// PDF's lexical forms (ISO 32000-1 §7.3), written straight into byte buffers: numbers without
/// exponent or needless zeros, names with `#xx` escapes, literal strings with their delimiters
/// escaped, text strings as UTF-16BE when they are not ASCII.
enum PDFSyntax {
  /// `value` with at most `decimals` decimals, trailing zeros dropped (`12`, `0.5`, `-3.25`).
  static func number(_ value: Double, decimals: Int = 3) -> String {
    var out: [UInt8] = []
    appendNumber(value, decimals: decimals, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `value` as a PDF number (no exponent; NaN and infinities as 0), without allocating:
  /// content streams write one for every adjusted glyph.
  static func appendNumber(_ value: Double, decimals: Int = 3, to out: inout [UInt8]) {
    guard value.isFinite else { return out.append(UInt8(ascii: "0")) }
    let d = min(max(decimals, 0), 5)
    var scale: Int64 = 1
    for _ in 0..<d { scale *= 10 }
    var scaled = (abs(value) * Double(scale)).rounded()
    if scaled > 9e15 { scaled = 9e15 }
    let n = Int64(scaled)
    if n == 0 { return out.append(UInt8(ascii: "0")) }
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var fraction = n % scale
    appendInteger(Int(n / scale), to: &out)
    guard fraction > 0 else { return }
    var digits = d
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    out.append(UInt8(ascii: "."))
    // The fraction's digits, leading zeros included, most significant first.
    var divisor: Int64 = 1
    for _ in 1..<max(digits, 1) { divisor *= 10 }
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8((fraction / divisor) % 10))
      divisor /= 10
    }
  }

  /// Appends an integer in decimal.
  static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    if value < 0 {
      out.append(UInt8(ascii: "-"))
      return appendInteger(-value, to: &out)
    }
    var divisor = 1
    while divisor <= value / 10 { divisor *= 10 }
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
      divisor /= 10
    }
  }

  /// `/Name` with every byte outside the regular printable characters as `#xx`.
  static func name(_ s: String) -> String {
    var out = "/"
    for b in s.utf8 {
      let regular = b > 0x20 && b < 0x7F && !"#()<>[]{}/%".utf8.contains(b)
      if regular {
        out.unicodeScalars.append(Unicode.Scalar(b))
      } else {
        out += "#" + hex(b)
      }
    }
    return out
  }

  /// A literal string `( … )` of bytes, with `\`, `(`, `)` and line ends escaped.
  static func literal(_ bytes: some Sequence<UInt8>) -> String {
    var out = "("
    for b in bytes {
      switch b {
      case UInt8(ascii: "\\"): out += "\\\\"
      case UInt8(ascii: "("): out += "\\("
      case UInt8(ascii: ")"): out += "\\)"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(b))
      default: out += "\\" + String(b, radix: 8)
      }
    }
    return out + ")"
  }

  /// A text string (§7.9.2.2): printable ASCII as a literal, anything else as UTF-16BE with its
  /// byte-order mark, in hex.
  static func text(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return literal(s.utf8) }
    var out: [UInt8] = Array("<FEFF".utf8)
    out.reserveCapacity(6 + 4 * s.utf16.count)
    for unit in s.utf16 { appendHex(unit, to: &out) }
    out.append(UInt8(ascii: ">"))
    return String(decoding: out, as: UTF8.self)
  }

  /// Two upper-case hex digits.
  static func hex(_ b: UInt8) -> String {
    String(decoding: [digit(b >> 4), digit(b & 15)], as: UTF8.self)
  }

  /// The upper-case hex digit of `v` (0–15).
  @inline(__always)
  private static func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x37 + v }

  /// Four upper-case hex digits of a UTF-16 code unit.
  @inline(__always)
  private static func appendHex(_ unit: UInt16, to out: inout [UInt8]) {
    out.append(digit(UInt8(unit >> 12)))
    out.append(digit(UInt8((unit >> 8) & 15)))
    out.append(digit(UInt8((unit >> 4) & 15)))
    out.append(digit(UInt8(unit & 15)))
  }

  /// UTF-16BE hex digits of `s` (no delimiters), for ToUnicode maps and `/ActualText`.
  static func utf16Hex(_ s: some Sequence<Unicode.Scalar>) -> String {
    var out: [UInt8] = []
    for scalar in s { UTF16.encode(scalar) { appendHex($0, to: &out) } }
    return String(decoding: out, as: UTF8.self)
  }
}
