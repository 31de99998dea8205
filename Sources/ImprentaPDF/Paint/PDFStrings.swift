/// The one encoder for what the backend hands to Cairo as names and strings: named destinations
/// (definitions, links and outline entries alike), link URIs, and the quoted values of Cairo's
/// tag attributes.
///
/// Cairo 1.16 writes destination names and URIs into the PDF without escaping: a `)` in a heading
/// id closed the string and the rest became PDF syntax; a URI ending in `\` escaped the closing
/// `)` and qpdf replaced the link with null. It also writes a name as UTF-8 in the `Dests` tree
/// but as UTF-16 in a link's `/Dest`, so no link or bookmark to an accented id resolved. What
/// leaves this encoder is printable ASCII without `(`, `)`, `\`, `'` or space, which every one of
/// those Cairo paths writes the same way and PDF readers read back unchanged.
enum PDFStrings {
  /// The named destination of an anchor id: letters, digits, `-`, `_` and `.` as they are, every
  /// other UTF-8 byte (`%` included) as `%XX`. One id always gives one name, and two ids never
  /// give the same name.
  static func destinationName(_ id: String) -> String {
    percentEncoded(id) { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
  }

  /// A URI for a link action: RFC 3986's unreserved and reserved characters kept (without `'`,
  /// `(` and `)`), `%` kept where it already starts an escape, every other byte as `%XX`.
  static func uri(_ url: String) -> String {
    let bytes = Array(url.utf8)
    func isHex(_ i: Int) -> Bool {
      guard i < bytes.count else { return false }
      let b = bytes[i] | 0x20
      return (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
    }
    var out = ""
    out.reserveCapacity(bytes.count)
    for (i, b) in bytes.enumerated() {
      if isAlphanumeric(b) || uriKept.contains(b) || (b == UInt8(ascii: "%") && isHex(i + 1) && isHex(i + 2)) {
        out.unicodeScalars.append(Unicode.Scalar(b))
      } else {
        appendEscape(b, to: &out)
      }
    }
    return out
  }

  /// A quoted value of Cairo's tag attribute syntax (`'…'` with `\` and `'` escaped).
  static func attributeValue(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  /// Reads a destination name back into its id (for tests and tools); nil when it is not one.
  static func id(fromDestinationName name: String) -> String? {
    var bytes: [UInt8] = []
    var it = Array(name.utf8).makeIterator()
    while let b = it.next() {
      if b == UInt8(ascii: "%") {
        guard let h = it.next(), let l = it.next(), let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) else { return nil }
        bytes.append(v)
      } else {
        bytes.append(b)
      }
    }
    let id = String(decoding: bytes, as: UTF8.self)
    return Array(id.utf8) == bytes ? id : nil
  }

  // MARK: - Helpers

  private static let uriKept: Set<UInt8> = Set(Array("-._~:/?#[]@!$&*+,;=".utf8))

  private static func isAlphanumeric(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
  }

  private static func percentEncoded(_ s: String, keeping keep: (UInt8) -> Bool) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for b in s.utf8 {
      if keep(b) { out.unicodeScalars.append(Unicode.Scalar(b)) } else { appendEscape(b, to: &out) }
    }
    return out
  }

  private static func appendEscape(_ b: UInt8, to out: inout String) {
    let hex = Array("0123456789ABCDEF".unicodeScalars)
    out.unicodeScalars.append("%")
    out.unicodeScalars.append(hex[Int(b >> 4)])
    out.unicodeScalars.append(hex[Int(b & 15)])
  }
}
