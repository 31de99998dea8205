import Foundation
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

@Suite(.serialized) struct RenderTests {
  @Test(arguments: ["english.md", "espanol-largo.md"])
  func writesFixture(_ name: String) throws {
    let doc = try PDFTest.fixture(name)
    let (url, bytes, _) = try PDFTest.write(doc, name: String(name.dropLast(3)), options: PDFOptions(tableOfContents: name == "espanol-largo.md"))
    #expect(bytes.starts(with: Array("%PDF".utf8)))
    #expect(FileManager.default.fileExists(atPath: url.path))
  }
}

@Suite struct DebugRender {
  @Test func debugFile() throws {
    guard let path = ProcessInfo.processInfo.environment["IMPRENTA_DEBUG_MD"] else { return }
    let doc = try PDFTest.document(String(contentsOfFile: path, encoding: .utf8), path: path)
    let (url, _, d) = try PDFTest.write(doc, name: "debug")
    print("wrote", url.path, d.items)
  }
}

extension DebugRender {
  @Test func debugDump() throws {
    guard let path = ProcessInfo.processInfo.environment["IMPRENTA_DEBUG_DUMP"] else { return }
    let doc = try PDFTest.document(String(contentsOfFile: path, encoding: .utf8), path: path)
    print(doc.blocks.count, doc.footnotes.map { "\($0.label)=\($0.number)" })
    print(PDFTest.layout(doc).0.dump())
  }
}

extension RenderTests {
  /// The shipped seed page, written to look at.
  @Test func writesSeedPage() throws {
    var d = Diagnostics()
    let path = Repository.content.appendingPathComponent("misionyobjetivos.md").path
    let doc = try ImprentaReader.PageReader().read(contentsOf: path, relativeName: "misionyobjetivos", diagnostics: &d)
    let env = ExportEnvironment(resources: FolderResources(root: Repository.content), buildDate: PageDate(secondsSince1970: 0))
    let bytes = try PDFWriter(style: Style()).write([doc], environment: env, diagnostics: &d)
    try Data(bytes).write(to: PDFTest.outputFolder.appendingPathComponent("misionyobjetivos.pdf"))
    #expect(!bytes.isEmpty)
  }
}
