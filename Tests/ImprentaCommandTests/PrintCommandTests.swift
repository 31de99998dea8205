import Foundation
import ImprentaTestSupport
import Testing

@Suite("imprenta print production")
struct PrintCommandTests {
  static var fixtureImages: URL { Repository.fixtures.appendingPathComponent("pdf/images") }

  @Test func imposeWritesTheBookletBesideThePages() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("site/a.md", "---\ntitle: Folleto\n---\n\nTexto de prueba.\n")
    let result = try r.run(["build", "site", "--format", "pdf", "--impose", "booklet", "--output", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(r.files(under: "out") == ["a.booklet.pdf", "a.pdf"])
    let only = try r.run(["build", "site", "--format", "pdf", "--impose", "2up", "--imposed-only", "--output", "two"])
    #expect(only.status == 0, "\(only.stderr)")
    #expect(r.files(under: "two") == ["a.2up.pdf"])
    let bad = try r.run(["build", "site", "--impose", "trifold"])
    #expect(bad.status == 64)
  }

  @Test func checkPreflightReportsALowResolutionImage() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let png = try Data(contentsOf: Self.fixtureImages.appendingPathComponent("preflight-72ppi.png"))
    try r.write("site/images/low.png", bytes: [UInt8](png))
    try r.write("site/p.md", "---\ntitle: P\n---\n\n![Bajo](images/low.png)\n")
    try r.write("wide.yaml", "figure: {full_width: true}\n")
    let result = try r.run(["check", "site", "--style", "wide.yaml", "--preflight"])
    #expect(result.stderr.contains("site/p.md:5:1: warning: image images/low.png prints at 72 ppi"), "\(result.stderr)")
    let plain = try r.run(["check", "site", "--style", "wide.yaml"])
    #expect(!plain.stderr.contains("ppi"))
  }
}
