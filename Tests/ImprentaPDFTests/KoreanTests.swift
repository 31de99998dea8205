import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Korean set as Korean is: in the Korean face of Noto CJK, lines broken at the spaces between
/// words (`word-break: keep-all`), never between two syllables of a word. Chinese and Japanese
/// get their own faces too, whatever region their language tag names.
@Suite struct KoreanTests {
  static let korean = """
    인증서는 웹사이트와 방문자 사이의 연결을 안전하게 지켜 줍니다. 우리는 누구나 무료로 인증서를 받을 수 있도록 \
    자동화된 방법을 제공합니다. 인증서의 유효 기간은 90일이며, 만료되기 전에 자동으로 갱신하는 것을 권장합니다. \
    서버 관리자는 클라이언트 프로그램을 설치한 뒤 몇 가지 명령만 실행하면 됩니다. Imprenta는 이 문서를 \
    인쇄용으로 조판하는 도구이고, 긴 낱말도 띄어쓰기에서만 줄을 바꿉니다. 웹브라우저인증서관리프로그램처럼 \
    붙여 쓴 긴 낱말도 한 줄 안에 그대로 남습니다.
    """

  @Test func koreanLinesBreakOnlyBetweenWords() throws {
    let doc = try PDFTest.document("---\ntitle: 인증서 안내\nlang: ko-KR\n---\n\n\(Self.korean)\n", path: "ko.md")
    var style = Style()
    style.base.hyphenate = true
    let (layout, diagnostics) = PDFTest.layout(doc, style: style)
    #expect(!diagnostics.items.contains { $0.code == .missingGlyph }, "no CJK font? run scripts/setup (fonts-noto-cjk): \(diagnostics.items)")
    let lines = ScriptsTests.lines(layout, "P")
    #expect(lines.count >= 4, "\(lines.map(\.text))")
    let words = Set(Self.korean.split(separator: " ").map(String.init))
    for line in lines {
      for word in line.text.split(separator: " ") {
        #expect(words.contains(String(word)), "a line broke inside a word: '\(word)' in '\(line.text)'")
      }
    }
    // Keep-all only takes breaks away: a paragraph without spaces still fits its measure (by
    // the emergency cuts every overlong word gets).
    let width = try #require(lines.first).block.format.width
    for line in lines { #expect(line.width <= width + 0.5, "overfull line: \(line.width) > \(width)") }
  }

  @Test(arguments: [("ko-KR", "CJKkr", "인증서는 연결을 지켜 줍니다."), ("ko", "CJKkr", "인증서는 연결을 지켜 줍니다."),
    ("zh-Hans-CN", "CJKsc", "证书保护网站与访客之间的连接（HTTPS）。启用 HTTPS。"),
    ("zh-SG", "CJKsc", "证书保护网站与访客之间的连接。"), ("zh-TW", "CJKtc", "憑證保護網站與訪客之間的連線，啟用 HTTPS。"),
    ("ja-JP", "CJKjp", "証明書はウェブサイトと訪問者の間の接続を守ります。")])
  /// Punctuation right after Latin text (`HTTPS。`) too: Pango falls back for it by the Latin
  /// run's language unless the language's face is named.
  func cjkLanguagesGetTheirOwnFace(_ language: String, _ face: String, _ text: String) throws {
    let doc = try PDFTest.document("---\ntitle: \(text.prefix(3))\nlang: \(language)\n---\n\n\(text)\n", path: "cjk.md")
    let (url, _, _) = try PDFTest.write(doc, name: "cjk-face-\(language)")
    let fonts = try #require(PDFTest.run("pdffonts", [url.path]), "pdffonts (poppler-utils) is not installed")
    let names = fonts.output.split(separator: "\n").filter { $0.contains("CJK") }
    #expect(!names.isEmpty && names.allSatisfy { $0.contains(face) }, "\(language): \(fonts.output)")
  }

  @Test func keepAllJoinsHangulToLettersAndDigitsOnly() {
    func scalar(_ c: Character) -> UInt32 { c.unicodeScalars.first!.value }
    #expect(KoreanBreaks.keepsTogether(scalar("증"), scalar("서")))
    #expect(KoreanBreaks.keepsTogether(scalar("t"), scalar("는")) && KoreanBreaks.keepsTogether(scalar("0"), scalar("일")))
    #expect(!KoreanBreaks.keepsTogether(scalar("中"), scalar("文")), "Chinese still breaks between ideographs")
    #expect(!KoreanBreaks.keepsTogether(scalar("다"), scalar("—")) && !KoreanBreaks.keepsTogether(scalar("-"), scalar("한")))
  }
}
