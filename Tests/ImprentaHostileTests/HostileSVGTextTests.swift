import Foundation
import Imprenta
import Testing

/// Text in an SVG is laid out by librsvg in worse than quadratic time in the length of one text
/// element (8 KB of one word took 19 s, 16 KB over a minute, 1 MB 3.8 GB of memory): long text
/// elements, and text past the image's total, are removed by the sanitizer and reported.
@Suite("Hostile SVG text")
struct HostileSVGTextTests {
  static let svg = "http://www.w3.org/2000/svg"

  /// Text bodies past a budget: one long word, words, a word split into spans, many elements.
  static let variants: [(name: String, body: String)] = [
    ("one word", "<text>" + String(repeating: "x", count: 16_000) + "</text>"),
    ("words", "<text>" + String(repeating: "x ", count: 8_000) + "</text>"),
    ("spans", "<text>" + String(repeating: "<tspan>xxxx</tspan>", count: 4_000) + "</text>"),
    ("text path", "<defs><path id=\"p\" d=\"M0 0 L100 0\"/></defs><text><textPath href=\"#p\">" + String(repeating: "y", count: 16_000) + "</textPath></text>"),
    ("many elements", String(repeating: "<text>" + String(repeating: "z", count: 2_000) + "</text>", count: 200)),
  ]

  @Test("long SVG text is removed with a warning naming the budget, and the image is still drawn", arguments: variants)
  func longText(_ variant: (name: String, body: String)) throws {
    let image = "<svg xmlns=\"\(Self.svg)\" width=\"100\" height=\"100\"><rect width=\"10\" height=\"10\" fill=\"blue\"/>\(variant.body)</svg>"
    let result = try #require(SVGSanitizer.sanitize(Array(image.utf8)))
    #expect(result.removed.contains { $0.contains("svg-text-bytes") || $0.contains("svg-all-text-bytes") }, "\(result.removed)")
    let kept = String(decoding: result.bytes, as: UTF8.self)
    #expect(kept.contains("<rect"))
    #expect(kept.utf8.count < Budget.svgAllTextBytes.limit + 4096)

    let run = try Hostile.run("---\ntitle: P\n---\n\n![A picture](long.svg)\n", files: ["long.svg": Array(image.utf8)], formats: [.pdf, .epub])
    #expect(run.elapsed < .seconds(30))
    #expect(run.diagnostics.items.contains { $0.code == .svgSanitized && $0.message.contains("svg-") }, "\(run.diagnostics.items)")
    #expect(run.outputs[.pdf] != nil)
  }

  @Test("labels within the budgets are kept whole")
  func labelsKept() throws {
    let labels = (0..<300).map { "<text x=\"\($0 % 10)\" y=\"\($0 / 10)\">label \($0)</text>" }.joined()
    let image = "<svg xmlns=\"\(Self.svg)\" width=\"100\" height=\"100\">\(labels)<text>\(String(repeating: "w", count: Budget.svgTextBytes.limit))</text></svg>"
    let result = try #require(SVGSanitizer.sanitize(Array(image.utf8)))
    #expect(result.removed.isEmpty, "\(result.removed)")
    #expect(String(decoding: result.bytes, as: UTF8.self).contains("label 299"))
  }
}
