#if canImport(Glibc)
  import Glibc
#endif

extension MarkdownConverter {
  /// The lines of `text` (without their `\n`), as slices of it.
  static func lines(of text: String) -> [Substring] {
    var text = text
    var ends: [Int] = []
    text.withUTF8 { buf in
      guard let base = buf.baseAddress else { return }
      var offset = 0
      while offset < buf.count, let hit = memchr(base + offset, 0x0A, buf.count - offset) {
        let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        ends.append(at)
        offset = at + 1
      }
    }
    let utf8 = text.utf8
    var out: [Substring] = []
    out.reserveCapacity(ends.count + 1)
    var start = utf8.startIndex
    for end in ends {
      let e = utf8.index(utf8.startIndex, offsetBy: end)
      out.append(text[start..<e])
      start = utf8.index(after: e)
    }
    out.append(text[start...])
    return out
  }
}
