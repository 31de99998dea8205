import Foundation
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// The laid-out pages of every page of `content/`, compared with `Tests/Golden/pdf/<page>.layout`,
/// and of the richest pages in every shipped style, compared with
/// `Tests/Golden/pdf/<style>/<page>.layout`.
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

  /// Every shipped style (`styles/*.yaml`: the one paginator in one column and in two, on A4,
  /// A5, Letter and a book's facing pages) on the pages with tables, nested lists, notes and
  /// figures, their images found as a Hugo site finds them (`content/`, then `static/`).
  static let stylePages: [(style: String, page: String)] = ShippedStyles.all.keys.sorted().flatMap { style in
    ["plan-de-accion.md", "en/open-government.md"].map { (style, $0) }
  }

  @Test(arguments: stylePages)
  func contentPageInShippedStyle(_ style: String, _ page: String) throws {
    var diagnostics = Diagnostics()
    let loaded = try StyleLoader(searchPaths: []).load(style, diagnostics: &diagnostics)
    let path = Repository.content.appendingPathComponent(page).path
    let doc = try PageReader().read(contentsOf: path, relativeName: String(page.dropLast(3)), diagnostics: &diagnostics)
    let resources = FolderResources(roots: [Repository.content, Repository.root.appendingPathComponent("static")])
    let environment = ExportEnvironment(resources: resources, buildDate: PageDate(secondsSince1970: 0))
    let layout = PDFWriter(style: loaded).layout(doc, environment: environment, diagnostics: &diagnostics)
    #expect(layout.dump().contains("  image "), "\(style) \(page): no image found: the golden would freeze placeholders")
    try assertGolden(layout.dump(), path: "pdf/\(style)/\(page.dropLast(3)).layout")
  }
}
