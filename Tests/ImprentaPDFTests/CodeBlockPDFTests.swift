import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Code blocks in the PDF keep their indentation and mark only the lines that wrapped (every
/// line of a multi-line block had the ↩ mark and lost its leading spaces: the Let's Encrypt
/// site's ASN.1 guide, in every language).
@Suite struct CodeBlockPDFTests {
  static func lines(_ markdown: String) throws -> [(text: String, x: Double)] {
    let (layout, _) = PDFTest.layout(try PDFTest.document(markdown))
    return layout.pages.flatMap(\.items).compactMap { item -> (String, Double)? in
      guard case .text(let t) = item.kind else { return nil }
      return (t.text, t.x)
    }
  }

  @Test func indentationStaysAndOnlyWrappedLinesAreMarked() throws {
    let long = String(repeating: "palabra_larga ", count: 30)
    let md = "---\ntitle: T\nhideTitle: true\n---\n\n```\nstruct point {\n    int x;\n\n        nested;\n    \(long)\n}\n```\n"
    let all = try Self.lines(md)
    let marks = all.filter { $0.text == "↩" }
    let code = all.filter { $0.text != "↩" }
    let open = try #require(code.first { $0.text.hasPrefix("struct point") })
    let field = try #require(code.first { $0.text.contains("int x;") })
    let nested = try #require(code.first { $0.text.contains("nested;") })
    // Indented lines start at the block's edge with their spaces in the text.
    #expect(field.text.hasPrefix("    int x;"))
    #expect(nested.text.hasPrefix("        nested;"))
    #expect(abs(field.x - open.x) < 0.01)
    // Only the long line wrapped: its pieces but the last carry a mark.
    let pieces = code.filter { $0.text.contains("palabra_larga") }
    #expect(pieces.count > 1)
    #expect(marks.count == pieces.count - 1)
  }
}
