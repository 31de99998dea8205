import ImprentaModel

/// One shortcode tag found in a page's Markdown (offsets are UTF-8 byte offsets into the text scanned).
struct ShortcodeTag: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    /// `{{< name >}}`: opens a pair if a closing tag follows, else stands alone.
    case open
    /// `{{< /name >}}`.
    case close
    /// `{{< name />}}`.
    case selfClosing
    /// `{{</* name */>}}`: Hugo's escape, shown literally as `{{< name >}}`.
    case literal(String)
  }
  var kind: Kind
  var name: String
  var arguments: ShortcodeArguments
  /// `{{% %}}` rather than `{{< >}}`.
  var isMarkdown: Bool
  /// Offset of the first `{`.
  var start: Int
  /// Offset just past the last `}`.
  var end: Int
}

/// Finds Hugo shortcode tags in text before Markdown parsing, as Hugo does (shortcodes are found
/// everywhere, code spans and fences included: that is why Hugo has the `/* */` escape).
struct ShortcodeScanner {
  let bytes: [UInt8]
  let file: String
  let lines: LineMap

  init(bytes: [UInt8], file: String, lines: LineMap) {
    self.bytes = bytes
    self.file = file
    self.lines = lines
  }

  /// Every tag, in order. A malformed tag is a warning and becomes an empty literal up to the end
  /// of its line, so no `{{<` survives into any output.
  func scan(diagnostics: inout Diagnostics) -> [ShortcodeTag] {
    var tags: [ShortcodeTag] = []
    var i = 0
    let n = bytes.count
    while i + 2 < n {
      guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{"), bytes[i + 2] == UInt8(ascii: "<") || bytes[i + 2] == UInt8(ascii: "%") else {
        i += 1
        continue
      }
      switch parseTag(at: i) {
      case .success(let tag):
        tags.append(tag)
        i = tag.end
      case .failure(let problem):
        let r = lines.range(from: i, to: i + 3)
        diagnostics.report(.invalidShortcode, problem.message, file: file, at: r)
        tags.append(ShortcodeTag(kind: .literal(""), name: "", arguments: .init(), isMarkdown: false, start: i, end: problem.resumeAt))
        i = problem.resumeAt
      }
    }
    return tags
  }

  struct Problem: Error {
    var message: String
    var resumeAt: Int
  }

  func parseTag(at start: Int) -> Result<ShortcodeTag, Problem> {
    let delim = bytes[start + 2]
    let isMarkdown = delim == UInt8(ascii: "%")
    let closer = isMarkdown ? delim : UInt8(ascii: ">")
    let n = bytes.count
    func closes(_ j: Int) -> Bool {
      j + 2 < n && bytes[j] == closer && bytes[j + 1] == UInt8(ascii: "}") && bytes[j + 2] == UInt8(ascii: "}")
    }
    func lineEnd(_ j: Int) -> Int {
      var k = j
      while k < n, bytes[k] != 10 { k += 1 }
      return k
    }
    var j = start + 3
    // Hugo's escape: {{</* … */>}} is shown as {{< … >}}.
    if j + 1 < n, bytes[j] == UInt8(ascii: "/"), bytes[j + 1] == UInt8(ascii: "*") {
      var k = j + 2
      while k + 4 < n + 1 {
        if k + 1 < n, bytes[k] == UInt8(ascii: "*"), bytes[k + 1] == UInt8(ascii: "/"), closes(k + 2) {
          let inner = String(decoding: bytes[(j + 2)..<k], as: UTF8.self)
          let open = isMarkdown ? "{{%" : "{{<", close = isMarkdown ? "%}}" : ">}}"
          return .success(ShortcodeTag(kind: .literal(open + inner + close), name: "", arguments: .init(), isMarkdown: isMarkdown, start: start, end: k + 5))
        }
        k += 1
      }
      return .failure(Problem(message: "shortcode comment '{{\(isMarkdown ? "%" : "<")/*' is never closed with '*/\(isMarkdown ? "%" : ">")}}'", resumeAt: lineEnd(start)))
    }
    func skipSpace() { while j < n, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13 { j += 1 } }
    skipSpace()
    var isClose = false
    if j < n, bytes[j] == UInt8(ascii: "/") {
      isClose = true
      j += 1
      skipSpace()
    }
    let nameStart = j
    while j < n, isNameByte(bytes[j]) { j += 1 }
    let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
    if name.isEmpty {
      return .failure(Problem(message: "shortcode without a name", resumeAt: lineEnd(start)))
    }
    var args = ShortcodeArguments()
    var selfClosing = false
    while true {
      skipSpace()
      if j >= n { return .failure(Problem(message: "shortcode '\(name)' is never closed with '\(isMarkdown ? "%" : ">")}}'", resumeAt: lineEnd(start))) }
      if closes(j) {
        j += 3
        break
      }
      if bytes[j] == UInt8(ascii: "/") {
        var k = j + 1
        while k < n, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
        if closes(k) {
          selfClosing = true
          j = k + 3
          break
        }
      }
      guard let (first, next) = value(at: j, closes: closes) else {
        return .failure(Problem(message: "shortcode '\(name)' has an unterminated quoted argument", resumeAt: lineEnd(start)))
      }
      j = next
      if j < n, bytes[j] == UInt8(ascii: "="), !first.quoted {
        j += 1
        guard let (v, after) = value(at: j, closes: closes) else {
          return .failure(Problem(message: "shortcode '\(name)' has an unterminated quoted argument", resumeAt: lineEnd(start)))
        }
        args.named.append(KeyValue(first.text, v.text))
        j = after
      } else {
        args.positional.append(first.text)
      }
    }
    let kind: ShortcodeTag.Kind = isClose ? .close : selfClosing ? .selfClosing : .open
    return .success(ShortcodeTag(kind: kind, name: name, arguments: args, isMarkdown: isMarkdown, start: start, end: j))
  }

  /// A quoted (`"…"` with `\` escapes), raw (`` `…` ``) or bare value at `j`.
  func value(at start: Int, closes: (Int) -> Bool) -> ((text: String, quoted: Bool), Int)? {
    let n = bytes.count
    var j = start
    guard j < n else { return nil }
    if bytes[j] == UInt8(ascii: "\"") {
      var out: [UInt8] = []
      j += 1
      while j < n, bytes[j] != UInt8(ascii: "\"") {
        if bytes[j] == UInt8(ascii: "\\"), j + 1 < n {
          j += 1
          switch bytes[j] {
          case UInt8(ascii: "n"): out.append(10)
          case UInt8(ascii: "t"): out.append(9)
          default: out.append(bytes[j])
          }
        } else {
          out.append(bytes[j])
        }
        j += 1
      }
      guard j < n else { return nil }
      return ((String(decoding: out, as: UTF8.self), true), j + 1)
    }
    if bytes[j] == UInt8(ascii: "`") {
      var k = j + 1
      while k < n, bytes[k] != UInt8(ascii: "`") { k += 1 }
      guard k < n else { return nil }
      return ((String(decoding: bytes[(j + 1)..<k], as: UTF8.self), true), k + 1)
    }
    while j < n, !(bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13), !closes(j), bytes[j] != UInt8(ascii: "=") {
      if bytes[j] == UInt8(ascii: "/") {
        var k = j + 1
        while k < n, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
        if closes(k) { break }
      }
      j += 1
    }
    if j == start { j += 1 }  // a lone '=' or other stray byte: take it, so scanning moves on
    return ((String(decoding: bytes[start..<j], as: UTF8.self), false), j)
  }

  func isNameByte(_ b: UInt8) -> Bool {
    (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
      || b == UInt8(ascii: ".") || b == UInt8(ascii: "/") || b >= 0x80
  }
}

/// Maps byte offsets of a text to 1-based source lines and columns, from a base position.
struct LineMap: Sendable {
  /// Offsets where each line starts.
  let starts: [Int]
  /// The source line of the text's first line.
  let firstLine: Int
  /// The source column of the text's first byte.
  let firstColumn: Int

  init(_ bytes: [UInt8], firstLine: Int, firstColumn: Int = 1) {
    var s = [0]
    for (i, b) in bytes.enumerated() where b == 10 { s.append(i + 1) }
    starts = s
    self.firstLine = firstLine
    self.firstColumn = firstColumn
  }

  func position(_ offset: Int) -> SourcePosition {
    var lo = 0, hi = starts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let column = offset - starts[lo] + 1 + (lo == 0 ? firstColumn - 1 : 0)
    return SourcePosition(line: firstLine + lo, column: column)
  }

  /// The range of bytes `from..<to` (end inclusive).
  func range(from: Int, to: Int) -> SourceRange {
    SourceRange(start: position(from), end: position(max(from, to - 1)))
  }
}
