import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// A site whose languages are each in a file of their own (`config/_default/languages.pt-br.toml`,
/// as large multilingual sites split them), each with its own content folder.
@Suite struct LanguageFilesTests {
  @Test func eachLanguageFileIsThatLanguagesTable() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-language-files-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files: [String: String] = [
      "config/_default/hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n",
      "config/_default/languages.en.toml": "title = \"Site\"\ncontentDir = \"content/en\"\nweight = 1\n",
      "config/_default/languages.pt-br.toml": "title = \"Sítio\"\ncontentDir = \"content/pt-br\"\nlocale = \"pt-BR\"\nweight = 2\n",
      "config/_default/menu.en.toml": "[[main]]\nname = \"Docs\"\nurl = \"/docs/\"\n",
      "content/en/about.md": "---\ntitle: About\n---\n\nWho we are.\n",
      "content/pt-br/about.md": "---\ntitle: Sobre\n---\n\nQuem somos.\n",
    ]
    for (path, text) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    var d = Diagnostics()
    let project = try HugoProject(root: root, options: SiteReader.Options(now: PageDate(parsing: "2025-06-01T00:00:00Z")!), diagnostics: &d)
    #expect(project.site.config.languages.map(\.code) == ["en", "pt-br"])
    let portuguese = project.site.pages(language: "pt-br")
    #expect(portuguese.count == 1)
    #expect(portuguese.first?.document.metadata.language.lowercased().hasPrefix("pt") == true)
    #expect(project.site.pages(language: "en").map(\.document.metadata.title) == ["About"])
  }
}
