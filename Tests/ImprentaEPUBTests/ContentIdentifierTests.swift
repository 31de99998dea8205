@testable import ImprentaEPUB
import ImprentaDigest
import Testing

@Suite struct ContentIdentifierTests {
  func hex(_ algorithm: Digest.Algorithm, _ input: [UInt8], chunks: Int = 1) -> String {
    let digest = Digest(algorithm)
    let size = max(1, input.count / chunks)
    var i = 0
    while i < input.count {
      digest.update(Array(input[i..<min(i + size, input.count)]))
      i += size
    }
    return Digest.hex(digest.finalize())
  }

  @Test func standardVectors() {
    #expect(hex(.sha1, []) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex(.sha1, Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(hex(.sha1, long, chunks: 7) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    #expect(hex(.sha1, [UInt8](repeating: 0x61, count: 1_000_000), chunks: 13) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    #expect(hex(.sha256, Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(hex(.sha256, long, chunks: 5) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func copiesAreIndependentAndFinalizeKeepsTheState() {
    let a = Digest(.sha256)
    a.update("ab")
    let b = a.copy()
    b.update("x")
    a.update("c")
    #expect(Digest.hex(a.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(Digest.hex(a.finalize()) == Digest.hex(a.finalize()))
    #expect(Digest.hex(b.finalize()) != Digest.hex(a.finalize()))
  }

  @Test func uuidHasVersion5AndVariantBits() {
    let urn = ContentIdentifier.uuidURN([UInt8](repeating: 0xFF, count: 20))
    #expect(urn == "urn:uuid:ffffffff-ffff-5fff-bfff-ffffffffffff")
  }
}
