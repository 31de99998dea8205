import ImprentaModel

/// What an image file is and how many pixels it declares, read from its header alone, so a huge
/// image is refused before any decoder allocates memory for it.
struct ImageHeader: Equatable {
  enum Format: String {
    case png, jpeg, gif, webp, svg
  }
  var format: Format
  var width: Int
  var height: Int
  /// JPEG: colour components of the frame (1, 3 or 4 can be embedded as they are in a PDF).
  var components = 0

  /// Images with more pixels than this are refused before decoding.
  static let maximumPixels = Budget.imagePixels.limit

  init(format: Format, width: Int, height: Int, components: Int = 0) {
    self.format = format
    self.width = width
    self.height = height
    self.components = components
  }

  /// Reads the header of `bytes`; nil when the format is not known.
  init?(_ b: [UInt8]) {
    func be16(_ i: Int) -> Int { i + 1 < b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : 0 }
    func be32(_ i: Int) -> Int { i + 3 < b.count ? be16(i) << 16 | be16(i + 2) : 0 }
    func le16(_ i: Int) -> Int { i + 1 < b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
    func le24(_ i: Int) -> Int { i + 2 < b.count ? le16(i) | Int(b[i + 2]) << 16 : 0 }
    if b.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
      self.init(format: .png, width: be32(16), height: be32(20))
    } else if b.starts(with: [0xFF, 0xD8]) {
      var i = 2
      while i + 9 < b.count {
        guard b[i] == 0xFF else { i += 1; continue }
        let marker = b[i + 1]
        if marker == 0xFF { i += 1; continue }
        if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
        let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
        if isFrame {
          self.init(format: .jpeg, width: be16(i + 7), height: be16(i + 5), components: i + 9 < b.count ? Int(b[i + 9]) : 0)
          return
        }
        i += 2 + be16(i + 2)
      }
      return nil
    } else if b.starts(with: Array("GIF8".utf8)) {
      self.init(format: .gif, width: le16(6), height: le16(8))
    } else if b.count > 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
      let chunk = String(decoding: b[12..<16], as: UTF8.self)
      switch chunk {
      case "VP8X": self.init(format: .webp, width: le24(24) + 1, height: le24(27) + 1)
      case "VP8L":
        let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
        self.init(format: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
      default: self.init(format: .webp, width: le16(26) & 0x3FFF, height: le16(28) & 0x3FFF)
      }
    } else if ImageHeader.looksLikeSVG(b) {
      self.init(format: .svg, width: 0, height: 0)
    } else {
      return nil
    }
  }

  static func looksLikeSVG(_ b: [UInt8]) -> Bool {
    let head = String(decoding: b.prefix(1024), as: UTF8.self)
    return head.contains("<svg")
  }

  /// Whether decoding would take an unreasonable amount of memory.
  var isTooLarge: Bool { width * height > ImageHeader.maximumPixels || width > 65_535 || height > 65_535 }

  /// Decoded pixels.
  var pixels: Int { width * height }

  /// The number of scans (SOS markers) of a JPEG, counted from its bytes in one pass without
  /// decoding: a progressive JPEG's decoding time grows with its scans (`Budget.jpegScans`).
  static func jpegScanCount(_ b: [UInt8]) -> Int {
    var scans = 0
    var i = 2
    while i + 3 < b.count {
      guard b[i] == 0xFF else { i += 1; continue }
      let marker = b[i + 1]
      if marker == 0xFF || marker == 0x00 || marker == 0x01 || (0xD0...0xD8).contains(marker) { i += marker == 0xFF ? 1 : 2; continue }
      if marker == 0xD9 { break }
      let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
      i += 2 + max(length, 2)
      guard marker == 0xDA else { continue }
      scans += 1
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      while i + 1 < b.count && !(b[i] == 0xFF && b[i + 1] != 0x00 && !(0xD0...0xD7).contains(b[i + 1])) { i += 1 }
    }
    return scans
  }
}
