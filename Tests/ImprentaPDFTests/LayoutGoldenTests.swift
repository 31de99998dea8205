import Foundation
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// The laid-out pages of every page of `content/`, compared with `Tests/Golden/pdf/<page>.layout`.
@Suite struct LayoutGoldenTests {
  @Test(arguments: Repository.contentPages)
  func contentPage(_ page: String) throws {
    let path = Repository.content.appendingPathComponent(page).path
    var diagnostics = Diagnostics()
    let doc = try PageReader().read(contentsOf: path, relativeName: String(page.dropLast(3)), diagnostics: &diagnostics)
    let environment = ExportEnvironment(resources: FolderResources(root: Repository.content), buildDate: PageDate(secondsSince1970: 0))
    let layout = PDFWriter(style: Style()).layout(doc, environment: environment, diagnostics: &diagnostics)
    try assertGolden(layout.dump(), path: "pdf/\(page.dropLast(3)).layout")
  }
}
