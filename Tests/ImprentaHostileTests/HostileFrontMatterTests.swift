import Foundation
import Imprenta
import Testing

/// Front matter a contributor should not be trusted with: YAML, TOML and JSON.
@Suite("Hostile front matter")
struct HostileFrontMatterTests {
  /// Nine-fold aliases, nine levels deep: 387 million nodes if expanded.
  static let billionLaughs: String = {
    var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    let names = "abcdefghi".map(String.init)
    for k in 1..<names.count {
      let p = names[k - 1]
      yaml += "\(names[k]): &\(names[k]) [" + Array(repeating: "*\(p)", count: 9).joined(separator: ",") + "]\n"
    }
    return yaml
  }()

  @Test func yamlAliasBombIsRefused() throws {
    let run = try Hostile.run("---\ntitle: T\n" + Self.billionLaughs + "---\n\nBody.\n")
    #expect(run.error?.diagnostic.code == .frontMatterTooLarge)
    #expect(run.outputs.isEmpty)
    #expect(run.elapsed < Hostile.bound)
  }

  @Test func yamlAliasChainIsRefused() throws {
    // 100,000 aliases each naming the one before: crashed Yams's decoder when expanded.
    var yaml = "a0: &a0 x\n"
    for i in 1..<20_000 { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1)]\n" }
    let run = try Hostile.run("---\n" + yaml + "---\n\nBody.\n", formats: [.txt])
    // Both budgets apply (the expansion is 20,000 levels deep and 2^20,000 values large).
    #expect([DiagnosticCode.frontMatterTooLarge, .frontMatterTooDeep].contains(run.error?.diagnostic.code))
  }

  @Test func yamlTenMegabyteValue() throws {
    let big = String(repeating: "x", count: (10 << 20) / Hostile.divisor)
    let run = try Hostile.run("---\ntitle: T\nsummary: \"" + big + "\"\n---\n\nBody.\n", formats: [.txt, .xhtml])
    #expect(run.error == nil)
    #expect(run.text.contains("Body."))
  }

  @Test func yamlTabsAreAnErrorWithAPosition() throws {
    let run = try Hostile.run("---\ntitle: T\nparams:\n\tcolour: red\n---\n\nBody.\n", formats: [.txt])
    let e = try #require(run.error)
    #expect(e.diagnostic.code == .invalidFrontMatter && e.diagnostic.line >= 3)
  }

  @Test func yamlDuplicateKeyIsAnError() throws {
    let run = try Hostile.run("---\ntitle: A\ntitle: B\n---\n\nBody.\n", formats: [.txt])
    let e = try #require(run.error)
    #expect(e.diagnostic.code == .invalidFrontMatter && e.diagnostic.message.contains("duplicate"))
  }

  @Test(arguments: [
    "---\ntitle: T\ndate: yesterday\n---\n\nBody.\n",
    "---\ntitle: T\ndate: 2024-13-45\n---\n\nBody.\n",
    "+++\ntitle = \"T\"\ndate = \"yesterday\"\n+++\n\nBody.\n",
    "{\"title\": \"T\", \"date\": \"not a date\"}\n\nBody.\n",
  ])
  func dateThatIsNotADateIsAWarning(_ page: String) throws {
    let run = try Hostile.run(page)
    #expect(run.error == nil)
    let w = try #require(run.diagnostics.items.first { $0.code == .invalidFrontMatterValue })
    #expect(w.severity == .warning && w.message.contains("date"))
    #expect(run.text.contains("Body."))
  }

  @Test func yamlControlCharactersInValuesNeverReachTheOutput() throws {
    let run = try Hostile.run("---\ntitle: \"A\\x01B\\uFFFEC\"\n---\n\nBody.\n")
    // Found by this test: the title reached Cairo's PDF metadata and failed the whole PDF.
    #expect(run.error == nil, "\(String(describing: run.error))")
    #expect(run.codes.contains("invalid-character"))
    #expect(run.xhtml.contains("A\u{FFFD}B\u{FFFD}C"))
    #expect(!run.xhtml.unicodeScalars.contains { $0.value == 1 || $0.value == 0xFFFE })
  }

  @Test func tomlDuplicateKeyAndDeepNesting() throws {
    let dup = try Hostile.run("+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n\nBody.\n", formats: [.txt])
    #expect(dup.error?.diagnostic.code == .invalidFrontMatter)
    let deep = try Hostile.run("+++\nx = " + String(repeating: "[", count: 100_000) + "\n+++\n\nBody.\n", formats: [.txt])
    #expect(deep.error?.diagnostic.code == .frontMatterTooDeep)
  }

  @Test func tomlTenMegabyteValueAndTabs() throws {
    let big = String(repeating: "y", count: (10 << 20) / Hostile.divisor)
    let run = try Hostile.run("+++\n\ttitle = \"T\"\nsummary = \"" + big + "\"\n+++\n\nBody.\n", formats: [.txt, .xhtml])
    #expect(run.error == nil)
    #expect(run.text.contains("Body."))
  }

  @Test func jsonDeepNestingDuplicateKeyAndBigValue() throws {
    let deep = try Hostile.run("{\"x\": " + String(repeating: "[", count: 100_000) + "\n\nBody.\n", formats: [.txt])
    #expect(deep.error?.diagnostic.code == .frontMatterTooDeep)
    let dup = try Hostile.run("{\"title\": \"A\", \"title\": \"B\"}\n\nBody.\n", formats: [.txt])
    #expect(dup.error == nil || dup.error?.diagnostic.code == .invalidFrontMatter)
    let big = try Hostile.run("{\"title\": \"T\", \"summary\": \"" + String(repeating: "z", count: (10 << 20) / Hostile.divisor) + "\"}\n\nBody.\n", formats: [.txt])
    #expect(big.error == nil && big.text.contains("Body."))
  }
}
