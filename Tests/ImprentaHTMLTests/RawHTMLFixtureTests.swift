import Foundation
import ImprentaHTML
import ImprentaModel
import ImprentaTestSupport
import Testing

/// Raw HTML fixtures (`Tests/Fixtures/html/`): the sanitised result is a golden file
/// (`Tests/Golden/xhtml-fixtures/`), and each fixture gives its warning.
@Suite struct RawHTMLFixtureTests {
  func run(_ name: String) throws -> (body: String, page: String, diagnostics: Diagnostics) {
    let (page, diagnostics) = try xhtml(try Repository.fixture("html/\(name).md"))
    #expect(xmlErrors(page).isEmpty, "\(name) is not well-formed: \(xmlErrors(page))")
    try assertGolden(body(page) + "\n", path: "xhtml-fixtures/\(name).xhtml")
    return (body(page), page, diagnostics)
  }

  func warnings(_ d: Diagnostics) -> [String] { d.items.filter { $0.severity == .warning }.map(\.message) }

  @Test func vimeoIframeBecomesALinkWithEscapedAmpersands() throws {
    let (body, _, d) = try run("vimeo-iframe")
    #expect(body.contains(#"<a href="https://player.vimeo.com/video/76979871?title=0&amp;byline=0&amp;portrait=0" class="embed">"#))
    #expect(!body.contains("<iframe"))
    #expect(!body.contains("allowfullscreen"))
    #expect(warnings(d).contains { $0.contains("<iframe>") && $0.contains("link") })
  }

  @Test func scriptsAndStylesAreDroppedWithTheirContent() throws {
    let (body, _, d) = try run("script")
    #expect(!body.contains("script>"))
    #expect(!body.contains("injected"))
    #expect(!body.contains("alert"))
    #expect(!body.contains("display: none"))
    #expect(body.contains("<p>Inline script in a paragraph, and style.</p>"))
    #expect(warnings(d).filter { $0.contains("<script>") }.count == 2)
    #expect(warnings(d).contains { $0.contains("<style>") })
  }

  @Test func eventHandlersAndScriptURLsAreDropped() throws {
    let (body, _, d) = try run("onclick")
    #expect(!body.contains("onclick"))
    #expect(!body.contains("onmouseover"))
    #expect(!body.contains("onerror"))
    #expect(!body.contains("javascript:"))
    #expect(body.contains(#"<div class="card">"#))
    #expect(body.contains(#"<img src="pixel.png" alt="A pixel"/>"#))
    #expect(warnings(d).contains { $0.contains("onclick") })
    #expect(warnings(d).contains { $0.contains("unsafe URL") })
  }

  @Test func externalEntitiesAreNeitherDefinedNorRead() throws {
    let (body, page, d) = try run("xxe")
    #expect(!page.contains("root:"))
    #expect(!page.contains("ENTITY"))
    #expect(body.contains("<p>Secret: &amp;xxe;</p>"))
    #expect(body.contains("<p>Inline &amp;xxe; stays text.</p>"))
    #expect(warnings(d).contains { $0.contains("entity declaration") })
  }

  @Test func entityBombsAreNotExpanded() throws {
    let (body, page, d) = try run("billion-laughs")
    #expect(page.utf8.count < 4_000)
    #expect(!page.contains("lollol"))
    #expect(!body.contains("]&gt;"))
    #expect(body.contains("<p>&amp;lol9;</p>"))
    #expect(body.contains("<p>After the bomb.</p>"))
    #expect(warnings(d).contains { $0.contains("entity declaration") })
  }
}
