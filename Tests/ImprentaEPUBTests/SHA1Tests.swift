@testable import ImprentaEPUB
import Testing

@Suite struct SHA1Tests {
  func hex(_ input: [UInt8], chunks: Int = 1) -> String {
    var sha = SHA1()
    let size = max(1, input.count / chunks)
    var i = 0
    while i < input.count {
      sha.update(input[i..<min(i + size, input.count)])
      i += size
    }
    return sha.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  @Test func standardVectors() {
    #expect(hex([]) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(hex(long) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    #expect(hex(long, chunks: 7) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    #expect(hex([UInt8](repeating: 0x61, count: 1_000_000), chunks: 13) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
  }

  @Test func uuidHasVersion5AndVariantBits() {
    let urn = SHA1.uuidURN([UInt8](repeating: 0xFF, count: 20))
    #expect(urn == "urn:uuid:ffffffff-ffff-5fff-bfff-ffffffffffff")
  }
}
