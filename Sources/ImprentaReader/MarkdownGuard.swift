import ImprentaModel

/// Bounds what cmark-gfm gets, measured before it parses. Debian 12's cmark-gfm 0.29.0.gfm.6
/// runs far past linear time on some of cmark's pathological inputs (deeply nested block quotes
/// and lists followed by empty lines, emphasis in a deep block quote, `![[]()` repeated,
/// thousands of emphasis openers and closers, tables that pad every short row to thousands of
/// columns). This is not a Markdown parser: it looks at line prefixes and counts punctuation per
/// block (a run of non-blank lines), and only acts past limits real pages do not reach. Text
/// always stays; markup past a limit becomes literal text (escaped with a backslash) or is
/// flattened, with a warning.
///
/// One linear pass over the bytes; lines are never added or removed, so cmark's line numbers
/// still match the file.
struct MarkdownGuard {
  /// Most block containers (`>` markers and list markers) at the start of one line.
  static let maximumContainerDepth = 100
  /// Most columns of indentation kept before a line's content (indentation nests lists too).
  static let maximumIndent = 400
  /// Most link/image brackets (`[`, `]`) in one block; the rest are escaped.
  static let bracketBudget = 1_000
  /// Most emphasis delimiters (`*`, `_`, `~`) in one block; the rest are escaped.
  static let delimiterBudget = 2_000
  /// Most `<` in one block (each may start a scan for the end of raw HTML); the rest are escaped.
  static let angleBudget = 5_000
  /// Most cells a table may have once cmark-gfm pads every row to the header's width.
  static let tableCellBudget = 200_000

  let file: String
  /// Lines before the Markdown in the file.
  let lineOffset: Int

  private struct Fence {
    var char: UInt8
    var length: Int
    var quotes: Int
    var minimumColumn: Int
  }

  /// The guarded text, or nil when nothing had to change (the common case: no copy is made).
  func guarded(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> [UInt8]? {
    let n = bytes.count
    var out: [UInt8] = []
    var changed = false
    var warned: Set<String> = []
    func warn(_ key: String, _ code: DiagnosticCode, _ message: String, line: Int, column: Int) {
      guard warned.insert(key).inserted else { return }
      diagnostics.warning(code, message, file: file, at: SourceRange(line + lineOffset, column, line + lineOffset, column))
    }
    var brackets = 0, delimiters = 0, angles = 0
    var fence: Fence?
    var lineNumber = 0
    var start = 0
    var linesLeftInBlock = 0  // non-blank lines from this one to the end of the block (0: unknown)
    while start < n {
      lineNumber += 1
      var end = start
      while end < n, bytes[end] != 10 { end += 1 }

      // 1. The container prefix: `>` markers, list markers and the spaces between them.
      var i = start, depth = 0, quotes = 0, column = 0
      var keepUntil = start  // end of the last marker within the depth limit
      var prefixEnd = start
      while true {
        var j = i
        while j < end, bytes[j] == 32 || bytes[j] == 9 {
          column += bytes[j] == 9 ? 4 - column % 4 : 1
          j += 1
        }
        prefixEnd = j
        guard j < end else { break }
        let c = bytes[j]
        var markerEnd: Int?
        if c == UInt8(ascii: ">") {
          markerEnd = j + 1
          quotes += 1
        } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
          if j + 1 < end, bytes[j + 1] == 32 || bytes[j + 1] == 9 { markerEnd = j + 1 }
        } else if c >= 48 && c <= 57 {
          var k = j
          while k < end, k - j < 10, bytes[k] >= 48 && bytes[k] <= 57 { k += 1 }
          if k + 1 < end, bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: ")"), bytes[k + 1] == 32 || bytes[k + 1] == 9 {
            markerEnd = k + 1
          }
        }
        guard let m = markerEnd else { break }
        column += m - j
        depth += 1
        if depth <= MarkdownGuard.maximumContainerDepth { keepUntil = m }
        i = m
      }
      let blank = prefixEnd == end || bytes[prefixEnd..<end].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
      var prefix: [UInt8]?
      if depth > MarkdownGuard.maximumContainerDepth {
        warn(
          "depth", .nestingTooDeep,
          "a line opens \(depth) nested block quotes or lists; those past \(MarkdownGuard.maximumContainerDepth) are flattened (their text is kept)",
          line: lineNumber, column: 1)
        prefix = cutIndentation(bytes[start..<keepUntil]) + [32]
      } else if column > MarkdownGuard.maximumIndent {
        warn(
          "indent", .nestingTooDeep, "a line is indented \(column) columns; indentation past \(MarkdownGuard.maximumIndent) columns is dropped",
          line: lineNumber, column: 1)
        prefix = cutIndentation(bytes[start..<prefixEnd])
      }

      if blank {
        brackets = 0
        delimiters = 0
        angles = 0
        linesLeftInBlock = 0
      } else if linesLeftInBlock == 0 {
        // Count this block's lines once (tables need it), so the pass stays linear.
        var k = start
        while k < n {
          var e = k
          var content = false
          while e < n, bytes[e] != 10 {
            let b = bytes[e]
            if b != 32, b != 9, b != 13, b != UInt8(ascii: ">") { content = true }
            e += 1
          }
          if !content { break }
          linesLeftInBlock += 1
          k = e + 1
        }
        linesLeftInBlock = max(linesLeftInBlock, 1)
      }

      // 2. Fenced code is left alone (escapes would show in it).
      var inCode = fence != nil
      if let f = fence, !blank, quotes < f.quotes || column < f.minimumColumn {
        fence = nil  // the container holding the fence ended
        inCode = false
      }
      if !blank, prefixEnd + 2 < end, bytes[prefixEnd] == UInt8(ascii: "`") || bytes[prefixEnd] == UInt8(ascii: "~") {
        let c = bytes[prefixEnd]
        var k = prefixEnd
        while k < end, bytes[k] == c { k += 1 }
        let length = k - prefixEnd
        if length >= 3 {
          if let f = fence {
            if f.char == c, length >= f.length, bytes[k..<end].allSatisfy({ $0 == 32 || $0 == 9 }) { fence = nil }
            inCode = true
          } else if c == UInt8(ascii: "~") || !bytes[k..<end].contains(c) {
            var indent = 0
            var w = prefixEnd
            while w > start, bytes[w - 1] == 32, indent < 3 {
              indent += 1
              w -= 1
            }
            fence = Fence(char: c, length: length, quotes: quotes, minimumColumn: column - indent)
            inCode = true
          }
        }
      }

      // 3. A table delimiter row whose columns × rows pass the budget is broken (escaped).
      var breakTable = false
      if !inCode, !blank, let columns = delimiterRowColumns(bytes, prefixEnd..<end),
        columns > 1 || bytes[prefixEnd..<end].contains(UInt8(ascii: "|")),
        columns * linesLeftInBlock > MarkdownGuard.tableCellBudget
      {
        breakTable = true
        warn(
          "table", .tableTooLarge,
          "a table of \(columns) columns and \(linesLeftInBlock) rows passes \(MarkdownGuard.tableCellBudget) cells; it is kept as plain text",
          line: lineNumber, column: 1)
      }

      // 4. Inline punctuation budgets, per block, outside fenced code.
      var body: [UInt8]?
      if !inCode && !blank {
        var k = prefixEnd
        var copyFrom = prefixEnd
        while k < end {
          let c = bytes[k]
          if c == 92 {  // a backslash: the next byte is literal already
            k += 2
            continue
          }
          var escape = false
          switch c {
          case UInt8(ascii: "["), UInt8(ascii: "]"):
            brackets += 1
            if brackets > MarkdownGuard.bracketBudget {
              escape = true
              warn(
                "brackets", .tooManyDelimiters,
                "more than \(MarkdownGuard.bracketBudget) brackets in one paragraph; the rest are kept as literal text, not links",
                line: lineNumber, column: k - start + 1)
            }
          case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            delimiters += 1
            if delimiters > MarkdownGuard.delimiterBudget {
              escape = true
              warn(
                "delimiters", .tooManyDelimiters,
                "more than \(MarkdownGuard.delimiterBudget) emphasis markers in one paragraph; the rest are kept as literal text",
                line: lineNumber, column: k - start + 1)
            }
          case UInt8(ascii: "<"):
            angles += 1
            if angles > MarkdownGuard.angleBudget {
              escape = true
              warn(
                "angles", .tooManyDelimiters,
                "more than \(MarkdownGuard.angleBudget) '<' in one paragraph; the rest are kept as literal text, not HTML",
                line: lineNumber, column: k - start + 1)
            }
          case UInt8(ascii: "-"):
            if breakTable {
              escape = true
              breakTable = false
            }
          default: break
          }
          if escape {
            if body == nil { body = [] }
            body! += bytes[copyFrom..<k]
            body!.append(92)
            copyFrom = k
          }
          k += 1
        }
        if body != nil { body! += bytes[copyFrom..<end] }
      }
      if linesLeftInBlock > 0 { linesLeftInBlock -= 1 }
      if blank { linesLeftInBlock = 0 }

      if prefix != nil || body != nil {
        if !changed {
          changed = true
          out.reserveCapacity(n + n / 8)
          out += bytes[0..<start]
        }
        if let prefix {
          out += prefix
          if depth > MarkdownGuard.maximumContainerDepth {
            // Drop the whitespace that followed the dropped markers.
            var s = prefixEnd
            while s < end, bytes[s] == 32 || bytes[s] == 9 { s += 1 }
            if body == nil { out += bytes[s..<end] }
          } else if body == nil {
            out += bytes[prefixEnd..<end]
          }
        } else {
          out += bytes[start..<prefixEnd]
        }
        if let body { out += body }
        if end < n { out.append(10) }
      } else if changed {
        out += bytes[start..<min(end + 1, n)]
      }
      start = end + 1
    }
    return changed ? out : nil
  }

  /// A line prefix (markers and whitespace) with its whitespace cut so it spans at most
  /// `maximumIndent` columns; markers keep one space after them.
  func cutIndentation(_ prefix: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    var column = 0
    for b in prefix {
      if b == 32 || b == 9 {
        let width = b == 9 ? 4 - column % 4 : 1
        if column + width <= MarkdownGuard.maximumIndent {
          out += [UInt8](repeating: 32, count: width)
          column += width
        } else if let last = out.last, last != 32 {
          out.append(32)
          column += 1
        }
      } else {
        out.append(b)
        column += 1
      }
    }
    return out
  }

  /// The number of columns when `range` is a GFM table delimiter row (`| --- | :-: |`).
  func delimiterRowColumns(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var columns = 0
    var inCell = false
    var sawDash = false
    for k in range {
      switch bytes[k] {
      case UInt8(ascii: "-"):
        if !inCell { columns += 1 }
        inCell = true
        sawDash = true
      case UInt8(ascii: ":"):
        if !inCell { columns += 1 }
        inCell = true
      case UInt8(ascii: "|"):
        inCell = false
      case 32, 9, 11, 12, 13: continue
      default: return nil
      }
    }
    return sawDash ? columns : nil
  }
}
