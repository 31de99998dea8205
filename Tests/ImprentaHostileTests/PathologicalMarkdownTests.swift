import Foundation
import Imprenta
import Testing

/// cmark's 25 pathological inputs (commonmark/cmark test/pathological_tests.py, plus
/// cmark-gfm's table case and the padded-table blow-up), at the sizes cmark uses, through
/// the reader and every backend. Without the guard, five of these ran for minutes in Debian
/// 12's cmark-gfm 0.29.0.gfm.6.
struct PathologicalCase: CustomTestStringConvertible, Sendable {
  var name: String
  var input: @Sendable () -> String
  /// The diagnostic the guard must give, if the case needs one.
  var code: String?
  /// A string whose count in the text output must equal `expectedCount` (text is never lost).
  var marker: String? = nil
  var expectedCount: Int = 0
  var testDescription: String { name }

  static func r(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

  static let all: [PathologicalCase] = [
    PathologicalCase(name: "nested strong emph", input: { r("*a **a ", 32500) + "b" + r(" a** a*", 32500) }, code: "nesting-too-deep", marker: "b", expectedCount: 1),
    PathologicalCase(name: "many emph closers with no openers", input: { r("a_ ", 32500) }, code: "too-many-delimiters", marker: "_", expectedCount: 32500),
    PathologicalCase(name: "many emph openers with no closers", input: { r("_a ", 32500) }, code: "too-many-delimiters", marker: "_", expectedCount: 32500),
    PathologicalCase(name: "many link closers with no openers", input: { r("a]", 32500) }, code: "too-many-delimiters", marker: "]", expectedCount: 32500),
    PathologicalCase(name: "many link openers with no closers", input: { r("[a", 32500) }, code: "too-many-delimiters", marker: "[", expectedCount: 32500),
    PathologicalCase(name: "mismatched openers and closers", input: { r("*a_ ", 25000) }, code: "too-many-delimiters", marker: "a", expectedCount: 25000),
    PathologicalCase(name: "issue #389", input: { r("*a ", 20000) + r("_a*_ ", 20000) }, code: "too-many-delimiters", marker: "a", expectedCount: 40000),
    PathologicalCase(name: "openers and closers multiple of 3", input: { "a**b" + r("c* ", 25000) }, code: "too-many-delimiters", marker: "c", expectedCount: 25000),
    PathologicalCase(name: "link openers and emph closers", input: { r("[ a_", 25000) }, code: "too-many-delimiters", marker: "a", expectedCount: 25000),
    PathologicalCase(name: "pattern [ (]( repeated", input: { r("[ (](", 40000) }, code: "too-many-delimiters", marker: "(", expectedCount: 80000),
    PathologicalCase(name: "pattern ![[]() repeated", input: { r("![[]()", 160000) }, code: "too-many-delimiters", marker: "!", expectedCount: 160000),
    PathologicalCase(name: "hard link/emph case", input: { "**x [a*b**c*](d)" }, code: nil, marker: "x", expectedCount: 1),
    PathologicalCase(name: "nested brackets", input: { r("[", 25000) + "a" + r("]", 25000) }, code: "too-many-delimiters", marker: "a", expectedCount: 1),
    PathologicalCase(name: "nested block quotes", input: { r("> ", 25000) + "a" }, code: "nesting-too-deep", marker: "a", expectedCount: 1),
    PathologicalCase(name: "deeply nested lists", input: { (0..<500).map { r("  ", $0) + "* a\n" }.joined() }, code: "nesting-too-deep", marker: "a", expectedCount: 500),
    PathologicalCase(name: "U+0000 in input", input: { "abc\u{0}de\u{0}" }, code: "invalid-character", marker: "\u{FFFD}", expectedCount: 2),
    PathologicalCase(name: "backticks", input: { (1..<2500).map { "e" + r("`", $0) }.joined() }, code: nil, marker: "e", expectedCount: 2499),
    PathologicalCase(name: "unclosed links A", input: { r("[a](<b", 30000) }, code: "too-many-delimiters", marker: "b", expectedCount: 30000),
    PathologicalCase(name: "unclosed links B", input: { r("[a](b", 30000) }, code: "too-many-delimiters", marker: "b", expectedCount: 30000),
    PathologicalCase(name: "unclosed <!--", input: { "</" + r("<!--", 300000) }, code: "too-many-delimiters", marker: "!--", expectedCount: 300000),
    PathologicalCase(name: "empty lines in deeply nested lists", input: { r("- ", 30000) + "x" + r("\n", 30000) }, code: "nesting-too-deep", marker: "x", expectedCount: 1),
    PathologicalCase(name: "empty lines in deeply nested lists in blockquote", input: { "> " + r("- ", 30000) + "x\n" + r(">\n", 30000) }, code: "nesting-too-deep", marker: "x", expectedCount: 1),
    PathologicalCase(name: "emph in deep blockquote", input: { r(">", 100000) + r("a*", 100000) }, code: "nesting-too-deep", marker: "a", expectedCount: 100000),
    PathologicalCase(name: "reference collisions", input: { referenceCollisions() }, code: nil),
    PathologicalCase(name: "nested inlines", input: { r("*", 20000) + "a" + r("*", 20000) }, code: "too-many-delimiters", marker: "a", expectedCount: 1),
    PathologicalCase(name: "cmark-gfm tables", input: { r("aaa\rbbb\n-\u{B}\n", 30000) }, code: "invalid-character", marker: "bbb", expectedCount: 30000),
    PathologicalCase(
      name: "table padded to 2,000 columns", input: { "|" + r("a|", 2000) + "\n|" + r("-|", 2000) + "\n" + r("x\n", 20000) }, code: "table-too-large", marker: "x",
      expectedCount: 20000),
  ]

  /// cmark's reference-map collision case: 25,000 labels that hash to the same bucket.
  static func referenceCollisions() -> String {
    func bad(_ s: String) -> Bool {
      var h: UInt32 = 0
      for c in s.unicodeScalars { h = c.value &+ (h << 6) &+ (h << 16) &- h }
      return h % 16 == 0
    }
    var keys: [String] = []
    var i = 0
    while keys.count < 25000 {
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
  @Test(arguments: PathologicalCase.all)
  func finishes(_ c: PathologicalCase) throws {
    let run = try Hostile.run(c.input())
    #expect(run.error == nil, "\(String(describing: run.error))")
    #expect(run.outputs.count == Hostile.formats.count)
    if let code = c.code {
      let d = try #require(run.diagnostics.items.first { $0.code == code }, "no \(code) among \(run.codes.sorted())")
      #expect(d.severity == .warning && d.line >= 1 && d.description.contains("page.md:"))
    }
    if let marker = c.marker {
      #expect(run.text.count(of: marker) == c.expectedCount, "text lost: \(run.text.count(of: marker)) of \(c.expectedCount) '\(marker)'")
    }
    #expect(run.elapsed < Hostile.bound)
  }
}
