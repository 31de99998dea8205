import Foundation
import ImprentaHTML
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import Testing

@Suite struct XHTMLDirectionTests {
  static let hebrew = """
    ---
    title: מסמך
    lang: he
    ---

    ## כותרת

    Hugo היא מערכת; הריצו `--flag` כדי להתחיל.

    ```sh
    hugo server
    ```
    """

  @Test func aRightToLeftPageSaysSoOnItsRoot() throws {
    let (page, _) = try xhtml(Self.hebrew)
    #expect(page.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" lang="he" xml:lang="he" dir="rtl">"#))
    // Code stays left to right: the block, and inline code isolated from the Hebrew around it.
    #expect(page.contains(#"<pre dir="ltr">"#))
    #expect(page.contains(#"<code dir="ltr">--flag</code>"#))
    #expect(xmlErrors(page).isEmpty)
  }

  @Test func frontMatterDirectionWithoutALanguage() throws {
    let (page, _) = try xhtml("---\ntitle: x\ndirection: rtl\n---\n\nنص.\n")
    #expect(page.contains(#"dir="rtl""#))
  }

  @Test func aLeftToRightPageHasNoDirAttribute() throws {
    let (page, _) = try xhtml("---\ntitle: Página\nlang: es\n---\n\nTexto con `código`.\n")
    #expect(!page.contains("dir="))
  }

  /// Every alignment, indent and rule of the stylesheet is logical, so a `dir="rtl"` page is mirrored:
  /// no `left`/`right` value nor `-left`/`-right` property anywhere (headings included).
  @Test func theStylesheetHasNoPhysicalSides() {
    for style in [Style(), { var s = Style(); s.base.align = .left; s.title.align = .right; return s }()] {
      for target in [CSSWriter.Target.standalone, .epub] {
        let css = CSSWriter(style: style, target: target).css()
        for line in css.split(separator: "\n") {
          #expect(!line.contains("left") && !line.contains("right"), "\(line)")
        }
        #expect(css.contains("border-inline-start:"))
        #expect(css.contains("padding-inline-start:"))
      }
    }
    var s = Style()
    s.headings[1].align = .left
    let css = CSSWriter(style: s).css()
    let h2 = css.range(of: "h2 {").map { String(css[$0.lowerBound...].prefix { $0 != "}" }) } ?? ""
    #expect(h2.contains("text-align: start;"))
  }
}
