import ImprentaModel
import ImprentaReader
import ImprentaTestSupport
import Testing

@Suite("Shipped content")
struct ContentReaderTests {
  @Test(arguments: Repository.contentPages)
  func treeGolden(page: String) throws {
    var d = Diagnostics()
    let doc = try PageReader().read(contentsOf: Repository.content.appendingPathComponent(page).path, relativeName: page, diagnostics: &d)
    try assertGolden(TreeDump.dump(doc), path: "reader/\(page).tree")
  }

  @Test func seedPage() throws {
    var d = Diagnostics()
    let doc = try PageReader().read(contentsOf: Repository.content.appendingPathComponent("misionyobjetivos.md").path, relativeName: "misionyobjetivos", diagnostics: &d)
    #expect(d.isEmpty)
    #expect(doc.metadata.title == "Mision y Objetivos")
    #expect(doc.metadata.hideTitle)
    #expect(doc.metadata.param("menu") == .string("nav"))
    #expect(doc.outline.map(\.id) == [
      "contexto-internacional", "qué-es-la-alianza-para-gobierno-abierto", "cómo-nació-la-alianza-para-gobierno-abierto",
      "cuáles-son-los-objetivos-de-la-alianza-para-gobierno-abierto-en-el-mundo",
    ])
  }
}
