import ImprentaModel

// Passthrough passages: text between configured delimiters, kept exactly as written.
extension GoldmarkPrepass {
  /// `$$` … `$$` (or another configured pair) opening a paragraph: the lines up to the one that
  /// ends with the closing delimiter, without crossing a blank line.
  mutating func findPassthroughBlocks() {
    var k = 0
    while k < lines.count {
      guard !inFence[k], !consumed[k], k == 0 || isBlank(k - 1) || consumed[k - 1], indent(k) <= 3 else {
        k += 1
        continue
      }
      let c = Array(content(k))
      var matched = false
      for pair in options.passthroughBlock where c.starts(with: pair.open.utf8) {
        let open = Array(pair.open.utf8), close = Array(pair.close.utf8)
        var j = k
        var found: Int?
        while j < lines.count, !isBlank(j), !inFence[j], !consumed[j] {
          var l = j == k ? Array(c.dropFirst(open.count)) : lines[j]
          while let last = l.last, last == 32 || last == 9 || last == 13 { l.removeLast() }
          if l.count >= close.count, Array(l.suffix(close.count)) == close {
            found = j
            break
          }
          j += 1
        }
        guard let end = found else { continue }
        let text = String(decoding: Array(lines[k...end].joined(separator: [10])), as: UTF8.self).trimmingCharacters(in: " \t\r")
        let id = nextID
        nextID += 1
        replace(k...end, id: id)
        replacements.append(.passthroughBlock(id: id, text: text, firstLine: k, lastLine: end))
        k = end + 1
        matched = true
        break
      }
      if !matched { k += 1 }
    }
  }

  /// Inline passages on one line, outside code spans: each becomes an inline placeholder.
  mutating func findPassthroughInlines() {
    let pairs = options.passthroughInline.map { (Array($0.open.utf8), Array($0.close.utf8)) }
    for k in lines.indices where !inFence[k] && !consumed[k] && indent(k) < 4 {
      let l = lines[k]
      guard pairs.contains(where: { p in l.firstRange(of: p.0) != nil }) else { continue }
      var out: [UInt8] = []
      var i = 0
      var unclosed = Set<Int>()  // pairs whose close does not occur again on the line
      var unmatchedRuns = Set<Int>()  // backtick run lengths that do not occur again on the line
      scan: while i < l.count {
        if l[i] == UInt8(ascii: "`") {
          // A code span: copy it whole (an unmatched run of backticks is text).
          var run = 0
          while i + run < l.count, l[i + run] == UInt8(ascii: "`") { run += 1 }
          var j = unmatchedRuns.contains(run) ? l.count : i + run
          var closeAt: Int?
          while j < l.count {
            if l[j] == UInt8(ascii: "`") {
              var r = 0
              while j + r < l.count, l[j + r] == UInt8(ascii: "`") { r += 1 }
              if r == run {
                closeAt = j + r
                break
              }
              j += r
            } else {
              j += 1
            }
          }
          if closeAt == nil { unmatchedRuns.insert(run) }
          let end = closeAt ?? (i + run)
          out += l[i..<end]
          i = end
          continue
        }
        if l[i] == UInt8(ascii: "\\"), i + 1 < l.count, !pairs.contains(where: { l[i...].starts(with: $0.0) }) {
          out += l[i...(i + 1)]
          i += 2
          continue
        }
        for (p, pair) in pairs.enumerated() where !unclosed.contains(p) && l[i...].starts(with: pair.0) {
          let from = i + pair.0.count
          guard let close = l[from...].firstRange(of: pair.1), close.lowerBound > from else {
            unclosed.insert(p)
            continue
          }
          let raw = String(decoding: l[i..<close.upperBound], as: UTF8.self)
          let id = nextID
          nextID += 1
          out += ShortcodeTokens.inline(id)
          replacements.append(.passthroughInline(id: id, text: raw, line: k, column: i + 1))
          i = close.upperBound
          continue scan
        }
        out.append(l[i])
        i += 1
      }
      lines[k] = out
    }
  }
}
