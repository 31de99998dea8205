import Foundation
import ImprentaEPUB
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

/// epubcheck on real outputs: every page of `content/`, every fixture, a multi-page book with a
/// cover and split pages, and bad input. One JVM checks them all (a start costs about 11 s).
@Suite struct EPUBValidationTests {
  @Test func epubcheckReportsNoErrorsAndNoWarnings() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let resources = ["images/pixel.png": try fixtureBytes("images/pixel.png"), "pixel.gif": try fixtureBytes("images/pixel.gif")]
    var outputs: [URL] = []
    func write(_ name: String, _ bytes: [UInt8]) throws {
      let url = folder.appendingPathComponent(name + ".epub")
      try Data(bytes).write(to: url)
      outputs.append(url)
    }
    for page in Repository.contentPages {
      var d = Diagnostics()
      let name = String(page.dropLast(3))
      let doc = try PageReader().read(contentsOf: Repository.content.appendingPathComponent(page).path, relativeName: name, diagnostics: &d)
      let env = ExportEnvironment(resources: FixtureResources(files: resources), buildDate: buildDate)
      try write("content-" + name.replacingOccurrences(of: "/", with: "-"), try EPUBPackager(style: Style()).package([doc], environment: env, diagnostics: &d))
    }
    for fixture in ["everything", "vimeo-iframe", "script", "onclick", "xxe", "billion-laughs"] {
      try write("fixture-" + fixture, try epub([(fixture, try Repository.fixture("html/\(fixture).md"))], resources: resources).bytes)
    }
    let everything = try Repository.fixture("html/everything.md")
    let seed = try String(contentsOf: Repository.content.appendingPathComponent("misionyobjetivos.md"), encoding: .utf8)
    try write("book", try epub(
      [("everything", everything), ("about/misionyobjetivos", seed.replacingOccurrences(of: "hideTitle: true", with: "cover: /images/pixel.png"))],
      resources: resources, options: .init(title: "A book", splitCharacters: 400)).bytes)
    try write("bad-input", try epub([("bad", "![Missing](nope.png)\n\n![Secret](../../etc/passwd)\n\n![](pixel.gif)\n\n[Away](/other/) [Anchor](#nowhere)\n\nbell\u{7}\n")], resources: resources).bytes)
    try write("empty", try epub([("empty", "---\ntitle: Empty\n---\n")]).bytes)
    var kindsDiagnostics = Diagnostics()
    try write("shortcode-kinds", try ShortcodeKindsPage.epub(diagnostics: &kindsDiagnostics))
    try write("rtl-book", try epub(EPUBDirectionTests.hebrewPages).bytes)
    // Goldmark syntax: definition lists with term ids, attributed headings and blocks, headings
    // repeated inside shortcode bodies (ids unique), a link to a term on another page.
    var markup = MarkupOptions()
    markup.autoDefinitionTermID = true
    markup.blockAttributes = true
    let glossary = """
      ---
      title: Glossary
      ---
      ## Menu {anchor=false}

      ## Styled {.fancy #styled data-level=2}

      Apple
      : A fruit.
      : A company.

      Term

      : Loose definition.

          - nested
          - list

      Note.
      {.note #n1}

      {{% columns %}}
      - ### Menu
        First.
      {{% /columns %}}

      {{% details "More" %}}
      ## Menu
      {{% /details %}}

      ## Menu

      """
    try write("goldmark", try epub(
      [("glossary", glossary), ("uses", "---\ntitle: Uses\n---\nSee [apple](glossary.md#apple) and [term](glossary.md#term).\n")],
      markup: markup).bytes)

    // The fixture Hugo site as one book per language, and page by page, built by the command.
    let site = try CommandRunner()
    defer { site.cleanUp() }
    let fixture = Repository.fixtures.appendingPathComponent("hugo-site").path
    let book = try site.run(["build", fixture, "--book", "-f", "epub", "-o", "book", "--quiet"])
    #expect(book.status == 0, "\(book.stderr)")
    let pages = try site.run(["build", fixture, "-f", "epub", "-o", "pages", "--quiet"])
    #expect(pages.status == 0, "\(pages.stderr)")
    let siteEPUBs = (site.files(under: "book").map { "book/" + $0 } + site.files(under: "pages").map { "pages/" + $0 }).filter { $0.hasSuffix(".epub") }
    #expect(siteEPUBs.count > 3)
    outputs += siteEPUBs.map { site.folder.appendingPathComponent($0) }

    guard let results = try epubcheck(outputs) else {
      withKnownIssue("java or /usr/share/java/epubcheck.jar is not installed: epubcheck skipped") { Issue.record("epubcheck missing") }
      return
    }
    for url in outputs {
      let result = try #require(results[url.path])
      #expect(result.errors == 0 && result.warnings == 0, "\(url.lastPathComponent): \(result.errors) errors, \(result.warnings) warnings\n\(result.output)")
    }
  }
}
