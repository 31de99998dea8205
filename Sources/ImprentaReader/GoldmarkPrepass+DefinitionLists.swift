import ImprentaModel

// Definition lists: terms (paragraph lines) followed by `: definition` lines.
extension GoldmarkPrepass {
  mutating func findDefinitionLists() {
    var i = 0
    while i < lines.count {
      guard isDefinitionStart(i) else {
        i += 1
        continue
      }
      var t = i - 1
      var loose = false
      if t >= 0, isBlank(t) {
        t -= 1
        loose = true
      }
      guard isTermLine(t) else {
        i += 1
        continue
      }
      var s = t
      while isTermLine(s - 1) { s -= 1 }
      guard s == 0 || isBlank(s - 1) || endsBlock(s - 1) else {
        i += 1
        continue
      }
      let (list, next) = definitionList(terms: s...t, firstDefinition: i, loose: loose)
      let id = nextID
      nextID += 1
      replace(list.firstLine...list.lastLine, id: id)
      replacements.append(.definitionList(id: id, list))
      i = next
    }
  }

  /// The list whose first item's terms are `terms` and first definition is at `firstDefinition`;
  /// and the line to go on from.
  func definitionList(terms: ClosedRange<Int>, firstDefinition: Int, loose: Bool) -> (RawDefinitionList, Int) {
    var list = RawDefinitionList()
    list.firstLine = terms.lowerBound
    list.isTight = !loose
    var termLines = terms
    var k = firstDefinition
    while true {
      var item = RawDefinitionList.Item()
      item.terms = termLines.map { ($0, String(decoding: content($0), as: UTF8.self).trimmingCharacters(in: " \t\r")) }
      var previousEnd = termLines.upperBound
      while k < lines.count {
        // Definitions of this item: at `k`, or after blank lines.
        var d = k
        while d < lines.count, isBlank(d) { d += 1 }
        guard isDefinitionStart(d) else { break }
        if d > previousEnd + 1 { list.isTight = false }
        let (text, last, next) = definition(at: d)
        item.definitions.append((d, text))
        previousEnd = last
        list.lastLine = last
        k = next
      }
      list.items.append(item)
      // A next item: terms (after blank lines) directly followed by a definition.
      var m = k
      while m < lines.count, isBlank(m) { m += 1 }
      guard isTermLine(m) else { break }
      var p = m
      while isTermLine(p + 1) { p += 1 }
      if isDefinitionStart(p + 1) {
        k = p + 1
      } else if p + 2 < lines.count, isBlank(p + 1), isDefinitionStart(p + 2) {
        k = p + 2
        list.isTight = false
      } else {
        break
      }
      termLines = m...p
    }
    return (list, list.lastLine + 1)
  }

  /// The definition starting at line `k`: its text (dedented), its last line, the next line.
  func definition(at k: Int) -> (String, Int, Int) {
    let line = lines[k]
    var i = 0
    while line[i] != UInt8(ascii: ":") { i += 1 }
    i += 1
    var col = i, spaces = 0
    while i < line.count, line[i] == 32 || line[i] == 9, spaces < 4 {
      spaces += line[i] == 9 ? 4 - col % 4 : 1
      col += line[i] == 9 ? 4 - col % 4 : 1
      i += 1
    }
    let contentIndent = max(2, min(col, 4))
    var body: [[UInt8]] = [Array(line[i...])]
    var last = k
    var j = k + 1
    while j < lines.count {
      if isBlank(j) {
        var m = j
        while m < lines.count, isBlank(m) { m += 1 }
        guard m < lines.count, !isDefinitionStart(m), indent(m) >= 2 else { break }
        for _ in j..<m { body.append([]) }
        j = m
        continue
      }
      if isDefinitionStart(j) || consumed[j] { break }
      let lazy = indent(j) == 0 && !isBlank(j - 1)
      if indent(j) == 0 && (!lazy || startsBlock(j) || isDefinitionStart(j + 1)) { break }
      if indent(j) == 0 && j + 2 < lines.count && isBlank(j + 1) && isDefinitionStart(j + 2) { break }
      body.append(dedented(j, by: contentIndent))
      last = j
      j += 1
    }
    let text = String(decoding: Array(body.joined(separator: [10])), as: UTF8.self)
    return (text, last, last + 1)
  }

  /// Line `k` without up to `columns` columns of leading white space.
  func dedented(_ k: Int, by columns: Int) -> [UInt8] {
    let l = lines[k]
    var i = 0, col = 0
    while i < l.count, col < columns, l[i] == 32 || l[i] == 9 {
      col += l[i] == 9 ? 4 - col % 4 : 1
      i += 1
    }
    return Array(l[i...])
  }

  /// Lines `range` become one block placeholder for `id`.
  mutating func replace(_ range: ClosedRange<Int>, id: Int) {
    let token = ShortcodeTokens.block(id, newlines: range.count - 1, prefix: [])
    let parts = token.split(separator: 10, omittingEmptySubsequences: false)
    for (k, line) in zip(range, parts) {
      lines[k] = Array(line)
      consumed[k] = true
    }
  }
}
