import Foundation
import ImprentaTestSupport
import Testing

@Suite("One diagnostic per problem")
struct DiagnosticsCommandTests {
  static let formatSets = ["txt", "pdf", "epub", "xhtml", "txt,pdf,epub,xhtml", "epub,xhtml"]

  @Test("a missing image gives one diagnostic with one code, whatever the formats", arguments: formatSets)
  func missingImageOnce(_ formats: String) throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/p.md", "---\ntitle: P\n---\n\nText.\n\n![A chart](nowhere.png)\n")
    let result = try r.run(["build", "-f", formats, "-o", "out"])
    let lines = result.stderr.split(separator: "\n").filter { $0.contains("nowhere.png") }
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("content/p.md:7:1: warning: image nowhere.png not found") == true, "\(result.stderr)")
    let github = try r.run(["build", "-f", formats, "-o", "out", "--force", "--diagnostics", "github"])
    #expect(github.stderr.split(separator: "\n").filter { $0.contains("nowhere.png") }.allSatisfy { $0.contains("title=missing-image") })
  }

  @Test("--strict --format txt fails on a missing image; a level in imprenta.yaml makes it a note")
  func strictAndLevels() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/p.md", "---\ntitle: P\n---\n\n![A chart](nowhere.png)\n")
    #expect(try r.run(["build", "content", "-f", "txt", "-o", "out", "--strict"]).status == 1)
    try r.write("imprenta.yaml", "diagnostics:\n  missing-image: note\npublications:\n  - {name: s, inputs: [content], formats: [txt]}\n")
    let lowered = try r.run(["build", "--strict"])
    #expect(lowered.status == 0, "\(lowered.stderr)")
    #expect(!lowered.stderr.contains("nowhere.png"), "a note is shown only with --verbose")
    #expect(try r.run(["build", "--strict", "-v"]).stderr.contains("note: image nowhere.png not found"))
    try r.write("imprenta.yaml", "diagnostics:\n  missing-image: error\npublications:\n  - {name: s, inputs: [content], formats: [txt]}\n")
    #expect(try r.run(["build", "--force"]).status == 1)
    try r.write("imprenta.yaml", "diagnostics:\n  no-such-code: note\npublications:\n  - {name: s, inputs: [content], formats: [txt]}\n")
    let bad = try r.run(["build"])
    #expect(bad.status == 1 && bad.stderr.contains("imprenta.yaml:2:3: error: unknown diagnostic code 'no-such-code'"), "\(bad.stderr)")
  }
}
