import Foundation
import Imprenta
import Testing

/// The Goldmark pre-pass (attribute lists, definition lists, passthrough, emoji) on hostile
/// input: it finishes in linear time, keeps every character it does not take, and takes only
/// well-formed syntax.
@Suite("Goldmark syntax on hostile input")
struct HostileGoldmarkTests {
  static func read(_ markdown: String, markup: MarkupOptions = MarkupOptions()) throws -> (Document, Duration) {
    var d = Diagnostics()
    var reader = PageReader()
    reader.markup = markup
    let clock = ContinuousClock()
    var doc: Document?
    let elapsed = try clock.measure { doc = try reader.read(markdown: markdown, diagnostics: &d) }
    return (doc!, elapsed)
  }

  static var everything: MarkupOptions {
    var m = MarkupOptions()
    m.blockAttributes = true
    m.enableEmoji = true
    m.autoDefinitionTermID = true
    m.passthroughBlock = [.init("$$", "$$"), .init("\\[", "\\]")]
    m.passthroughInline = [.init("$", "$"), .init("\\(", "\\)")]
    return m
  }

  static func plain(_ doc: Document) -> String {
    var out = ""
    doc.forEachInline { if case .text(let t) = $0 { out += t.string } }
    return out
  }

  @Test func hundredThousandBracesStayText() throws {
    let n = 100_000 / Hostile.divisor
    let braces = String(repeating: "{", count: n)
    let (doc, elapsed) = try Self.read("## x \(braces)}\n\n\(braces)\n\n\(braces)}\n\nPara\n\(braces)}\n", markup: Self.everything)
    #expect(Self.plain(doc).filter { $0 == "{" }.count == 4 * n)
    #expect(elapsed < Hostile.bound)
  }

  @Test func unterminatedAndOddListsStayText() throws {
    let cases = ["## A {#x", "## A {#x .y", "## A {k=\"v}", "## A {k='v\"}", "## A {=v}", "## A {#}", "## A {.}", "## A { }"]
    for c in cases {
      let (doc, _) = try Self.read(c + "\n", markup: Self.everything)
      #expect(Self.plain(doc).contains("{"), "\(c)")
    }
  }

  @Test func manyPairsInOneListAreLinear() throws {
    let n = 40_000 / Hostile.divisor
    let pairs = (0..<n).map { "k\($0)=\"v \\\" \($0)\"" }.joined(separator: " ")
    let (doc, elapsed) = try Self.read("## Title {\(pairs)}\n\nText.\n{\(pairs)}\n", markup: Self.everything)
    guard case .heading(let h)? = doc.blocks.first else {
      Issue.record("no heading")
      return
    }
    #expect(h.content.plainText == "Title" && h.attributes.pairs.count == n && h.attributes["k1"] == "v \" 1")
    #expect(elapsed < Hostile.bound)
  }

  @Test func manyAttributedBlocksAreLinear() throws {
    let n = 50_000 / Hostile.divisor
    let md = (0..<n).map { "> quote \($0)\n{.q}\n\n- item \($0)\n{.l}\n" }.joined(separator: "\n")
    let (doc, elapsed) = try Self.read(md, markup: Self.everything)
    var attributed = 0
    for b in doc.blocks {
      if case .blockQuote(let q) = b, q.attributes.classes.contains("q") { attributed += 1 }
      if case .list(let l) = b, l.attributes.classes == ["l"] { attributed += 1 }
    }
    #expect(attributed == 2 * n)
    #expect(elapsed < Hostile.bound)
  }

  @Test func fiftyThousandTermsStayLinear() throws {
    let n = 50_000 / Hostile.divisor
    let md = (0..<n).map { "term \($0)\n: definition \($0)\n" }.joined(separator: "\n")
    let (doc, elapsed) = try Self.read(md, markup: Self.everything)
    guard case .definitionList(let d)? = doc.blocks.first else {
      Issue.record("no definition list")
      return
    }
    #expect(d.items.count == n)
    #expect(d.items.last?.terms.first?.id == "term-\(n - 1)")
    #expect(elapsed < Hostile.bound)
    // Twice as many terms may not take much more than twice as long (a quadratic pass would take four times).
    let (_, half) = try Self.read((0..<(n / 2)).map { "term \($0)\n: definition \($0)\n" }.joined(separator: "\n"), markup: Self.everything)
    #expect(elapsed < half * 4 + .seconds(1), "\(half) for \(n / 2) terms, \(elapsed) for \(n)")
  }

  @Test func definitionsWithoutTermsAndDeepDefinitionsFinish() throws {
    let n = 50_000 / Hostile.divisor
    let (flat, t1) = try Self.read("term\n" + String(repeating: ": x\n", count: n), markup: Self.everything)
    if case .definitionList(let d)? = flat.blocks.first { #expect(d.items[0].definitions.count == n) } else { Issue.record("no list") }
    #expect(t1 < Hostile.bound)
    // Each definition holding the next list: nesting stops at the converter's depth limit.
    var deep = ""
    for k in 0..<300 { deep += String(repeating: "  ", count: k) + "t\(k)\n" + String(repeating: "  ", count: k) + ": d\(k)\n" }
    let (_, t2) = try Self.read(deep, markup: Self.everything)
    #expect(t2 < Hostile.bound)
    let (_, t3) = try Self.read(String(repeating: ": ", count: n) + "x\n", markup: Self.everything)
    #expect(t3 < Hostile.bound)
  }

  @Test func unclosedPassthroughAndEmojiColonsAreLinear() throws {
    let n = 100_000 / Hostile.divisor
    let (doc, elapsed) = try Self.read(
      String(repeating: "\\( $$ ` ", count: n) + "\n\n" + String(repeating: ":", count: n) + "\n\n$$\n" + String(repeating: "a\n", count: n), markup: Self.everything)
    #expect(Self.plain(doc).filter { $0 == ":" }.count >= n)
    #expect(elapsed < Hostile.bound)
  }
}
