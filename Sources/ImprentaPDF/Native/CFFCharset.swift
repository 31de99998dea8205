/// The glyph → CID map of a CID-keyed CFF table (OpenType's `CFF `): what a PDF reader goes
/// through from a character code of a CIDFontType0 font to a glyph (ISO 32000-1 §9.7.4.2). The
/// native writer writes the original font's glyph ids as codes (Noto CJK: Adobe-Identity-0, a
/// glyph's CID is its id); HarfBuzz's subset renumbers the glyphs but keeps their CIDs, and this
/// map of the subset says whether each code still reaches its glyph.
enum CFFCharset {
  /// The CID of each glyph of `cff`, or nil when it is not CID-keyed or cannot be read.
  static func cids(_ cff: [UInt8]) -> [UInt16]? {
    guard cff.count > 4 else { return nil }
    guard let names = index(cff, at: Int(cff[2])), let top = index(cff, at: names.end), let topDict = top.entries.first else { return nil }
    let ops = dictionary(cff[topDict])
    // ROS (12 30) marks a CID-keyed font; charset (15) and CharStrings (17) offsets.
    guard ops[1230] != nil, let charset = ops[15]?.first, let charStrings = ops[17]?.first else { return nil }
    guard let glyphs = index(cff, at: Int(charStrings)) else { return nil }
    let count = glyphs.entries.count
    var cids: [UInt16] = [0]
    cids.reserveCapacity(count)
    var p = Int(charset)
    guard p >= 0, p < cff.count else { return nil }
    func card16(_ at: Int) -> Int? { at + 1 < cff.count ? Int(cff[at]) << 8 | Int(cff[at + 1]) : nil }
    let format = cff[p]
    p += 1
    switch format {
    case 0:
      while cids.count < count {
        guard let cid = card16(p) else { return nil }
        cids.append(UInt16(cid))
        p += 2
      }
    case 1, 2:
      while cids.count < count {
        guard let first = card16(p) else { return nil }
        let left: Int
        if format == 1 {
          guard p + 2 < cff.count else { return nil }
          left = Int(cff[p + 2])
          p += 3
        } else {
          guard let l = card16(p + 2) else { return nil }
          left = l
          p += 4
        }
        for cid in first...(first + left) where cids.count < count && cid <= 0xFFFF { cids.append(UInt16(cid)) }
      }
    default:
      return nil
    }
    return cids
  }

  /// A CFF INDEX at `at`: its entries' byte ranges and where it ends.
  static func index(_ b: [UInt8], at: Int) -> (entries: [Range<Int>], end: Int)? {
    guard at >= 0, at + 2 <= b.count else { return nil }
    let count = Int(b[at]) << 8 | Int(b[at + 1])
    if count == 0 { return ([], at + 2) }
    guard at + 3 <= b.count else { return nil }
    let size = Int(b[at + 2])
    guard (1...4).contains(size) else { return nil }
    let offsets = at + 3
    guard offsets + (count + 1) * size <= b.count else { return nil }
    func offset(_ k: Int) -> Int {
      var v = 0
      for i in 0..<size { v = v << 8 | Int(b[offsets + k * size + i]) }
      return v
    }
    let base = offsets + (count + 1) * size - 1
    var entries: [Range<Int>] = []
    entries.reserveCapacity(count)
    for k in 0..<count {
      let lo = base + offset(k), hi = base + offset(k + 1)
      guard lo <= hi, hi <= b.count else { return nil }
      entries.append(lo..<hi)
    }
    return (entries, base + offset(count))
  }

  /// A DICT's operators with their operands (two-byte operators as 1200 + the second byte).
  static func dictionary(_ d: ArraySlice<UInt8>) -> [Int: [Double]] {
    var result: [Int: [Double]] = [:]
    var operands: [Double] = []
    var i = d.startIndex
    while i < d.endIndex {
      let b0 = Int(d[i])
      switch b0 {
      case 0...21:
        var op = b0
        if b0 == 12, i + 1 < d.endIndex {
          op = 1200 + Int(d[i + 1])
          i += 1
        }
        result[op] = operands
        operands = []
        i += 1
      case 28:
        guard i + 2 < d.endIndex else { return result }
        operands.append(Double(Int16(bitPattern: UInt16(d[i + 1]) << 8 | UInt16(d[i + 2]))))
        i += 3
      case 29:
        guard i + 4 < d.endIndex else { return result }
        let v = UInt32(d[i + 1]) << 24 | UInt32(d[i + 2]) << 16 | UInt32(d[i + 3]) << 8 | UInt32(d[i + 4])
        operands.append(Double(Int32(bitPattern: v)))
        i += 5
      case 30:
        // A real: nibbles up to 0xf (its value does not matter here).
        i += 1
        while i < d.endIndex, d[i] & 0x0F != 0x0F, d[i] >> 4 != 0x0F { i += 1 }
        i += 1
        operands.append(0)
      case 32...246:
        operands.append(Double(b0 - 139))
        i += 1
      case 247...250:
        guard i + 1 < d.endIndex else { return result }
        operands.append(Double((b0 - 247) * 256 + Int(d[i + 1]) + 108))
        i += 2
      case 251...254:
        guard i + 1 < d.endIndex else { return result }
        operands.append(Double(-(b0 - 251) * 256 - Int(d[i + 1]) - 108))
        i += 2
      default:
        i += 1
      }
    }
    return result
  }
}
