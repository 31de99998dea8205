import Foundation
import ImprentaTestSupport
import Testing

@Suite("Shipped styles from any folder")
struct StylesCommandTests {
  @Test("--style brochure works in an empty folder far from the repository, and `imprenta styles` lists it")
  func brochureAnywhere() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("s.md", "---\ntitle: Folleto\n---\n\nTexto del folleto.\n")
    let result = try r.run(["build", "s.md", "--style", "brochure", "-f", "pdf", "-o", "out", "--imposed-only"])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = try #require(r.files(under: "out").first { $0.hasSuffix(".pdf") })
    let info = runTool("pdfinfo", [r.folder.appendingPathComponent("out/" + pdf).path])
    if let info { #expect(info.output.contains("Pages:"), "\(info.output)") }
    let list = try r.run(["styles"])
    #expect(list.status == 0)
    for name in ["brochure", "default", "letter"] { #expect(list.stdout.contains(name), "\(list.stdout)") }
  }
}
