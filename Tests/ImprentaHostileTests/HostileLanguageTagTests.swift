import Foundation
import Imprenta
import Testing

/// Language tags from a page become `xml:lang` in EPUB and XHTML and `/Lang` in PDF: a malformed
/// one (written to break out of its attribute or string, or just wrong) is reported and never
/// written, so no output is made invalid by it.
@Suite("Hostile language tags")
struct HostileLanguageTagTests {
  static let malformed = [
    "en)/Lang(x", "de\" onload=\"x", "fr<x>", "a", "es-toolongsubtag", "en--US", "es\u{202E}", "1234", "-en", "en-",
    "x", String(repeating: "a-", count: 40) + "b",
  ]

  /// Every `lang` and `xml:lang` value of an XHTML or EPUB text part.
  static func languageValues(_ xml: String) -> [String] {
    var out: [String] = []
    var rest = xml[...]
    while let r = rest.range(of: "lang=\"") {
      let tail = rest[r.upperBound...]
      let end = tail.firstIndex(of: "\"") ?? tail.endIndex
      out.append(String(tail[..<end]))
      rest = tail[end...]
    }
    return out
  }

  @Test("a malformed lang in front matter or raw HTML is reported and never written", arguments: malformed)
  func malformedTag(_ tag: String) throws {
    let yaml = "'" + tag.replacingOccurrences(of: "'", with: "''") + "'"
    let html = tag.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    let run = try Hostile.run("---\ntitle: T\nlang: \(yaml)\n---\n\nA <span lang=\"\(html)\">word</span> here.\n", formats: [.xhtml, .pdf, .txt])
    let reported = run.diagnostics.items.filter { $0.code == .invalidLanguageTag }
    #expect(reported.count == 2, "\(run.diagnostics.items)")
    #expect(reported.allSatisfy { $0.line > 0 })
    let xhtml = String(decoding: try #require(run.outputs[.xhtml]), as: UTF8.self)
    #expect(xhtml.contains("word"))
    for value in Self.languageValues(xhtml) {
      #expect(LanguageTag.wellFormed(value) == value, "'\(value)' written as a language")
    }
    #expect(run.text.contains("word"))
  }

  @Test("well-formed tags are kept; an underscore is written as a hyphen", arguments: [("es", "es"), ("en-US", "en-US"), ("en_US", "en-US"), ("zh-Hant-TW", "zh-Hant-TW"), ("x-klingon", "x-klingon")])
  func wellFormed(_ pair: (String, String)) throws {
    let run = try Hostile.run("---\ntitle: T\nlang: \(pair.0)\n---\n\nA <span lang=\"\(pair.0)\">word</span>.\n", formats: [.xhtml])
    #expect(!run.diagnostics.items.contains { $0.code == .invalidLanguageTag })
    let values = Self.languageValues(String(decoding: try #require(run.outputs[.xhtml]), as: UTF8.self))
    #expect(values.contains(pair.1))
    #expect(!values.contains { $0 != pair.1 && $0 != "" })
  }

  @Test("a Hugo site's malformed languageCode and a project's language are reported, never written", arguments: ["en)/Lang(x", "fr<x>", "es\u{202E}"])
  func configuredTags(_ tag: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    let toml = tag.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    try b.write("site/hugo.toml", "title = \"S\"\nlanguageCode = \"\(toml)\"\n")
    try b.write("site/content/_index.md", "---\ntitle: Home\n---\n\nHome.\n")
    let site = try b.run(["build", "site", "-o", "out", "-f", "xhtml"])
    #expect(site.stderr.contains("invalid-language-tag") || site.stderr.contains("is not a language tag"), "\(site.stderr)")
    let xhtml = try #require(b.read("out/_index.xhtml"))
    for value in Self.languageValues(xhtml) {
      #expect(LanguageTag.wellFormed(value) == value, "'\(value)' written as a language")
    }
    try b.write("imprenta.yaml", "publications:\n  - {name: a, inputs: [content], formats: [xhtml], language: '\(tag)'}\n")
    let project = try b.run(["build"])
    #expect(project.status != 0)
    #expect(project.stderr.contains("imprenta.yaml:2:") && project.stderr.contains("is not a language tag"), "\(project.stderr)")
  }
}
