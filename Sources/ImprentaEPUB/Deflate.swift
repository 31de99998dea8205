import CZlib

/// zlib's raw deflate and CRC-32 for the EPUB container, at the level that suits the file: text
/// parts (XHTML, CSS, the package document) at level 1, files already compressed (PNG, JPEG,
/// GIF, WebP) stored as they are, never deflated twice.
enum Deflate {
  /// The deflate level for text parts. Measured on a 300 KB book: level 6 (zlib's default) gave
  /// an EPUB of 83 KB and was an eighth of the export's instructions; level 1 gives 96 KB in a
  /// third of the time. A reader does not notice 13 KB; a CI run of every commit does notice time.
  static let textLevel: Int32 = 1

  /// Whether a file of this name is worth deflating (images are compressed already).
  static func isWorthDeflating(_ path: String) -> Bool {
    let lower = path.lowercased()
    return ![".png", ".jpg", ".jpeg", ".gif", ".webp"].contains { lower.hasSuffix($0) }
  }

  /// `bytes` as a raw deflate stream (no zlib header), or nil when zlib fails.
  static func compress(_ bytes: [UInt8], level: Int32 = textLevel) -> [UInt8]? {
    var stream = z_stream()
    guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { deflateEnd(&stream) }
    var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
    let status = bytes.withUnsafeBufferPointer { input -> Int32 in
      out.withUnsafeMutableBufferPointer { output -> Int32 in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress
        stream.avail_out = uInt(output.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { return nil }
    out.removeSubrange(Int(stream.total_out)...)
    return out
  }

  /// The CRC-32 of `bytes` (zlib's, the one ZIP uses).
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
  }
}
