import Foundation
import ImprentaTestSupport
import Testing

@Suite("imprenta build")
struct BuildCommandTests {
  @Test func seedPageToText() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let seed = Repository.content.appendingPathComponent("misionyobjetivos.md").path
    let result = try r.run(["build", seed, "--format", "txt", "--output", "DIR"])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try #require(r.read("DIR/misionyobjetivos.txt"))
    for heading in ["Contexto internacional", "¿Qué es la Alianza para Gobierno Abierto?", "¿Cómo nació la Alianza para Gobierno Abierto?"] {
      #expect(text.contains(heading))
    }
    #expect(text.contains("Sudáfrica"))
    #expect(!text.contains("##"))
    #expect(!text.contains("hideTitle"))
    #expect(!text.hasPrefix("---"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 })
    #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    #expect(r.files(under: "DIR") == ["misionyobjetivos.txt"])
  }

  @Test func brokenPagesFailAloneAndOthersExport() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("site/good.md", "---\ntitle: Bien\n---\n\nTexto.\n")
    try r.write("site/sub/broken.md", "---\ntitle: x\nbad: [unclosed\n---\ntexto\n")
    try r.write("site/latin1.md", bytes: Array("# Caf".utf8) + [0xE9] + Array("\n".utf8))
    let result = try r.run(["build", "site", "--format", "txt", "--output", "out"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("site/sub/broken.md:4:1: error: "), "\(result.stderr)")
    #expect(result.stderr.contains("site/latin1.md:1:6: error: the file is not valid UTF-8"), "\(result.stderr)")
    #expect(r.files(under: "out") == ["good.txt"])
    #expect(result.stderr.contains("1 document, 1 output, 2 errors, 0 warnings"))
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("p.md", "---\ntitle: x\nweight: heavy\n---\ntexto\n")
    let lenient = try r.run(["build", "p.md", "-f", "txt", "-o", "out"])
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("p.md:3:1: warning: 'weight' should be a whole number"), "\(lenient.stderr)")
    let strict = try r.run(["build", "p.md", "-f", "txt", "-o", "out", "--strict"])
    #expect(strict.status == 1)
  }

  @Test func badArgumentsAreUsageErrors() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let unknown = try r.run(["build", "--format", "docx"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("unknown format 'docx'"))
    let option = try r.run(["build", "--colour"])
    #expect(option.status == 64)
  }

  @Test func missingInputAndDrafts() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("c/draft.md", "---\ntitle: Borrador\ndraft: true\n---\ntexto\n")
    try r.write("c/final.md", "# Final\n")
    let missing = try r.run(["build", "nope", "-f", "txt", "-o", "out"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nope: error: no such file or folder"))
    let normal = try r.run(["build", "c", "-f", "txt", "-o", "out"])
    #expect(normal.status == 0)
    #expect(r.files(under: "out") == ["final.txt"])
    let drafts = try r.run(["build", "c", "-f", "txt", "-o", "out", "--drafts"])
    #expect(drafts.status == 0)
    #expect(r.files(under: "out") == ["draft.txt", "final.txt"])
  }

  @Test func defaultInputIsContentAndQuietIsQuiet() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/a/b.md", "# B\n")
    let result = try r.run(["build", "-f", "txt", "--quiet"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(r.files(under: "output") == ["a/b.txt"])
  }

  @Test func styleWarningsCarryTheStyleFilePosition() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("mine.yaml", "text:\n  columns: 40\n  colums: 3\n")
    try r.write("p.md", "# T\n\n" + String(repeating: "palabra ", count: 30) + "\n")
    let result = try r.run(["build", "p.md", "-f", "txt", "-o", "out", "--style", "mine.yaml"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("mine.yaml:3:3: warning: unknown key 'text.colums'"), "\(result.stderr)")
    let text = try #require(r.read("out/p.txt"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }

  @Test func staleTemporaryFilesAreCleanedAndNoneLeft() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("p.md", "# T\n")
    try r.write("out/.imprenta-tmp-999-p.txt", "partial")
    let result = try r.run(["build", "p.md", "-f", "txt", "-o", "out"])
    #expect(result.status == 0)
    #expect(r.files(under: "out") == ["p.txt"])
  }
}
