import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import ImprentaText
import Testing

/// Invariants that hold for any document, checked on seeded random documents.
@Suite struct PropertyTests {
  static let seeds: [UInt64] = Array(1...150)

  /// Why `line` breaks an invariant for a page `columns` wide, or nil when it is fine.
  ///
  /// A line may be wider than the page only when a single word that cannot be broken (a URL, a
  /// long word at a deep indent) is what overflows: once the structure in front of it is taken
  /// away (quote marks, bullets, numbers, task boxes, note and link numbers, and a table
  /// record's short `Header:` label) one word is left.
  static func problem(_ line: Substring, columns: Int) -> String? {
    if line.last == " " { return "trailing space" }
    let width = DisplayWidth.of(line)
    guard width > columns else { return nil }
    var tokens = line.split(separator: " ")[...]
    while let first = tokens.first, tokens.count > 1, isStructure(first) { tokens.removeFirst() }
    if tokens.count > 1, let label = tokens.dropLast().lastIndex(where: { $0.hasSuffix(":") }) {
      let labelWidth = tokens[...label].reduce(0) { $0 + DisplayWidth.of($1) + 1 }
      if labelWidth <= columns / 2 { tokens = tokens[(label + 1)...] }
    }
    if tokens.count == 1 { return nil }
    return "\(width) columns, over \(columns), and not one unbreakable word"
  }

  /// Whether a token is layout the writer adds in front of text.
  static func isStructure(_ token: Substring) -> Bool {
    if [">", "*", "-", "+", "[", "]", "[x]"].contains(token) { return true }
    if token.count > 1, token.dropLast().allSatisfy(\.isNumber), token.last == "." || token.last == ")" { return true }
    if token.count > 2, token.first == "[", token.last == "]", token.dropFirst().dropLast().allSatisfy(\.isNumber) { return true }
    if token.count > 2, token.first == "{", token.last == "}", token.dropFirst().dropLast().allSatisfy(\.isNumber) { return true }
    return false
  }

  @Test(arguments: seeds)
  func linesFitOneNewlineAndDeterministic(seed: UInt64) {
    let document = RandomDocument.make(seed: seed)
    for columns in [72, 40, 24] {
      var style = Style()
      style.text.columns = columns
      let first = TextWriter.write(document, style: style)
      let second = TextWriter.write(document, style: style)
      #expect(first == second, "seed \(seed): two runs differ")
      #expect(first.hasSuffix("\n") && !first.hasSuffix("\n\n"), "seed \(seed), \(columns) columns: not exactly one final newline")
      for (n, line) in first.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
        if let problem = PropertyTests.problem(line, columns: columns) {
          Issue.record("seed \(seed), \(columns) columns, line \(n + 1): \(problem)\n\(line)")
        }
      }
    }
  }

  @Test func aDocumentIsTheSameWhateverTheOrderOfRuns() {
    // Rendering other documents in between must not change a document's text (no hidden state).
    let a = RandomDocument.make(seed: 7)
    let before = TextWriter.write(a)
    _ = TextWriter.write(RandomDocument.make(seed: 8))
    #expect(TextWriter.write(a) == before)
  }
}
