import ImprentaHTML
import ImprentaModel
import ImprentaStyle
import Testing

/// CSS written from style values stays a value even when a `Style` is built in code (no loader):
/// families and bullets are escaped CSS strings, keywords are checked again.
@Suite("CSS from style values")
struct CSSInjectionTests {
  static let values = [
    #"x"; } body { background: url(http://evil.example/t.png) } @import url(http://evil.example/a.css); p { font-family: "y"#,
    "a\\\"b", "</style><script>alert(1)</script>", "a\nb}c{", "a\u{1B}b", "x' } * { color: red",
  ]

  /// The stylesheet's text outside CSS strings (what a CSS parser reads as syntax).
  static func syntax(_ css: String) -> String {
    var out = "", inString = false, escaped = false
    for c in css {
      if inString {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
        continue
      }
      if c == "\"" { inString = true } else { out.append(c) }
    }
    return out
  }

  @Test(arguments: values)
  func familiesBulletsAndKeywordsStayValues(_ value: String) {
    var style = Style()
    style.base.font.family = [value, "Serif"]
    style.code.font.family = [value]
    style.list.bullets = Style().list.bullets.map { _ in value }
    style.base.font.weight = value
    style.blockquote.slant = value
    style.base.font.color = Color(red: .nan, green: -3, blue: .infinity)
    style.paragraph.spaceAfter = Length(.infinity, .pt)
    for target in [CSSWriter.Target.standalone, .epub] {
      let css = CSSWriter(style: style, target: target).css()
      let syntax = Self.syntax(css)
      #expect(!syntax.contains("url(") && !syntax.contains("@import") && !syntax.contains("evil"), "\(css)")
      #expect(syntax.filter { $0 == "{" }.count == Self.syntax(CSSWriter(style: Style(), target: target).css()).filter { $0 == "{" }.count)
      #expect(!css.contains("<") && !css.contains(">") && !css.contains("&"))
      #expect(!css.unicodeScalars.contains { $0.isControlCharacter && $0 != "\n" })
    }
  }
}
