import ImprentaModel
import Testing

@Suite("Model")
struct ModelTests {
  @Test(arguments: [
    ("¿Qué es la Alianza?", "qué-es-la-alianza"),
    ("Hello, World!", "hello-world"),
    ("  Año 2024: ¡Logros!  ", "año-2024-logros"),
    ("snake_case y guión-medio", "snake_case-y-guión-medio"),
    ("Ελληνικά Κείμενο", "ελληνικά-κείμενο"),
    ("C++ & Swift", "c--swift"),
    ("日本語", "日本語"),
  ])
  func githubSlugs(input: String, expected: String) {
    #expect(Slug.github(input) == expected)
  }

  @Test func uniqueIDs() {
    var ids = UniqueIDs()
    #expect(ids.make(from: "a") == "a")
    #expect(ids.make(from: "a") == "a-1")
    ids.reserve("a-2")
    #expect(ids.make(from: "a") == "a-3")
    #expect(ids.make(from: "") == "heading")
  }

  @Test func dates() throws {
    let d = try #require(PageDate(parsing: "2018-12-08T18:03:57-05:00"))
    #expect((d.year, d.month, d.day, d.hour, d.utcOffset) == (2018, 12, 8, 18, -18000))
    // Late evening in Bogotá is the next day in UTC: the written day is kept.
    #expect(Localization.spanish.format(d) == "8 de diciembre de 2018")
    #expect(Localization.english.format(d) == "December 8, 2018")
    #expect(PageDate(parsing: "2020-02-29")?.isoDay == "2020-02-29")
    #expect(PageDate(parsing: "2019-02-29") == nil)
    #expect(PageDate(parsing: "2020-01-01 10:00") != nil)
    #expect(PageDate(parsing: "2020-01-01T10:00:00.123Z")?.utcOffset == 0)
    #expect(PageDate(parsing: "mañana") == nil)
    #expect(d.secondsSince1970 == 1_544_310_237)
    let epoch = PageDate(secondsSince1970: 1_544_310_237)
    #expect(epoch.text == "2018-12-08T23:03:57Z")
    #expect(epoch.secondsSince1970 == 1_544_310_237)
  }

  @Test func localizationFallsBackToEnglish() {
    #expect(Localization.forLanguage("es-CO") == .spanish)
    #expect(Localization.forLanguage("xx") == .english)
    #expect(Localization.forLanguage("") == .english)
  }

  @Test func diagnosticsPrintLikeCompilers() {
    let d = Diagnostic(.warning, code: .brokenLink, file: "a.md", line: 3, column: 7, message: "careful")
    #expect(d.description == "a.md:3:7: warning: careful")
    let whole = Diagnostic(.error, code: .readFailed, file: "a.md", message: "broken")
    #expect(whole.description == "a.md: error: broken")
  }

  @Test func plainTextOfInlines() {
    let inlines: [Inline] = [
      .text(Text("Hola ")), .strong(Styled([.text(Text("mundo"))])), .softBreak(.unknown),
      .link(Link(destination: "#x", content: [.code(InlineCode("x"))])), .footnoteReference(FootnoteReference(label: "1", number: 1)),
    ]
    #expect(inlines.plainText == "Hola mundo x")
  }
}
