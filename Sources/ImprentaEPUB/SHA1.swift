/// SHA-1, for content-derived identifiers only (not for security): Foundation on Linux has no
/// hash API and the package takes no crypto dependency for one identifier.
struct SHA1 {
  private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
  private var buffer: [UInt8] = []
  private var length: UInt64 = 0

  init() { buffer.reserveCapacity(64) }

  mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
    let input = Array(bytes)
    length &+= UInt64(input.count)
    var i = 0
    // Top up a partial block first, then hash whole blocks straight from the input.
    if !buffer.isEmpty {
      let take = min(64 - buffer.count, input.count)
      buffer += input[0..<take]
      i = take
      if buffer.count == 64 {
        buffer.withUnsafeBufferPointer { block($0) }
        buffer.removeAll(keepingCapacity: true)
      }
    }
    input.withUnsafeBufferPointer { all in
      while i + 64 <= all.count {
        block(UnsafeBufferPointer(rebasing: all[i..<(i + 64)]))
        i += 64
      }
    }
    if i < input.count { buffer += input[i...] }
  }

  mutating func update(_ string: String) { update(string.utf8) }

  /// The 20-byte digest.
  mutating func finalize() -> [UInt8] {
    let bits = length &* 8
    var tail = buffer + [0x80]
    while tail.count % 64 != 56 { tail.append(0) }
    for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
    tail.withUnsafeBufferPointer { all in
      for start in stride(from: 0, to: all.count, by: 64) { block(UnsafeBufferPointer(rebasing: all[start..<(start + 64)])) }
    }
    buffer.removeAll()
    var out: [UInt8] = []
    for word in [h.0, h.1, h.2, h.3, h.4] {
      for i in (0..<4).reversed() { out.append(UInt8(truncatingIfNeeded: word >> (UInt32(i) * 8))) }
    }
    return out
  }

  private var w = [UInt32](repeating: 0, count: 80)

  private mutating func block(_ chunk: UnsafeBufferPointer<UInt8>) {
    for i in 0..<16 {
      w[i] = UInt32(chunk[i * 4]) << 24 | UInt32(chunk[i * 4 + 1]) << 16 | UInt32(chunk[i * 4 + 2]) << 8 | UInt32(chunk[i * 4 + 3])
    }
    for i in 16..<80 {
      let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
      w[i] = x << 1 | x >> 31
    }
    var (a, b, c, d, e) = h
    for i in 0..<80 {
      let f: UInt32, k: UInt32
      switch i {
      case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
      case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
      case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
      default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
      }
      let t = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
      e = d
      d = c
      c = b << 30 | b >> 2
      b = a
      a = t
    }
    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
  }

  /// A name-based (version 5 style) UUID from a digest: `urn:uuid:…`.
  static func uuidURN(_ digest: [UInt8]) -> String {
    var b = Array(digest.prefix(16))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    let hex = b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
    let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
    return "urn:uuid:" + groups.joined(separator: "-")
  }
}
