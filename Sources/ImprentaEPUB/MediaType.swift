/// The type of an image, found from its first bytes (never from its name).
enum MediaType: String, Sendable, Hashable {
  case png = "image/png"
  case jpeg = "image/jpeg"
  case gif = "image/gif"
  case webp = "image/webp"
  case svg = "image/svg+xml"

  /// The usual file extension.
  var fileExtension: String {
    switch self {
    case .png: return "png"
    case .jpeg: return "jpg"
    case .gif: return "gif"
    case .webp: return "webp"
    case .svg: return "svg"
    }
  }

  /// Whether EPUB 3.2 reading systems must show it (epubcheck 4 rejects WebP without a fallback).
  var isCoreMediaType: Bool { self != .webp }

  /// Sniffs PNG, JPEG, GIF, WebP and SVG magic; nil for anything else.
  static func sniff(_ bytes: [UInt8]) -> MediaType? {
    func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
      bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
    }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
    if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
    if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
    // SVG: XML text whose first element is <svg>.
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
    if trimmed.hasPrefix("<") && head.contains("<svg") { return .svg }
    return nil
  }
}
