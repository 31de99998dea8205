/// The EPUB's `dc:identifier`: a name-based UUID (version 5 layout) from the SHA-1 of the
/// book's content, so the same book always gets the same identifier.
enum ContentIdentifier {
  static func uuidURN(_ digest: [UInt8]) -> String {
    var b = Array(digest.prefix(16))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    let hex = b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
    let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
    return "urn:uuid:" + groups.joined(separator: "-")
  }
}
