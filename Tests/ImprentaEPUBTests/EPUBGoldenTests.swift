import Foundation
import ImprentaEPUB
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

/// Golden package documents of every page in `content/` (their content documents are the XHTML
/// goldens' concern). Regenerate with `IMPRENTA_RECORD=1 swift test --filter ImprentaEPUBTests.EPUBGoldenTests`.
@Suite struct EPUBGoldenTests {
  @Test(arguments: Repository.contentPages)
  func packageDocument(_ page: String) throws {
    var diagnostics = Diagnostics()
    let name = String(page.dropLast(3))
    let document = try PageReader().read(contentsOf: Repository.content.appendingPathComponent(page).path, relativeName: name, diagnostics: &diagnostics)
    let environment = ExportEnvironment(resources: FixtureResources(files: [:]), buildDate: buildDate)
    let files = try EPUBPackager(style: Style()).files([document], environment: environment, diagnostics: &diagnostics)
    let opf = try #require(files.first { $0.path == "OEBPS/content.opf" })
    try assertGolden(String(decoding: opf.bytes, as: UTF8.self), path: "epub/\(name).opf")
    let chapter = try #require(files.first { $0.path.hasPrefix("OEBPS/text/") && !$0.path.hasSuffix("titlepage.xhtml") && !$0.path.hasSuffix("cover.xhtml") })
    try assertGolden(String(decoding: chapter.bytes, as: UTF8.self), path: "epub/\(name).xhtml")
  }
}
