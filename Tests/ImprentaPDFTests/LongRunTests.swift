import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Text with no break opportunity (a huge word, a long URL) is broken between grapheme clusters,
/// with every character kept and every offset still pointing at its text.
@Suite(.serialized) struct LongRunTests {
  @Test(arguments: ["a", "é", "e\u{301}", "👩‍👩‍👧", "🇪🇸", "ก", "日"])
  func breaksGoBetweenClustersOnlyAndKeepTheText(_ cluster: String) {
    let n = 1_000
    var t = AttributedText()
    t.append("start ")
    t.append(String(repeating: cluster, count: n))
    t.append(" end")
    let b = t.breakingLongRuns()
    #expect(b.string.replacingOccurrences(of: AttributedText.breakOpportunity, with: "") == t.string)
    #expect(b.length == b.string.utf8.count)
    // Between two breaks there are `chunk` clusters, never a part of one.
    let pieces = b.string.components(separatedBy: AttributedText.breakOpportunity)
    #expect(pieces.count == (n - 1) / AttributedText.chunk + 1)
    for p in pieces.dropFirst().dropLast() { #expect(p == String(repeating: cluster, count: AttributedText.chunk)) }
  }

  @Test func shortRunsAreLeftAlone() {
    var t = AttributedText()
    t.append(Array(repeating: String(repeating: "x", count: AttributedText.longRun), count: 50).joined(separator: " "))
    #expect(t.breakingLongRuns().string == t.string)
  }

  @Test func offsetsFollowTheirText() {
    var t = AttributedText()
    t.append("see ")
    let start = t.length
    t.append("https://example.org/" + String(repeating: "a", count: 2_000))
    let end = t.length
    t.links.append((start, end, "https://example.org/"))
    t.attributes.append(TextAttribute(kind: .italic, start: start, end: end))
    t.footnoteCalls.append((end, 1))
    t.append("1 after")
    let b = t.breakingLongRuns()
    let bytes = Array(b.string.utf8)
    func text(_ s: Int, _ e: Int) -> String { String(decoding: bytes[s..<e], as: UTF8.self).replacingOccurrences(of: AttributedText.breakOpportunity, with: "") }
    #expect(text(b.links[0].start, b.links[0].end) == "https://example.org/" + String(repeating: "a", count: 2_000))
    #expect(text(b.attributes[0].start, b.attributes[0].end) == text(b.links[0].start, b.links[0].end))
    #expect(text(b.footnoteCalls[0].index, b.footnoteCalls[0].index + 1) == "1")
  }

  /// Generated sizes: every character of the word is in the PDF, and no line is wider than the text.
  @Test(arguments: [5_000, 60_000])
  func hugeWordIsSetWhole(_ size: Int) throws {
    let doc = try PDFTest.document("# W\n\n" + String(repeating: "a", count: size) + "b\n\nEnd.\n")
    let (layout, _) = PDFTest.layout(doc)
    for page in layout.pages {
      for item in page.items {
        guard case .text(let t) = item.kind else { continue }
        #expect(t.x + t.block.lines[t.index].width <= page.width, "a line runs off the page")
      }
    }
    let (url, _, _) = try PDFTest.write(doc, name: "huge-word-\(size)")
    guard let text = PDFTest.run("pdftotext", [url.path, "-"])?.output else { return }
    #expect(text.filter { $0 == "a" }.count == size && text.contains("b"), "every character of the word is drawn")
  }

  @Test func overlongURLStaysTextWithABudgetWarning() throws {
    let url = "https://example.org/" + String(repeating: "u", count: Budget.linkURLBytes.limit)
    let doc = try PDFTest.document("# L\n\nSee <\(url)> and <https://example.org/short>.\n", path: "long-url.md")
    let (file, _, diagnostics) = try PDFTest.write(doc, name: "long-url")
    let warning = diagnostics.items.first { $0.code == .linkTooLong }
    #expect(warning?.message.contains("budget link-url-bytes") == true && warning?.line == 3, "\(diagnostics.items)")
    guard let qdf = try PDFNameTests.qdf(file) else { return }
    #expect(qdf.contains("/URI (https://example.org/short)"))
    #expect(!qdf.contains("/URI (https://example.org/uuuu"), "the long URL is no link")
  }
}
