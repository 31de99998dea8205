import Foundation
import ImprentaModel
import ImprentaTestSupport
import Testing

@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
  static let begin = "<!-- diagnostic codes: generated from DiagnosticCode.swift -->"
  static let end = "<!-- end of diagnostic codes -->"

  @Test("the README's table of codes is the registry's (IMPRENTA_UPDATE_README=1 rewrites it)")
  func readmeAgrees() throws {
    let url = Repository.root.appendingPathComponent("README.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    let start = try #require(readme.range(of: Self.begin), "README.md lacks the codes section")
    let stop = try #require(readme.range(of: Self.end))
    let current = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    let wanted = DiagnosticCode.markdownTable
    if current != wanted, ProcessInfo.processInfo.environment["IMPRENTA_UPDATE_README"] == "1" {
      try (readme[..<start.upperBound] + "\n" + wanted + "\n" + readme[stop.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(current == wanted, "README.md's table of codes differs from the registry: run IMPRENTA_UPDATE_README=1 swift test --filter DiagnosticCodeTests")
  }

  @Test("every code is kebab-case, unique, and says what it means and how to fix it")
  func entries() {
    #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    for code in DiagnosticCode.allCases {
      #expect(code.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(code.rawValue)")
      #expect(!code.meaning.isEmpty && !code.hint.isEmpty && !code.meaning.contains("|") && !code.hint.contains("|"))
    }
  }

  @Test("per-code levels raise, lower or silence a code, and leave the others alone")
  func levels() {
    var d = Diagnostics()
    d.report(.missingAltText, "no alt", file: "a.md")
    d.report(.unknownShortcode, "what", file: "a.md")
    d.report(.brokenLink, "nowhere", file: "a.md")
    d.report(.missingImage, "gone", file: "a.md")
    let levels = DiagnosticLevels([.missingAltText: .note, .unknownShortcode: .error, .brokenLink: .off])
    let out = levels.apply(to: d)
    #expect(out.items.map(\.code) == [.missingAltText, .unknownShortcode, .missingImage])
    #expect(out.items.map(\.severity) == [.note, .error, .warning])
  }
}
