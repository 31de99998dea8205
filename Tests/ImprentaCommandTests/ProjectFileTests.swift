import Imprenta
import Testing

@Suite("imprenta.yaml")
struct ProjectFileTests {
  @Test func everyKey() throws {
    var d = Diagnostics()
    let file = try ProjectFile.parse("""
      style: default
      formats: [txt]
      output: dist
      shortcodes: {}
      publications:
        - name: sitio
          inputs: [content, "extra/**/*.md"]
          style: brochure
          formats: txt, pdf
          language: es-CO
          metadata:
            title: Gobierno abierto
            subtitle: Informe
            authors: [Comité, Secretaría]
            date: 2024-05-01
            description: Todo el sitio.
          book: true
        - name: paginas
          inputs: content/plan-de-accion.md
      """, path: "imprenta.yaml", diagnostics: &d)
    #expect(d.isEmpty)
    #expect(file.output == "dist")
    #expect(file.publications.count == 2)
    let a = file.publications[0], b = file.publications[1]
    #expect(a.name == "sitio" && a.book && a.style == "brochure" && a.language == "es-CO")
    #expect(a.inputs == ["content", "extra/**/*.md"])
    #expect(a.formats == [.txt, .pdf])
    #expect(a.metadata.map(\.key) == ["title", "subtitle", "authors", "date", "description"])
    #expect(a.metadata[2].value == .list([.string("Comité"), .string("Secretaría")]))
    #expect(a.line == 6)
    #expect(b.style == "default" && b.formats == [.txt] && !b.book)
    #expect(b.inputs == ["content/plan-de-accion.md"])
  }

  @Test func everyErrorIsReportedWithItsPosition() throws {
    var d = Diagnostics()
    #expect(throws: ImprentaError.self) {
      _ = try ProjectFile.parse("""
        stlye: x
        publications:
          - name: a
            inputs: [content]
            formats: [docx]
            book: maybe
            colour: red
            metadata: {title: T, editor: X, date: ayer}
          - name: a
            inputs: [content]
          - name: ../../x
            inputs: [content]
          - inputs: [content]
          - name: b
            inputs: [../secret]
        """, path: "imprenta.yaml", diagnostics: &d)
    }
    let got = d.items.map { "\($0.line):\($0.column) \($0.message.prefix(28))" }
    #expect(got == [
      "1:1 unknown key 'stlye' (known: ", "5:15 unknown format 'docx' (known", "6:11 'book' must be true or false",
      "7:5 unknown publication key 'col", "8:26 unknown metadata key 'editor", "8:43 'date' is not a date: 'ayer'",
      "9:5 two publications are named '", "11:11 publication name '../../x' m", "13:5 a publication needs a 'name'",
      "15:13 input '../secret' leaves the",
    ])
    #expect(d.items.allSatisfy { $0.severity == .error && $0.file == "imprenta.yaml" && $0.code == .invalidProject })
  }

  @Test func missingPublicationsAndBrokenYAML() {
    var d = Diagnostics()
    #expect(throws: ImprentaError.self) { _ = try ProjectFile.parse("style: x\n", path: "p.yaml", diagnostics: &d) }
    #expect(throws: ImprentaError.self) { _ = try ProjectFile.parse("publications: [\n", path: "p.yaml", diagnostics: &d) }
  }

  @Test func shardsAreDisjointCoverEverythingAndBalance() {
    let units = (0..<37).map { (name: "u\($0)", size: ($0 * 7919) % 1000 + 1) }
    for n in 1...5 {
      let assignment = Shard.assign(units, count: n)
      #expect(assignment.allSatisfy { (0..<n).contains($0) })
      var loads = [Int](repeating: 0, count: n)
      for (i, s) in assignment.enumerated() { loads[s] += units[i].size }
      #expect(loads.max()! - loads.min()! <= units.map(\.size).max()!)
      #expect(Shard.assign(units.reversed(), count: n) == assignment.reversed())
    }
    #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
    #expect(Shard(parsing: "5/4") == nil)
    #expect(Shard(parsing: "0/1") == nil)
  }
}
