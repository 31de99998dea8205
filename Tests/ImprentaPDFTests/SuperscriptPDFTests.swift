import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// `<sup>` and `<sub>` from inline HTML are raised and lowered in the PDF (they were set on the
/// baseline: "2<sup>1008</sup>-1" read "21008-1", found on the Let's Encrypt ASN.1 guide).
@Suite struct SuperscriptPDFTests {
  @Test func supIsRaisedAndSubLowered() throws {
    let doc = try PDFTest.document("---\ntitle: T\nhideTitle: true\n---\n\nThe modulus is 2<sup>1008</sup>-1 and water is H<sub>2</sub>O.\n")
    guard case .paragraph(let p) = try #require(doc.blocks.first) else { Issue.record("no paragraph"); return }
    let layouter = PDFLayouter(style: Style(), engine: TextEngine(), hyphenator: nil, document: doc, environment: PDFTest.environment)
    let text = layouter.attributed(p.content, size: 10, hyphenate: false)
    func rise(of fragment: String) -> Double? {
      guard let r = text.string.range(of: fragment) else { return nil }
      let start = text.string.utf8.distance(from: text.string.startIndex, to: r.lowerBound)
      return text.attributes.compactMap { a -> Double? in
        if case .rise(let v) = a.kind, a.start <= start, start < a.end { v } else { nil }
      }.first
    }
    #expect((rise(of: "1008") ?? 0) > 0)
    #expect((rise(of: "2O") ?? 0) < 0)
    #expect(rise(of: "modulus") == nil)
  }
}
