import Foundation
import ImprentaHTML
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

/// Golden XHTML of every page in `content/`. Regenerate with
/// `IMPRENTA_RECORD=1 swift test --filter ImprentaHTMLTests.XHTMLGoldenTests`.
@Suite struct XHTMLGoldenTests {
  @Test(arguments: Repository.contentPages)
  func contentPage(_ page: String) throws {
    var diagnostics = Diagnostics()
    let path = Repository.content.appendingPathComponent(page).path
    let name = String(page.dropLast(3))
    let document = try PageReader().read(contentsOf: path, relativeName: name, diagnostics: &diagnostics)
    let bytes = XHTMLWriter(style: Style()).write(document, environment: .empty, diagnostics: &diagnostics)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(xmlErrors(text).isEmpty, "\(page): \(xmlErrors(text))")
    try assertGolden(text, path: "xhtml/\(name).xhtml")
  }
}
