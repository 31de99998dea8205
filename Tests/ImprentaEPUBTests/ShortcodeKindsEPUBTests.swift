import Foundation
import ImprentaEPUB
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import Testing

/// A page using every shortcode mapping kind (verbatim, admonitions of each family, tabs, an
/// embed, an include that is refused), read with a mapping: epubcheck checks its EPUB in
/// `EPUBValidationTests`.
enum ShortcodeKindsPage {
  static let markdown = """
    ---
    title: Kinds
    lang: en
    ---

    {{< code-toggle file=hugo >}}
    title = 'My "site"'
    # a comment, not a heading
    {{< /code-toggle >}}

    {{% hint info title="About *this*" %}}
    Informative.
    {{% /hint %}}

    {{% hint success %}}
    Good.
    {{% /hint %}}

    {{% hint warning %}}
    Careful.
    {{% /hint %}}

    {{% hint danger %}}
    - Harmful
    - things
    {{% /hint %}}

    {{< tabs >}}
    {{% tab "macOS" %}}
    Use `brew`.
    {{% /tab %}}
    {{% tab "Linux" %}}
    Use `snap`.
    {{% /tab %}}
    {{< /tabs >}}

    {{< iframe url="https://forms.example/f?embedded=true" >}}

    {{% include "/nowhere.md" %}}
    """

  static let mapping = ShortcodeMapping(rules: [
    "code-toggle": .verbatim(language: "toml"), "hint": .admonition(kind: "0", title: "title"), "tabs": .tabs, "tab": .tab(label: "0"),
    "iframe": .embed(url: "url", title: nil, kind: .other), "include": .include(path: "0"),
  ])

  static func document(diagnostics: inout Diagnostics) throws -> Document {
    var reader = PageReader()
    reader.shortcodes = ShortcodeExpander(mapping: mapping)
    return try reader.read(markdown: markdown, path: "kinds.md", relativeName: "kinds", diagnostics: &diagnostics)
  }

  static func epub(diagnostics: inout Diagnostics) throws -> [UInt8] {
    let doc = try document(diagnostics: &diagnostics)
    return try EPUBPackager(style: Style()).package([doc], environment: ExportEnvironment(resources: FixtureResources(files: [:]), buildDate: buildDate), diagnostics: &diagnostics)
  }
}

@Suite struct ShortcodeKindsEPUBTests {
  @Test func admonitionsAreAsidesWithTheirEPUBType() throws {
    var d = Diagnostics()
    let doc = try ShortcodeKindsPage.document(diagnostics: &d)
    #expect(d.items.map(\.code) == [.includeFailed])
    let files = try EPUBPackager(style: Style()).files([doc], environment: ExportEnvironment(resources: FixtureResources(files: [:]), buildDate: buildDate), diagnostics: &d)
    let xhtml = files.filter { $0.path.hasSuffix(".xhtml") && !$0.path.hasSuffix("nav.xhtml") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
    #expect(xhtml.contains("<aside class=\"admonition info admonition-note\" epub:type=\"notice\">"), "\(xhtml)")
    #expect(xhtml.contains("<p class=\"admonition-title\">About <em>this</em></p>"))
    #expect(xhtml.contains("<aside class=\"admonition success admonition-tip\" epub:type=\"tip\">"))
    #expect(xhtml.contains("<aside class=\"admonition warning admonition-warning\" epub:type=\"warning\">"))
    #expect(xhtml.contains("<aside class=\"admonition danger admonition-danger\" epub:type=\"warning\">"))
    #expect(xhtml.contains("<p class=\"admonition-title\">Danger</p>"))
    #expect(xhtml.contains("<code class=\"language-toml\">title = 'My \"site\"'\n# a comment, not a heading</code>"))
    #expect(xhtml.contains("<div class=\"tab\" data-label=\"macOS\">"))
    #expect(xhtml.contains("href=\"https://forms.example/f?embedded=true\""))
    let css = files.first { $0.path.hasSuffix(".css") }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    #expect(css.contains("aside.admonition-danger {"), "\(css)")
  }
}
