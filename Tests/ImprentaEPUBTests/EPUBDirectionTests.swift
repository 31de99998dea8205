import Foundation
import ImprentaEPUB
import ImprentaModel
import Testing

@Suite struct EPUBDirectionTests {
  static let hebrewPages: [(name: String, markdown: String)] = [
    ("intro", "---\ntitle: מבוא\nlang: he\n---\n\nפסקה ראשונה עם המילה Hugo בתוכה.\n\n- פריט\n- פריט שני\n\n> ציטוט\n"),
    ("second", "---\ntitle: פרק שני\nlang: he\n---\n\n## כותרת\n\nטקסט עם `code` באמצע.\n"),
  ]

  @Test func aHebrewBookTurnsItsPagesRightToLeft() throws {
    let files = try epubFiles(Self.hebrewPages)
    let opf = try #require(files["OEBPS/content.opf"])
    #expect(opf.contains(#"<spine toc="ncx" page-progression-direction="rtl">"#))
    #expect(opf.contains("<dc:language>he</dc:language>"))
    for path in ["OEBPS/nav.xhtml", "OEBPS/text/titlepage.xhtml", "OEBPS/text/intro.xhtml", "OEBPS/text/second.xhtml"] {
      let page = try #require(files[path], "\(path)")
      #expect(page.contains(#"lang="he" xml:lang="he" dir="rtl">"#), "\(path)")
    }
  }

  @Test func aLeftToRightBookHasNoDirection() throws {
    let files = try epubFiles([("p", "---\ntitle: Página\nlang: es\n---\n\nTexto.\n")])
    let opf = try #require(files["OEBPS/content.opf"])
    #expect(opf.contains(#"<spine toc="ncx">"#))
    #expect(!(files["OEBPS/text/p.xhtml"] ?? "").contains("dir="))
  }
}
