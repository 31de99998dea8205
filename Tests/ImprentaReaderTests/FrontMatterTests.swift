import ImprentaModel
import ImprentaReader
import Testing

@Suite("Front matter")
struct FrontMatterTests {
  func read(_ text: String, path: String = "page.md") throws -> (Document, Diagnostics) {
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: text, path: path, relativeName: "page", diagnostics: &d)
    return (doc, d)
  }

  @Test func yamlWithHugoKeys() throws {
    let (doc, diags) = try read("""
      ---
      title: "Mision y Objetivos"
      subtitle: Colombia
      date: "2018-12-08T18:03:57-05:00"
      draft: false
      menu: "nav"
      hideTitle: true
      weight: 3
      authors: [Ana, Luis]
      tags: [gobierno, datos]
      lang: es-CO
      description: Una página.
      version: 1.10
      code: 0755
      answer: NO
      params:
        color: azul
      ---

      Texto.
      """)
    let m = doc.metadata
    #expect(diags.isEmpty)
    #expect(m.title == "Mision y Objetivos")
    #expect(m.subtitle == "Colombia")
    #expect(m.date?.year == 2018 && m.date?.month == 12 && m.date?.day == 8 && m.date?.hour == 18)
    #expect(m.date?.utcOffset == -5 * 3600)
    #expect(m.draft == false)
    #expect(m.hideTitle)
    #expect(m.weight == 3)
    #expect(m.authors == ["Ana", "Luis"])
    #expect(m.tags == ["gobierno", "datos"])
    #expect(m.language == "es-CO")
    #expect(m.description == "Una página.")
    // Other keys are kept, in source order, typed by YAML 1.2 (not 1.1: NO stays a string).
    #expect(m.params.map(\.key) == ["menu", "version", "code", "answer", "params"])
    #expect(m.param("menu") == .string("nav"))
    #expect(m.param("version") == .number(1.1))
    #expect(m.param("answer") == .string("NO"))
    #expect(m.param("params")?["color"] == .string("azul"))
    #expect(doc.blocks.count == 1)
  }

  @Test func yamlStringFieldsStayAsWritten() throws {
    let (doc, _) = try read("---\ntitle: 1.10\nslug: 0755\n---\nx\n")
    #expect(doc.metadata.title == "1.10")
    #expect(doc.metadata.slug == "0755")
  }

  @Test func toml() throws {
    let (doc, diags) = try read("""
      +++
      title = "Open government"
      date = 2019-03-15T09:00:00-05:00
      draft = true
      tags = ["open", "data"]
      [params]
      color = "blue"
      +++
      # Heading
      """)
    #expect(diags.isEmpty)
    #expect(doc.metadata.title == "Open government")
    #expect(doc.metadata.draft)
    #expect(doc.metadata.date?.day == 15 && doc.metadata.date?.utcOffset == -5 * 3600)
    #expect(doc.metadata.tags == ["open", "data"])
    #expect(doc.metadata.param("params")?["color"] == .string("blue"))
    guard case .heading(let h) = doc.blocks.first else { Issue.record("no heading"); return }
    #expect(h.range.start.line == 9)
  }

  @Test func json() throws {
    let (doc, diags) = try read("""
      {
        "title": "Participación",
        "date": "2020-01-02",
        "weight": 2,
        "draft": false,
        "extra": {"a": [1, 2.5, true]}
      }

      Hola.
      """)
    #expect(diags.isEmpty)
    #expect(doc.metadata.title == "Participación")
    #expect(doc.metadata.date?.isoDay == "2020-01-02")
    #expect(doc.metadata.weight == 2)
    #expect(doc.metadata.param("extra")?["a"] == .list([.integer(1), .number(2.5), .bool(true)]))
    guard case .paragraph(let p) = doc.blocks.first else { Issue.record("no paragraph"); return }
    #expect(p.range.start.line == 9)
  }

  @Test func brokenYAMLIsAnErrorAtItsLine() throws {
    #expect {
      _ = try read("---\ntitle: ok\nbad: [unclosed\nnext: 1\n---\ntext\n", path: "broken.md")
    } throws: { error in
      guard let e = error as? ImprentaError else { return false }
      return e.diagnostic.file == "broken.md" && e.diagnostic.code == .invalidFrontMatter && e.diagnostic.line >= 3
        && e.description.hasPrefix("broken.md:")
    }
  }

  @Test func unclosedFrontMatter() throws {
    #expect(throws: ImprentaError.self) { _ = try read("---\ntitle: x\n\ntext\n") }
  }

  @Test func brokenTOMLAndJSON() throws {
    #expect {
      _ = try read("+++\ntitle = \n+++\n")
    } throws: { ($0 as? ImprentaError)?.diagnostic.line == 2 }
    #expect {
      _ = try read("{\n\"title\": ,\n}\n")
    } throws: { ($0 as? ImprentaError)?.diagnostic.code == .invalidFrontMatter }
  }

  /// Found by scripts/fuzz: toml++ asserted (aborting the whole build) on a date whose 'T' is
  /// not followed by a digit; it is an error at its line, and the same text in a string is fine.
  @Test(arguments: ["date = 2024-05-06T:08:09Z", "date = 2024-05-06t:08", "dates = [1979-05-27T07:32:00Z, 2024-05-06Tx:1]", "a = {d = 2024-05-06T}"])
  func dateTimeWithoutATimeIsAnError(_ line: String) throws {
    #expect {
      _ = try read("+++\ntitle = \"T\" # 2024-05-06T:\n\(line)\n+++\n")
    } throws: { ($0 as? ImprentaError)?.diagnostic.code == .invalidFrontMatter && ($0 as? ImprentaError)?.diagnostic.line == 3 }
    let (doc, _) = try read("+++\ntitle = \"2024-05-06T:08 'x'\"\nnote = \"\"\"\n2024-05-06T:\"\"\"\ndate = 2024-05-06T07:08:09Z\n+++\n")
    #expect(doc.metadata.title == "2024-05-06T:08 'x'")
    #expect(doc.metadata.date?.text.hasPrefix("2024-05-06") == true)
  }

  @Test func aliasBombIsRefused() throws {
    let bomb = """
      ---
      a: &a ["x","x","x","x","x","x","x","x","x"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      ---
      x
      """
    #expect { _ = try read(bomb) } throws: { ($0 as? ImprentaError)?.diagnostic.code == .frontMatterTooLarge }
  }

  @Test func badTypedValuesWarn() throws {
    let (doc, diags) = try read("---\ntitle: x\ndate: mañana\nweight: many\ndraft: maybe\n---\n")
    #expect(doc.metadata.date == nil)
    #expect(diags.items.map(\.code.rawValue) == ["invalid-front-matter-value", "invalid-front-matter-value", "invalid-front-matter-value"])
    #expect(diags.items.map(\.line) == [3, 4, 5])
  }

  @Test func coverFromImages() throws {
    let (doc, _) = try read("---\nimages: [a.png, b.png]\n---\n")
    #expect(doc.metadata.cover == "a.png")
  }

  @Test func directionFromFrontMatter() throws {
    let (rtl, none) = try read("---\ntitle: T\ndirection: rtl\n---\n\nText.\n")
    #expect(rtl.metadata.direction == .rtl)
    #expect(rtl.metadata.param("direction") == nil)
    #expect(none.items.isEmpty)
    let (he, _) = try read("---\nlang: he\n---\n\nטקסט.\n")
    #expect(he.metadata.direction == nil)
    #expect(he.direction() == .rtl)
    let (forced, _) = try read("+++\nlang = 'ar'\ndir = 'ltr'\n+++\n\nText.\n")
    #expect(forced.direction() == .ltr)
    let (bad, d) = try read("---\ndirection: sideways\n---\n")
    #expect(bad.metadata.direction == nil)
    #expect(d.items.contains { $0.code == .invalidFrontMatterValue && $0.message.contains("sideways") && $0.line == 2 })
  }

  @Test(arguments: ["cover: true", "cover: 3", "cover: [a.png]", "cover:\n  hidden: true", "images: true", "images: [3]", "images:\n  a: b.png"])
  func coverValuesThatAreNotPathsAreIgnoredQuietly(_ line: String) throws {
    let (doc, diags) = try read("---\ntitle: x\n\(line)\n---\n")
    #expect(doc.metadata.cover.isEmpty, "\(line) → \(doc.metadata.cover)")
    #expect(diags.items.isEmpty, "\(diags.items)")
    #expect(doc.resourceReferences.isEmpty)
  }

  @Test func coverPathsAsStringTableOrImages() throws {
    #expect(try read("---\ncover: c.png\n---\n").0.metadata.cover == "c.png")
    #expect(try read("---\ncover:\n  image: t.png\n  alt: x\n---\n").0.metadata.cover == "t.png")
    #expect(try read("---\ncover: true\nimages: [i.png]\n---\n").0.metadata.cover == "i.png")
  }
}
