import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@Suite("Shipped styles")
struct ShippedStyleTests {
  @Test("the styles built into the binary are the files in styles/ (run scripts/generate-shipped-styles after editing one)")
  func generatedMatchesFiles() throws {
    let folder = Repository.root.appendingPathComponent("styles")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(Set(files.map { ($0 as NSString).deletingPathExtension }) == Set(ShippedStyles.all.keys))
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let shipped = try #require(ShippedStyles.all[(file as NSString).deletingPathExtension])
      #expect(shipped.trimmingCharacters(in: .newlines) == text.trimmingCharacters(in: .newlines), "\(file) differs from its built-in copy")
    }
  }

  @Test("the shipped default is the built-in default, and every shipped style loads without a warning", arguments: ["default", "brochure", "letter", "book"])
  func loadsFromAnywhere(_ name: String) throws {
    var d = Diagnostics()
    let style = try StyleLoader(searchPaths: ["/nonexistent"]).load(name, diagnostics: &d)
    #expect(d.isEmpty, "\(d.items)")
    #expect(style.name == name)
    if name == "default" {
      // The loader answers `default` with the built-in value without parsing: the shipped file must say the same.
      var parsed = try StyleLoader(searchPaths: []).parse(try #require(ShippedStyles.all["default"]), file: "default.yaml", diagnostics: &d)
      parsed.name = "default"
      #expect(d.isEmpty, "\(d.items)")
      #expect(String(reflecting: parsed) == String(reflecting: Style()))
    }
  }

  @Test("a local styles/NAME.yaml takes precedence over the shipped style")
  func localWins() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-styles-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "extends: default\npage: {size: A6}\n".write(to: dir.appendingPathComponent("brochure.yaml"), atomically: true, encoding: .utf8)
    var d = Diagnostics()
    let local = try StyleLoader(searchPaths: [dir.path]).load("brochure", diagnostics: &d)
    let shipped = try StyleLoader(searchPaths: ["/nonexistent"]).load("brochure", diagnostics: &d)
    #expect(String(reflecting: local.page) != String(reflecting: shipped.page))
  }
}
