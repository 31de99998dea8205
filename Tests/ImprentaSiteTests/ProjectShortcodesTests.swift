import Foundation
import ImprentaTestSupport
import Testing

/// The project file's `shortcodes:` mapping applies to pages outside a Hugo site too (the
/// `unknown-shortcode` warning says to add the entry there; only sites read it).
@Suite struct ProjectShortcodesTests {
  @Test func aFolderOfPagesUsesTheProjectsMapping() throws {
    let runner = try CommandRunner()
    defer { runner.cleanUp() }
    try runner.write("content/p.md", "# Configuración\n\n{{< code-toggle >}}\ntitulo = \"Informe\"\n{{< /code-toggle >}}\n")
    let before = try runner.run(["build", "content", "--format", "txt", "--force"])
    #expect((before.stdout + before.stderr).contains("unknown shortcode 'code-toggle'"), "\(before.stderr)")
    try runner.write("imprenta.yaml", "shortcodes:\n  code-toggle: {as: verbatim, language: toml}\n")
    let after = try runner.run(["build", "content", "--format", "txt", "--force"])
    #expect(!(after.stdout + after.stderr).contains("unknown shortcode"), "\(after.stderr)")
    let text = try String(contentsOf: runner.folder.appendingPathComponent("output/p.txt"), encoding: .utf8)
    #expect(text.contains("titulo = \"Informe\""))
  }
}
