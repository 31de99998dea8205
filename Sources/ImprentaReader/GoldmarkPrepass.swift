import ImprentaModel

/// The line-level syntax Hugo's Goldmark reads and cmark-gfm does not, found before cmark-gfm
/// parses the text: heading attribute lists (`## Title {#id .class}`), block attribute lines
/// (`{.note}` after a paragraph), definition lists, and passthrough passages (`$$ … $$`).
///
/// What it finds is taken out of the lines (an attribute list is blanked; a definition list or
/// a passthrough passage becomes a placeholder spanning the same lines, see `ShortcodeTokens`),
/// so cmark-gfm never prints it and line numbers still match the file. One pass over the lines,
/// each line looked at a bounded number of times: linear in the text.
struct GoldmarkPrepass {
  /// A definition list as found: its terms' and definitions' source text.
  struct RawDefinitionList {
    struct Item {
      /// Each term: its line (0-based) and text.
      var terms: [(line: Int, text: String)] = []
      /// Each definition: its first line (0-based) and its text, dedented.
      var definitions: [(line: Int, text: String)] = []
    }
    var items: [Item] = []
    var isTight = true
    var firstLine = 0
    var lastLine = 0
  }

  /// What replaced a run of lines or a piece of a line.
  enum Replacement {
    case definitionList(id: Int, RawDefinitionList)
    case passthroughBlock(id: Int, text: String, firstLine: Int, lastLine: Int)
    case passthroughInline(id: Int, text: String, line: Int, column: Int)
  }

  let options: MarkupOptions
  /// Whether definition lists are recognised (not past the nesting limit).
  let definitionLists: Bool
  var lines: [[UInt8]]
  var inFence: [Bool]
  var consumed: [Bool]
  /// Attribute lists found at the end of heading lines, by line (0-based).
  var headingAttributes: [Int: Attributes] = [:]
  /// The length in bytes those heading lines had with their attribute list (for source ranges).
  var headingLineLengths: [Int: Int] = [:]
  /// Attribute lines (block attributes), by line (0-based).
  var blockAttributes: [Int: Attributes] = [:]
  var replacements: [Replacement] = []
  private var nextID: Int

  init(lines: [[UInt8]], options: MarkupOptions, definitionLists: Bool, firstID: Int) {
    self.lines = lines
    self.options = options
    self.definitionLists = definitionLists && options.definitionLists
    inFence = GoldmarkPrepass.fences(lines)
    consumed = Array(repeating: false, count: lines.count)
    nextID = firstID
  }

  /// Runs every recognizer the options ask for.
  mutating func run() {
    if definitionLists { findDefinitionLists() }
    if !options.passthroughBlock.isEmpty { findPassthroughBlocks() }
    if !options.passthroughInline.isEmpty { findPassthroughInlines() }
    if options.headingAttributes { findHeadingAttributes() }
    if options.blockAttributes { findBlockAttributes() }
  }

  /// The lines joined again.
  var text: String {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    for (k, l) in lines.enumerated() {
      if k > 0 { out.append(10) }
      out += l
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Line classes

  /// Which lines are inside fenced code (the fences included). Fences are recognised after any
  /// indentation and quote markers, so fenced code in list items and quotes is skipped too.
  static func fences(_ lines: [[UInt8]]) -> [Bool] {
    var out = Array(repeating: false, count: lines.count)
    var open: (char: UInt8, count: Int)?
    for (k, line) in lines.enumerated() {
      var i = 0
      while i < line.count, line[i] == 32 || line[i] == 9 || line[i] == UInt8(ascii: ">") { i += 1 }
      var run = 0
      let c: UInt8 = i < line.count ? line[i] : 0
      if c == UInt8(ascii: "`") || c == UInt8(ascii: "~") {
        while i + run < line.count, line[i + run] == c { run += 1 }
      }
      if let o = open {
        out[k] = true
        if c == o.char, run >= o.count, line[(i + run)...].allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { open = nil }
      } else if run >= 3, !(c == UInt8(ascii: "`") && line[(i + run)...].contains(UInt8(ascii: "`"))) {
        out[k] = true
        open = (c, run)
      }
    }
    return out
  }

  func isBlank(_ k: Int) -> Bool {
    lines[k].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
  }

  /// Leading columns of white space (a tab counts to the next multiple of 4).
  func indent(_ k: Int) -> Int {
    var col = 0
    for b in lines[k] {
      if b == 32 { col += 1 } else if b == 9 { col += 4 - col % 4 } else { break }
    }
    return col
  }

  /// The line without its leading white space.
  func content(_ k: Int) -> ArraySlice<UInt8> {
    let l = lines[k]
    var i = 0
    while i < l.count, l[i] == 32 || l[i] == 9 { i += 1 }
    return l[i...]
  }

  /// `: definition` (at most 3 columns in, outside code).
  func isDefinitionStart(_ k: Int) -> Bool {
    guard k < lines.count, !inFence[k], !consumed[k], indent(k) <= 3 else { return false }
    let c = content(k)
    guard c.count >= 2, c.first == UInt8(ascii: ":") else { return false }
    let next = c[c.startIndex + 1]
    return (next == 32 || next == 9) && !c.dropFirst(2).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
  }

  /// A line that starts a block other than a paragraph (so it cannot be a term nor a lazy line).
  func startsBlock(_ k: Int) -> Bool {
    if inFence[k] { return true }
    let c = content(k)
    guard let first = c.first else { return false }
    switch first {
    case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "="):
      return true
    case UInt8(ascii: "<"):
      // An HTML tag, comment or declaration; not an autolink (`<https://…>` can be a term).
      guard c.count > 1 else { return false }
      let next = c[c.startIndex + 1]
      if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") { return true }
      let name = c.dropFirst().prefix { $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || Character(Unicode.Scalar($0)).isNumber || $0 == UInt8(ascii: "-")) }
      guard let first = name.first, Character(Unicode.Scalar(first)).isLetter else { return false }
      let after = c.dropFirst(1 + name.count).first
      return after == nil || after == 32 || after == 9 || after == 13 || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
    case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "_"):
      if c.count == 1 { return true }
      let second = c[c.startIndex + 1]
      if second == 32 || second == 9 { return true }  // list item
      let marks = c.filter { $0 != 32 && $0 != 9 && $0 != 13 }
      return marks.count >= 3 && marks.allSatisfy { $0 == first }  // thematic break
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      let digits = c.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      guard digits.count <= 9, c.count > digits.count else { return false }
      let after = c[c.startIndex + digits.count]
      guard after == UInt8(ascii: ".") || after == UInt8(ascii: ")") else { return false }
      return c.count == digits.count + 1 || c[c.startIndex + digits.count + 1] == 32 || c[c.startIndex + digits.count + 1] == 9
    case UInt8(ascii: "{"):
      return options.blockAttributes && AttributeList.parse(c) != nil
    default:
      return false
    }
  }

  /// A line that can be a term: paragraph text at most 3 columns in.
  func isTermLine(_ k: Int) -> Bool {
    k >= 0 && k < lines.count && !consumed[k] && !isBlank(k) && indent(k) <= 3 && !startsBlock(k) && !isDefinitionStart(k)
  }

  /// A line after which a paragraph (the terms) may start: a heading, a fence's end, a break.
  func endsBlock(_ k: Int) -> Bool {
    if consumed[k] || inFence[k] { return true }
    let c = content(k)
    return c.first == UInt8(ascii: "#") || (startsBlock(k) && c.first != UInt8(ascii: ">") && c.first != UInt8(ascii: "<") && !isListItem(k))
  }

  func isListItem(_ k: Int) -> Bool {
    let c = content(k)
    guard let first = c.first else { return false }
    if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { return startsBlock(k) }
    return [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(first) && c.count > 1 && (c[c.startIndex + 1] == 32 || c[c.startIndex + 1] == 9)
  }

  // MARK: - Definition lists

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

  // MARK: - Link reference definitions

  /// The page's one-line link reference definitions (`[label]: url "title"`), by normalised
  /// label: a definition's text is read by a converter of its own, which must know them.
  func referenceDefinitions() -> [String: String] {
    var out: [String: String] = [:]
    for k in lines.indices where !inFence[k] && !consumed[k] && indent(k) <= 3 {
      let c = content(k)
      guard c.first == UInt8(ascii: "["), let close = c.firstIndex(of: UInt8(ascii: "]")), close + 1 < c.endIndex, c[close + 1] == UInt8(ascii: ":") else { continue }
      let label = GoldmarkPrepass.normalizedLabel(c[(c.startIndex + 1)..<close])
      if !label.isEmpty, out[label] == nil { out[label] = String(decoding: c, as: UTF8.self) }
    }
    return out
  }

  /// A reference label as cmark matches it: case folded, inner white space collapsed.
  static func normalizedLabel<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
  }

  /// The labels `text` may use (`[label]`, `[text][label]`), normalised: each `[` to the next `]`
  /// (found with one backward pass, so 100,000 `[` cost linear time), at most 999 bytes.
  static func bracketedLabels(in text: String) -> Set<String> {
    let bytes = Array(text.utf8)
    guard bytes.contains(UInt8(ascii: "[")) else { return [] }
    var nextClose = Array(repeating: -1, count: bytes.count + 1)
    for i in stride(from: bytes.count - 1, through: 0, by: -1) {
      nextClose[i] = bytes[i] == UInt8(ascii: "]") ? i : nextClose[i + 1]
    }
    var out = Set<String>()
    for i in bytes.indices where bytes[i] == UInt8(ascii: "[") {
      let close = nextClose[i + 1]
      guard close > i, close - i <= 1000 else { continue }
      out.insert(normalizedLabel(bytes[(i + 1)..<close]))
    }
    return out
  }

  // MARK: - Attributes

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

  // MARK: - Passthrough

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
