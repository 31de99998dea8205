/// Width and height of a PNG, JPEG, GIF or WebP image, read from its header only (nothing is
/// decoded): to hold an embedded image to `Budget.imagePixels` before anything draws it.
enum RasterSize {
  static func of(_ b: [UInt8]) -> (width: Int, height: Int)? {
    func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
    func le24(_ i: Int) -> Int { le16(i) | Int(b[i + 2]) << 16 }
    func starts(_ s: String, at i: Int = 0) -> Bool { b.count >= i + s.utf8.count && b[i..<(i + s.utf8.count)].elementsEqual(s.utf8) }
    if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), starts("IHDR", at: 12) {
      return (be32(16), be32(20))
    }
    if b.count >= 10, starts("GIF87a") || starts("GIF89a") {
      return (le16(6), le16(8))
    }
    if b.count >= 30, starts("RIFF"), starts("WEBP", at: 8) {
      if starts("VP8X", at: 12) { return (le24(24) + 1, le24(27) + 1) }
      if starts("VP8L", at: 12), b.count >= 25 {
        let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
        return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
      }
      if starts("VP8 ", at: 12) { return (le16(26) & 0x3FFF, le16(28) & 0x3FFF) }
      return nil
    }
    if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
      // Segments up to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC).
      var i = 2
      while i + 9 < b.count {
        guard b[i] == 0xFF else { return nil }
        let marker = b[i + 1]
        if marker == 0xFF {
          i += 1
          continue
        }
        if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
          i += 2
          continue
        }
        if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
          return (be16(i + 7), be16(i + 5))
        }
        i += 2 + be16(i + 2)
      }
    }
    return nil
  }
}
