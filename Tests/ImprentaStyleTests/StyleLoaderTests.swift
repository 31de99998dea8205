import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@Suite("Styles")
struct StyleLoaderTests {
  let loader = StyleLoader(searchPaths: [Repository.styles.path])

  @Test func shippedDefaultEqualsBuiltIn() throws {
    var d = Diagnostics()
    var style = try loader.load("default", diagnostics: &d)
    #expect(d.isEmpty, "\(d.items)")
    style.name = "default"
    #expect(style == Style())
  }

  @Test(arguments: ["default", "brochure", "letter", "book"])
  func shippedStylesLoadWithoutWarnings(name: String) throws {
    var d = Diagnostics()
    _ = try loader.load(name, diagnostics: &d)
    #expect(d.isEmpty, "\(d.items)")
  }

  @Test func brochureIsAnA5BookletWithBleedAndCovers() throws {
    var d = Diagnostics()
    let s = try loader.load("brochure", diagnostics: &d)
    #expect(s.page.width == .mm(148) && s.page.height == .mm(210))
    #expect(s.page.columns == 2)
    #expect(s.print.bleed == .mm(3) && s.print.cropMarks && s.print.impose == "booklet")
    #expect(s.print.standard == "pdf/x-4", "the brochure is PDF/X-4 for the print shop")
    #expect(try loader.load("default", diagnostics: &d).print.standard == "none")
    #expect(s.cover.front && s.cover.back && !s.cover.organization.isEmpty)
    #expect(s.heading(1).font.color != s.heading(2).font.color, "two-colour headings")
    let letter = try loader.load("letter", diagnostics: &d)
    #expect(letter.page.width == .mm(215.9) && letter.page.marginTop == Length(1, .in))
  }

  @Test func printKeysWarnOnBadValues() throws {
    var d = Diagnostics()
    let s = try loader.parse("print: {impose: trifold, bleed: 3mm, standard: pdf/x-1a}\npage: {columns: 9}", file: "p.yaml", diagnostics: &d)
    #expect(s.print.impose == "none" && s.print.bleed == .mm(3) && s.page.columns == 1 && s.print.standard == "none")
    #expect(d.items.count == 3)
    #expect(d.items.allSatisfy { $0.code == .invalidStyleValue })
  }

  @Test func unitsAndColours() throws {
    var d = Diagnostics()
    let s = try loader.parse("""
      page: {size: A5 landscape, margin: 10mm 0.5in}
      base: {font_size: 12pt, color: "#abc", font_family: "Liberation Serif, DejaVu Serif"}
      code: {font_size: 0.8em}
      h2: {font_size: 2em}
      heading: {color: navy}
      text: {columns: 60}
      """, file: "s.yaml", diagnostics: &d)
    #expect(d.isEmpty, "\(d.items)")
    #expect(abs(s.page.width.points(em: 0) - 595.28) < 0.1)
    #expect(s.page.marginTop == .mm(10))
    #expect(s.page.marginInner.points(em: 0) == 36)
    #expect(s.base.font.color == Color(red: 0xaa / 255, green: 0xbb / 255, blue: 0xcc / 255))
    #expect(s.base.font.family == ["Liberation Serif", "DejaVu Serif"])
    #expect(abs(s.code.font.size.points(em: 12) - 9.6) < 1e-9)
    #expect(s.heading(2).font.size.points(em: 12) == 24)
    #expect(s.heading(2).font.color == Color(hex: 0x000080))
    #expect(s.heading(1).font.color == Color(hex: 0x000080))
    #expect(s.text.columns == 60)
  }

  @Test func unknownKeysAndBadValuesWarnWithPosition() throws {
    var d = Diagnostics()
    let s = try loader.parse("""
      page:
        size: B9
        colour: red
      base:
        font_size: big
        color: "#12"
        align: middle
      paragraf:
        space_after: 3pt
      text:
        columns: 5
      """, file: "bad.yaml", diagnostics: &d)
    #expect(s == Style())
    let got = d.items.map { "\($0.line):\($0.column) \($0.code)" }
    #expect(got == [
      "2:9 invalid-style-value", "3:3 unknown-style-key", "5:14 invalid-style-value", "6:10 invalid-style-value",
      "7:10 invalid-style-value", "8:1 unknown-style-key", "11:12 invalid-style-value",
    ])
    #expect(d.items.allSatisfy { $0.severity == .warning && $0.file == "bad.yaml" })
  }

  @Test func extendsChainsAndOverrides() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-style-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "page: {size: Letter}\nbase: {font_size: 11pt}\n".write(to: dir.appendingPathComponent("parent.yaml"), atomically: true, encoding: .utf8)
    try "extends: parent\nbase: {font_size: 9pt}\n".write(to: dir.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
    try "extends: loop\n".write(to: dir.appendingPathComponent("loop.yaml"), atomically: true, encoding: .utf8)
    var d = Diagnostics()
    let child = try StyleLoader(searchPaths: [dir.path]).load("child", diagnostics: &d)
    #expect(child.name == "child")
    #expect(child.page.width == .mm(215.9))
    #expect(child.base.font.size == .pt(9))
    #expect { try StyleLoader(searchPaths: [dir.path]).load("loop", diagnostics: &d) } throws: {
      ($0 as? ImprentaError)?.diagnostic.code == .styleCycle
    }
    #expect { try StyleLoader(searchPaths: [dir.path]).load("missing", diagnostics: &d) } throws: {
      ($0 as? ImprentaError)?.diagnostic.code == .styleNotFound
    }
  }

  @Test func brokenYAMLIsAnError() throws {
    var d = Diagnostics()
    #expect { try loader.parse("page: [", file: "x.yaml", diagnostics: &d) } throws: {
      ($0 as? ImprentaError)?.diagnostic.code == .invalidStyle
    }
  }

  @Test func lengthsAndColoursParse() {
    #expect(Length(parsing: "4mm") == .mm(4))
    #expect(Length(parsing: "1.5 em") == .em(1.5))
    #expect(Length(parsing: "12") == .pt(12))
    #expect(Length(parsing: "12furlongs") == nil)
    #expect(Length(parsing: "1in")!.points(em: 0) == 72)
    #expect(Length(parsing: "16px")!.points(em: 0) == 12)
    #expect(Color(parsing: "#1a4d7a")?.description == "#1a4d7a")
    #expect(Color(parsing: "#1a4d7a80")?.alpha == Double(0x80) / 255)
    #expect(Color(parsing: "#xyz") == nil)
    #expect(Color(parsing: "none")?.isNone == true)
  }
}
