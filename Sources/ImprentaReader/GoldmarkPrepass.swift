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
  /// The next placeholder id to hand out.
  var nextID: Int

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
}
