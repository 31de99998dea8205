import ImprentaModel

// Attribute lists at the end of heading lines and on lines of their own after a block.
extension GoldmarkPrepass {
  mutating func findHeadingAttributes() {
    for k in lines.indices where !inFence[k] && !consumed[k] {
      let l = lines[k]
      let i = GoldmarkPrepass.containerPrefixEnd(l)
      // Four columns in with no quote or list marker before: indented code, left alone.
      if indent(k) >= 4, l[..<i].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      let isATX: Bool = {
        var h = i
        while h < l.count, l[h] == UInt8(ascii: "#") { h += 1 }
        return h > i && h - i <= 6 && (h == l.count || l[h] == 32 || l[h] == 9)
      }()
      let isSetext: Bool = {
        guard !isATX, i < l.count, k + 1 < lines.count, !inFence[k + 1], !startsBlock(k) else { return false }
        let next = content(k + 1).filter { $0 != 13 }
        var end = next.count
        while end > 0, next[next.startIndex + end - 1] == 32 { end -= 1 }
        let marks = next.prefix(end)
        return !marks.isEmpty && (marks.allSatisfy { $0 == UInt8(ascii: "=") } || marks.allSatisfy { $0 == UInt8(ascii: "-") })
      }()
      guard isATX || isSetext, let found = AttributeList.trailing(l), found.start > i else { continue }
      headingAttributes[k] = found.attributes
      var length = l.count
      while length > 0, l[length - 1] == 32 || l[length - 1] == 9 || l[length - 1] == 13 { length -= 1 }
      headingLineLengths[k] = length
      var cut = found.start
      while cut > 0, l[cut - 1] == 32 || l[cut - 1] == 9 { cut -= 1 }
      lines[k] = Array(l[..<cut])
    }
  }

  /// Where a line's content starts after quote markers, list markers and indentation
  /// (`> - ### Title` → at `###`).
  static func containerPrefixEnd(_ l: [UInt8]) -> Int {
    var i = 0
    while i < l.count {
      let b = l[i]
      if b == 32 || b == 9 || b == UInt8(ascii: ">") {
        i += 1
      } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && i + 1 < l.count && (l[i + 1] == 32 || l[i + 1] == 9) {
        i += 2
      } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        var j = i
        while j < l.count, j - i < 9, l[j] >= UInt8(ascii: "0") && l[j] <= UInt8(ascii: "9") { j += 1 }
        guard j + 1 < l.count, l[j] == UInt8(ascii: ".") || l[j] == UInt8(ascii: ")"), l[j + 1] == 32 || l[j + 1] == 9 else { return i }
        i = j + 2
      } else {
        return i
      }
    }
    return i
  }

  mutating func findBlockAttributes() {
    for k in lines.indices where k > 0 && !inFence[k] && !consumed[k] && !isBlank(k - 1) && indent(k) < 4 {
      let l = lines[k]
      var i = 0
      while i < l.count, l[i] == 32 || l[i] == 9 || l[i] == UInt8(ascii: ">") { i += 1 }
      guard i < l.count, l[i] == UInt8(ascii: "{"), let attributes = AttributeList.parse(l[i...]) else { continue }
      // The line before must hold something (not only quote markers).
      guard lines[k - 1].contains(where: { $0 != 32 && $0 != 9 && $0 != 13 && $0 != UInt8(ascii: ">") }) else { continue }
      blockAttributes[k] = attributes
      lines[k] = Array(l[..<i])
    }
  }
}
