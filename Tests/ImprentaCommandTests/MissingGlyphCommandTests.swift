import Foundation
import ImprentaTestSupport
import Testing

/// A character no installed font has is a warning naming it and its line, in `build` and in
/// `check --preflight` (which lays the PDF out in memory).
@Suite("imprenta missing glyphs")
struct MissingGlyphCommandTests {
  // U+E000 (Private Use Area): no font setup installs has it.
  static let page = "---\ntitle: Tofu\n---\n\nA mark \u{E000} and again \u{E000}.\n"

  @Test func buildWarnsOncePerCharacterWithItsLine() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("site/p.md", Self.page)
    let result = try r.run(["build", "site", "--format", "pdf", "--output", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n").filter { $0.contains("missing-glyph") || $0.contains("U+E000") }
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("site/p.md:5:1: warning: no installed font has U+E000"), "\(result.stderr)")
    #expect(result.stderr.contains("(page 1)"))
    let strict = try r.run(["build", "site", "--format", "pdf", "--output", "strict", "--strict"])
    #expect(strict.status != 0)
  }

  @Test func checkPreflightFindsItToo() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("site/p.md", Self.page)
    let result = try r.run(["check", "site", "--preflight"])
    #expect(result.stderr.contains("site/p.md:5:1: warning: no installed font has U+E000"), "\(result.stderr)")
    let plain = try r.run(["check", "site"])
    #expect(!plain.stderr.contains("U+E000"))
  }
}
