import ImprentaModel

/// The nesting budget of front matter (`Budget.frontMatterDepth`), checked before any recursive
/// parse or conversion: a 20,000-component dotted TOML key or `[[[[…` must not overflow the stack.
enum FrontMatterDepth {
  static var limit: Int { Budget.frontMatterDepth.limit }

  /// The error every format reports when its front matter nests past the budget.
  static func error(file: String, line: Int, column: Int = 1, format: String) -> ImprentaError {
    ImprentaError(.frontMatterTooDeep, "\(format) front matter nests deeper than \(limit) levels (tables, lists and dotted key components) \(Budget.frontMatterDepth.clause)",
      file: file, line: line, column: column)
  }

  /// The first line (1-based, in `toml`) where TOML nests past the budget, read from the text
  /// itself in one pass: `[a.b.c]` headers and `a.b.c =` dotted keys count one level per component,
  /// inline tables and arrays one per bracket. An over-estimate at worst, never an under-estimate.
  static func tomlExcess(_ toml: String) -> Int? {
    let b = Array(toml.utf8)
    var i = 0, line = 1
    var header = 0  // components of the current `[table]` header
    var stack: [(brace: Bool, base: Int, keyParts: Int)] = []  // open inline tables and arrays
    var base = 0, keyParts = 0
    var expectKey = true
    var lineStart = true
    func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }
    /// Skips the string starting at `i`; counts its newlines.
    func skipString() {
      let q = b[i]
      let triple = at(i + 1) == q && at(i + 2) == q
      i += triple ? 3 : 1
      while i < b.count {
        let c = b[i]
        if c == 10 {
          line += 1
          if !triple { return }
        }
        if c == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") {
          i += 2
          continue
        }
        if c == q && (!triple || (at(i + 1) == q && at(i + 2) == q)) {
          i += triple ? 3 : 1
          return
        }
        i += 1
      }
    }
    while i < b.count {
      let c = b[i]
      if c == 32 || c == 9 || c == 13 {
        i += 1
        continue
      }
      if c == 10 {
        line += 1
        i += 1
        if stack.isEmpty {
          expectKey = true
          keyParts = 0
          lineStart = true
        }
        continue
      }
      if c == UInt8(ascii: "#") {
        while i < b.count, b[i] != 10 { i += 1 }
        continue
      }
      if lineStart && stack.isEmpty && c == UInt8(ascii: "[") {
        // A table header: one level per component.
        header = 1
        i += 1
        while i < b.count, b[i] != 10, b[i] != UInt8(ascii: "]") {
          if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
            skipString()
            continue
          }
          if b[i] == UInt8(ascii: ".") { header += 1 }
          if header > limit { return line }
          i += 1
        }
        base = header
        while i < b.count, b[i] != 10 { i += 1 }
        continue
      }
      lineStart = false
      if stack.isEmpty && keyParts == 0 && expectKey { base = header }
      switch c {
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        if expectKey && keyParts == 0 { keyParts = 1 }
        skipString()
        continue
      case UInt8(ascii: "=") where expectKey:
        expectKey = false
      case UInt8(ascii: ".") where expectKey:
        keyParts += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let brace = c == UInt8(ascii: "{")
        stack.append((brace, base, keyParts))
        base += keyParts + (brace ? 0 : 1)
        keyParts = 0
        expectKey = brace
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if let frame = stack.popLast() {
          base = frame.base
          keyParts = frame.keyParts
        }
        expectKey = false
      case UInt8(ascii: ","):
        if stack.last?.brace == true {
          expectKey = true
          keyParts = 0
        }
      default:
        if expectKey && keyParts == 0 { keyParts = 1 }
      }
      if base + keyParts > limit { return line }
      i += 1
    }
    return nil
  }
}
