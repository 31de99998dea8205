import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// Inline raw HTML is parsed once, by the reader, so every format shows the same text: no
/// script, no hidden content, the link's text, the line break, and an image's alt text.
///
/// An image's alt reads `[Image: alt]` as text: the text output and the PDF (which does not draw
/// images inside running text) write it so; XHTML and EPUB carry it as the `<img>`'s `alt`, which
/// is what a reader without images gets, so the test reads it the same way.
@Suite("Inline HTML in every format", .serialized)
struct InlineHTMLFormatsTests {
  static let page = """
    ---
    title: Inline HTML
    lang: en
    ---

    Before <script>alert("x")</script>after.

    Shown <span hidden>secret words</span>here.

    A chart: <img src="pic.png" alt="A pie chart"> and <a href="https://example.org">a link</a>.

    text<br>more
    """

  /// The lines the page's paragraphs must give in every format, in order.
  static let expected = ["Before after.", "Shown here.", "A chart: [Image: A pie chart] and a link.", "text", "more"]

  /// Non-empty lines with their spaces collapsed.
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.filter { !$0.isEmpty }
  }

  /// The text of XHTML markup: a line per paragraph and per `<br/>`, an `<img>` as its alt.
  static func text(ofMarkup markup: String) -> String {
    // Line ends in the source are spaces in a browser; lines come from elements.
    var s = markup.replacingOccurrences(of: "\n", with: " ")
    s = s.replacingOccurrences(of: #"<img[^>]*\balt="([^"]*)"[^>]*>"#, with: "[Image: $1]", options: .regularExpression)
    s = s.replacingOccurrences(of: #"<br\s*/?>|</(p|h[1-6]|div|li|title|style)>"#, with: "\n", options: .regularExpression)
    s = s.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
    return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// Whether `expected` appears as consecutive lines of `lines`.
  static func contains(_ lines: [String], _ expected: [String]) -> Bool {
    guard lines.count >= expected.count else { return false }
    return (0...(lines.count - expected.count)).contains { Array(lines[$0..<($0 + expected.count)]) == expected }
  }

  @Test func everyFormatShowsTheSameText() throws {
    let run = try Hostile.run(Self.page, files: ["pic.png": Hostile.tinyPNG])
    let pdf = try #require(run.outputs[.pdf])
    let pdfText = try #require(try HostilePDFTests.tool("pdftotext", ["FILE", "-"], pdf: pdf), "pdftotext is not installed")
    let epub = try HostileEPUB.contents(run)
    // The text output numbers links (`a link [1]`) for its link list; the call is not the link's text.
    let plain = run.text.replacingOccurrences(of: #" \[\d+\]"#, with: "", options: .regularExpression)
    let outputs: [(String, String)] = [
      ("text", plain), ("XHTML", Self.text(ofMarkup: run.xhtml)), ("EPUB", Self.text(ofMarkup: epub)), ("PDF", pdfText),
    ]
    for (name, text) in outputs {
      let lines = Self.lines(text)
      #expect(Self.contains(lines, Self.expected), "\(name) gives \(lines)")
      #expect(!text.contains("alert"), "\(name) shows the script")
      #expect(!text.contains("secret words"), "\(name) shows hidden content")
    }
    // The image is an image in XHTML and EPUB (not a label), and the link a link.
    #expect(run.xhtml.contains(#"alt="A pie chart""#) && epub.contains(#"alt="A pie chart""#))
    #expect(run.xhtml.contains(#"<a href="https://example.org">a link</a>"#))
    // The reader reports the script and the hidden span once each, whatever the formats.
    #expect(run.diagnostics.items.filter { $0.code == .unsafeHTML }.count == 2, "\(run.diagnostics.items)")
  }
}
