import ImprentaModel
import ImprentaStyle
import Testing

/// A style value is one value: a font family that is not a name is refused when the style is
/// loaded, with a diagnostic at the key's line and column, and the default stays.
@Suite("Style values stay values")
struct StyleValueInjectionTests {
  static let hostileFamilies = [
    #"x\"; } body { background: url(http://evil.example/t.png) } p { font-family: \"y"#, "a;b", "a}b", "url(x)", "@import x", #"a\\b"#,
    "a</style>b", "a\\nb", "a<b", "a&b", "a/*b*/", "a:b",
  ]

  @Test(arguments: hostileFamilies)
  func hostileFamilyIsRefusedWithItsPosition(_ family: String) throws {
    var d = Diagnostics()
    let yaml = "base:\n  font_family: \"\(family)\"\ncode:\n  font_family: [\"Mono\", \"\(family)\"]\n"
    let style = try StyleLoader(searchPaths: []).parse(yaml, file: "evil.yaml", diagnostics: &d)
    #expect(style.base.font.family == Style().base.font.family)
    #expect(style.code.font.family == Style().code.font.family)
    let bad = d.items.filter { $0.code == .invalidStyleValue }
    #expect(bad.count == 2, "\(d.items)")
    #expect(bad.first.map { $0.file == "evil.yaml" && $0.line == 2 && $0.column > 1 } == true, "\(bad)")
    #expect(bad.last?.line == 4)
  }

  @Test func realFamiliesAreAccepted() throws {
    var d = Diagnostics()
    let yaml = "base:\n  font_family: \"Noto Serif, Source Han Serif 源ノ明朝, Gill Sans MT, Font-Name_2.0, Hoefler's Text\"\n"
    let style = try StyleLoader(searchPaths: []).parse(yaml, file: "ok.yaml", diagnostics: &d)
    #expect(d.isEmpty, "\(d.items)")
    #expect(style.base.font.family.count == 5)
  }

  @Test func controlCharactersInStringListsAreRefused() throws {
    var d = Diagnostics()
    let style = try StyleLoader(searchPaths: []).parse("list:\n  bullets: [\"•\", \"a\\u001Bb\"]\n", file: "s.yaml", diagnostics: &d)
    #expect(style.list.bullets == Style().list.bullets)
    #expect(d.items.contains { $0.code == .invalidStyleValue && $0.line == 2 })
  }
}
