import Foundation
import Imprenta
import Testing

/// cmark's 25 pathological inputs (commonmark/cmark test/pathological_tests.py, plus
/// cmark-gfm's table case and the padded-table blow-up), at the sizes cmark uses, through
/// the reader and every backend. Without the guard, five of these ran for minutes in Debian
/// 12's cmark-gfm 0.29.0.gfm.6.
struct PathologicalCase: CustomTestStringConvertible, Sendable {
  var name: String
  var input: @Sendable (Int) -> String
  /// The diagnostic the guard must give, if the case needs one.
  var code: DiagnosticCode?
  /// A string whose count in the text output must equal `expectedCount` (text is never lost).
  var marker: String? = nil
  var expectedCount: Int = 0
  /// Cases whose count does not scale with the input (one marker in the middle).
  var fixedCount: Bool { expectedCount <= 2 }
  func expected(_ d: Int) -> Int { fixedCount ? expectedCount : expectedCount / d }
  var testDescription: String { name }

  static func r(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

  static let all: [PathologicalCase] = [
    PathologicalCase(name: "nested strong emph", input: { d in r("*a **a ", 32500 / d) + "b" + r(" a** a*", 32500 / d) }, code: .tooManyDelimiters, marker: "b", expectedCount: 1),
    PathologicalCase(name: "many emph closers with no openers", input: { d in r("a_ ", 32500 / d) }, code: .tooManyDelimiters, marker: "_", expectedCount: 32500),
    PathologicalCase(name: "many emph openers with no closers", input: { d in r("_a ", 32500 / d) }, code: .tooManyDelimiters, marker: "_", expectedCount: 32500),
    PathologicalCase(name: "many link closers with no openers", input: { d in r("a]", 32500 / d) }, code: .tooManyDelimiters, marker: "]", expectedCount: 32500),
    PathologicalCase(name: "many link openers with no closers", input: { d in r("[a", 32500 / d) }, code: .tooManyDelimiters, marker: "[", expectedCount: 32500),
    PathologicalCase(name: "mismatched openers and closers", input: { d in r("*a_ ", 25000 / d) }, code: .tooManyDelimiters, marker: "a", expectedCount: 25000),
    PathologicalCase(name: "issue #389", input: { d in r("*a ", 20000 / d) + r("_a*_ ", 20000 / d) }, code: .tooManyDelimiters, marker: "a", expectedCount: 40000),
    PathologicalCase(name: "openers and closers multiple of 3", input: { d in "a**b" + r("c* ", 25000 / d) }, code: .tooManyDelimiters, marker: "c", expectedCount: 25000),
    PathologicalCase(name: "link openers and emph closers", input: { d in r("[ a_", 25000 / d) }, code: .tooManyDelimiters, marker: "a", expectedCount: 25000),
    PathologicalCase(name: "pattern [ (]( repeated", input: { d in r("[ (](", 40000 / d) }, code: .tooManyDelimiters, marker: "](", expectedCount: 40000),
    PathologicalCase(name: "pattern ![[]() repeated", input: { d in r("![[]()", 160000 / d) }, code: .tooManyDelimiters, marker: "!", expectedCount: 160000),
    PathologicalCase(name: "hard link/emph case", input: { d in "**x [a*b**c*](d)" }, code: nil, marker: "x", expectedCount: 1),
    PathologicalCase(name: "nested brackets", input: { d in r("[", 25000 / d) + "a" + r("]", 25000 / d) }, code: .tooManyDelimiters, marker: "a", expectedCount: 1),
    PathologicalCase(name: "nested block quotes", input: { d in r("> ", 25000 / d) + "a" }, code: .nestingTooDeep, marker: "a", expectedCount: 1),
    PathologicalCase(name: "deeply nested lists", input: { _ in (0..<500).map { r("  ", $0) + "* a\n" }.joined() }, code: .nestingTooDeep),
    PathologicalCase(name: "U+0000 in input", input: { d in "abc\u{0}de\u{0}" }, code: .invalidCharacter, marker: "\u{FFFD}", expectedCount: 2),
    PathologicalCase(name: "backticks", input: { d in (1..<(2500 / d)).map { "e" + r("`", $0) }.joined() }, code: nil),
    PathologicalCase(name: "unclosed links A", input: { d in r("[a](<b", 30000 / d) }, code: .tooManyDelimiters, marker: "b", expectedCount: 30000),
    PathologicalCase(name: "unclosed links B", input: { d in r("[a](b", 30000 / d) }, code: .tooManyDelimiters, marker: "b", expectedCount: 30000),
    PathologicalCase(name: "unclosed <!--", input: { d in "</" + r("<!--", 300000 / d) }, code: .tooManyDelimiters, marker: "!", expectedCount: 300000),
    PathologicalCase(name: "empty lines in deeply nested lists", input: { d in r("- ", 30000 / d) + "x" + r("\n", 30000 / d) }, code: .nestingTooDeep, marker: "x", expectedCount: 1),
    PathologicalCase(name: "empty lines in deeply nested lists in blockquote", input: { d in "> " + r("- ", 30000 / d) + "x\n" + r(">\n", 30000 / d) }, code: .nestingTooDeep, marker: "x", expectedCount: 1),
    PathologicalCase(name: "emph in deep blockquote", input: { d in r(">", 100000 / d) + r("a*", 100000 / d) }, code: .nestingTooDeep, marker: "a", expectedCount: 100000),
    PathologicalCase(name: "reference collisions", input: { d in referenceCollisions(25000 / d) }, code: nil),
    PathologicalCase(name: "nested inlines", input: { d in r("*", 20000 / d) + "a" + r("*", 20000 / d) }, code: .tooManyDelimiters, marker: "a", expectedCount: 1),
    PathologicalCase(name: "cmark-gfm tables", input: { d in r("aaa\rbbb\n-\u{B}\n", 30000 / d) }, code: .invalidCharacter, marker: "bbb", expectedCount: 30000),
    PathologicalCase(
      name: "table padded to 2,000 columns", input: { d in "|" + r("a|", 2000 / d) + "\n|" + r("-|", 2000 / d) + "\n" + r("x\n", 20000 / d) }, code: .tableTooLarge, marker: "x",
      expectedCount: 20000),
  ]

  /// cmark's reference-map collision case: 25,000 labels that hash to the same bucket.
  static func referenceCollisions(_ count: Int) -> String {
    func bad(_ s: String) -> Bool {
      var h: UInt32 = 0
      for c in s.unicodeScalars { h = c.value &+ (h << 6) &+ (h << 16) &- h }
      return h % 16 == 0
    }
    var keys: [String] = []
    var i = 0
    while keys.count < count {
      let k = "x\(i)"
      if bad(k) { keys.append(k) }
      i += 1
    }
    let badKey = keys[0]
    return keys.dropFirst().map { "[\($0)]: /url\n\n[\(badKey)]\n\n" }.joined()
  }
}

@Suite("cmark's pathological inputs finish in every format")
struct PathologicalMarkdownTests {
  /// Full size (cmark's own) to text and XHTML, where quadratic parsing would take minutes;
  /// a sixteenth to EPUB and PDF, which lay out every character and are slow in debug builds.
  @Test(arguments: PathologicalCase.all)
  func finishes(_ c: PathologicalCase) throws {
    for (divisor, formats) in [(Hostile.divisor, [OutputFormat.txt, .xhtml]), (Hostile.divisor * 16, [.txt, .epub, .pdf])] {
      let run = try Hostile.run("---\ntitle: T\n---\n" + c.input(divisor), formats: formats)
      #expect(run.error == nil, "\(String(describing: run.error))")
      #expect(run.outputs.count == formats.count)
      if let code = c.code, divisor == Hostile.divisor {
        let d = try #require(run.diagnostics.items.first { $0.code == code }, "no \(code) among \(run.codes.sorted())")
        #expect(d.severity == .warning && d.line >= 1 && d.description.contains("page.md:"))
      }
      if let marker = c.marker {
        let n = run.text.count(of: marker)
        #expect(n == c.expected(divisor), "text lost: \(n) of \(c.expected(divisor)) '\(marker)' (1/\(divisor))")
      }
      #expect(run.elapsed < Hostile.bound)
    }
  }
}
