import ImprentaModel
import ImprentaReader
import Testing

@Suite("Source text")
struct SourceTextTests {
  @Test func bomAndCRLF() throws {
    var d = Diagnostics()
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Hola\r\n---\r\n\r\nUno\r\ndos\r\n\r\n## Tres\r\n".utf8)
    let doc = try PageReader().read(bytes: bytes, path: "p.md", relativeName: "p", diagnostics: &d)
    #expect(doc.metadata.title == "Hola")
    guard case .heading(let h) = doc.blocks.last else { Issue.record("no heading"); return }
    #expect(h.content.plainText == "Tres")
    #expect(h.range.start.line == 8)
    guard case .paragraph(let p) = doc.blocks.first else { Issue.record("no paragraph"); return }
    #expect(p.content.plainText == "Uno dos")
  }

  @Test func loneCR() throws {
    var d = Diagnostics()
    let doc = try PageReader().read(bytes: Array("# A\r\rB\r".utf8), path: "p.md", relativeName: "p", diagnostics: &d)
    #expect(doc.blocks.count == 2)
  }

  @Test func invalidUTF8IsAnErrorWithPosition() throws {
    var d = Diagnostics()
    let bytes: [UInt8] = Array("línea uno\nab".utf8) + [0xC3, 0x28] + Array(" c\n".utf8)
    #expect {
      _ = try PageReader().read(bytes: bytes, path: "bad.md", relativeName: "bad", diagnostics: &d)
    } throws: { error in
      guard let e = error as? ImprentaError else { return false }
      return e.diagnostic.code == .invalidUTF8 && e.diagnostic.line == 2 && e.diagnostic.column == 3
        && e.description == "bad.md:2:3: error: the file is not valid UTF-8 (bad byte at this position)"
    }
  }

  @Test func missingFile() throws {
    var d = Diagnostics()
    #expect {
      _ = try PageReader().read(contentsOf: "/nonexistent/x.md", relativeName: "x", diagnostics: &d)
    } throws: { ($0 as? ImprentaError)?.diagnostic.code == .missingFile }
  }

  @Test func titleFallsBackToH1ThenFileName() throws {
    var d = Diagnostics()
    let a = try PageReader().read(markdown: "Intro\n\n# Primer título\n\n# Otro\n", path: "dir/a.md", relativeName: "dir/a", diagnostics: &d)
    #expect(a.metadata.title == "Primer título")
    let b = try PageReader().read(markdown: "## Sub\n", path: "dir/nota.md", relativeName: "dir/nota", diagnostics: &d)
    #expect(b.metadata.title == "nota")
  }
}
