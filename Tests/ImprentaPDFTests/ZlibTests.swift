import Testing

@testable import ImprentaPDF

/// The zlib streams page contents are rewritten through (`QPDFPostProcessor.rewritePageContents`).
@Suite struct ZlibTests {
  /// Content-stream-like bytes of many sizes (empty, one byte, beyond the first output chunk).
  static func contents() -> [[UInt8]] {
    var generator = SystemRandomNumberGenerator()
    return [0, 1, 17, 4_096, 70_000, 300_000].map { n in
      (0..<n).map { k in k % 7 == 0 ? UInt8.random(in: 0...255, using: &generator) : Array("BT /f-0-0 9.5 Tf (texto) Tj ET\n".utf8)[k % 31] }
    }
  }

  @Test func deflatedBytesInflateToTheSame() throws {
    for bytes in Self.contents() {
      let packed = try #require(Zlib.deflate(bytes))
      #expect(Zlib.inflate(packed) == bytes, "\(bytes.count) bytes")
    }
  }

  @Test func aCutOrDamagedStreamIsRejected() throws {
    let packed = try #require(Zlib.deflate(Self.contents()[4]))
    #expect(Zlib.inflate(Array(packed.prefix(packed.count / 2))) == nil)
    #expect(Zlib.inflate(Array("not a zlib stream".utf8)) == nil)
    #expect(Zlib.inflate([]) == nil)
  }
}
