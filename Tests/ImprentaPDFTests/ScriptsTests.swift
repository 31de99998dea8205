import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Right-to-left documents laid out mirrored, CJK text found, broken and extracted, and
/// characters no font has reported.
@Suite struct ScriptsTests {
  static let hebrew = """
    ---
    title: בדיקה
    lang: he
    ---

    ## כותרת משנה

    Imprenta היא כלי; הפסקה פותחת במילה לועזית אבל נשארת מימין לשמאל.

    - פריט ראשון
    - פריט שני

    1. ראשון
    2. שני

    > ציטוט קצר

    | שם | ערך |
    |----|-----|
    | אלף | 1 |
    """

  /// Text items of a layout whose innermost tag is `tag`.
  static func lines(_ layout: PageLayout, _ tag: String) -> [TextLine] {
    layout.pages.flatMap(\.items).compactMap { item -> TextLine? in
      guard case .text(let t) = item.kind, item.tags.last?.name == tag else { return nil }
      return t
    }
  }

  @Test func rightToLeftListMarkersSitRightOfTheirText() throws {
    let (layout, _) = PDFTest.layout(try PDFTest.document(Self.hebrew))
    let markers = Self.lines(layout, "Lbl")
    let itemText = layout.pages.flatMap(\.items).compactMap { item -> TextLine? in
      guard case .text(let t) = item.kind, item.tags.contains(where: { $0.name == "LI" }), item.tags.last?.name == "P" else { return nil }
      return t
    }
    #expect(markers.count == 4 && itemText.count == 4)
    for (marker, text) in zip(markers, itemText) {
      // The marker starts past the right end of the item's text, close to it.
      #expect(marker.x > text.x + text.width, "marker \(marker.text) at \(marker.x), text ends at \(text.x + text.width)")
      #expect(marker.x - (text.x + text.width) < 20)
    }
    // The same list left to right: markers at the left of the text.
    let (ltr, _) = PDFTest.layout(try PDFTest.document("- one\n- two\n"))
    let m = try #require(Self.lines(ltr, "Lbl").first), t = try #require(Self.lines(ltr, "P").first)
    #expect(m.x + m.width < t.x)
  }

  @Test func rightToLeftHeadingsTextQuotesAndTablesStartAtTheRight() throws {
    let style = Style()
    let (layout, _) = PDFTest.layout(try PDFTest.document(Self.hebrew), style: style)
    let page = try #require(layout.pages.first)
    let base = style.base.font.size.points(em: 12)
    let textRight = style.page.marginInner.points(em: base) + (style.page.width.points(em: base) - style.page.marginInner.points(em: base) - style.page.marginOuter.points(em: base))
    let heading = try #require(Self.lines(layout, "H2").first)
    #expect(abs(heading.x + heading.width - textRight) < 1, "heading ends at \(heading.x + heading.width), text area at \(textRight)")
    // A paragraph opening with a Latin word is still right to left: its last line ends at the right.
    let paragraph = try #require(Self.lines(layout, "P").first)
    #expect(abs(paragraph.x + paragraph.width - textRight) < 1)
    // The quote's rule is at its right, beside the quoted text.
    let quote = try #require(layout.pages.flatMap(\.items).first { item in
      if case .text = item.kind { return item.tags.contains { $0.name == "BlockQuote" } } else { return false }
    })
    guard case .text(let quoted) = quote.kind else { return }
    let bars = page.items.compactMap { item -> Rect? in
      if case .box(let r, _, _, _) = item.kind, r.width < 5, r.height > 5 { return r } else { return nil }
    }
    let bar = try #require(bars.first)
    #expect(bar.x > quoted.x + quoted.width)
    #expect(abs(bar.maxX - textRight) < 2)
    // The first column of the table is the rightmost.
    let cells = layout.pages.flatMap(\.items).compactMap { item -> TextLine? in
      guard case .text(let t) = item.kind, item.tags.last?.name == "TD" else { return nil }
      return t
    }
    #expect(cells.count == 2)
    #expect(cells[0].x > cells[1].x)
    #expect(cells[0].text == "אלף")
  }

  @Test func aRightToLeftTableRepeatsItsHeaderMirrored() throws {
    let rows = (1...120).map { "| שורה \($0) | \($0) |" }.joined(separator: "\n")
    let (layout, _) = PDFTest.layout(try PDFTest.document("---\ntitle: t\nlang: he\n---\n\n| שם | ערך |\n|----|-----|\n" + rows + "\n"))
    #expect(layout.pages.count > 1)
    for page in layout.pages {
      // Tagged TH on the first page, an artifact (untagged) where it is repeated.
      let header = page.items.compactMap { item -> TextLine? in
        guard case .text(let t) = item.kind, item.tags.last?.name == "TH" || item.tags.isEmpty else { return nil }
        return t
      }
      #expect(header.count == 2)
      #expect(header.first?.text == "שם")
      #expect((header.first?.x ?? 0) > (header.last?.x ?? 0))
    }
  }

  @Test func rightToLeftPDFPutsTheMarkerRightOfTheTextOnThePage() throws {
    let (url, _, _) = try PDFTest.write(try PDFTest.document(Self.hebrew), name: "rtl-markers")
    guard let out = PDFTest.run("pdftotext", ["-bbox", url.path, "-"]) else {
      withKnownIssue("pdftotext is not installed") { Issue.record("pdftotext missing") }
      return
    }
    // Words with their boxes: every one on the bullet's line is at its left.
    let words = out.output.split(separator: "\n").compactMap { line -> (x: Double, y: Double, text: String)? in
      guard line.contains("<word"), let x = Self.attribute(line, "xMin"), let y = Self.attribute(line, "yMax"),
        let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { return nil }
      return (x, y, String(line[line.index(after: open)..<close.lowerBound]))
    }
    let bullet = try #require(words.first { $0.text == "•" })
    let sameLine = words.filter { abs($0.y - bullet.y) < 2 && $0.text != "•" }
    // פריט ראשון: nine letters, read as letters (Cairo) or as the two words (the native writer).
    #expect(sameLine.map(\.text.count).reduce(0, +) >= 9, "\(sameLine)")
    #expect(sameLine.allSatisfy { $0.x < bullet.x })
    // Viewers are told to turn the pages right to left.
    if let qdf = PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", url.path, "-"]) {
      #expect(qdf.output.contains("/Direction /R2L"))
    }
    let (ltr, _, _) = try PDFTest.write(try PDFTest.document("- one\n"), name: "ltr-markers")
    if let qdf = PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", ltr.path, "-"]) {
      #expect(!qdf.output.contains("/Direction"))
    }
  }

  static func attribute(_ line: Substring, _ name: String) -> Double? {
    guard let r = line.range(of: name + "=\"") else { return nil }
    return Double(line[r.upperBound...].prefix { $0 != "\"" })
  }

  /// Found on a Hebrew page, true of every page: a note call was left alone at the start of a
  /// line ("end." then "1"). It now stays with the word it follows, in either direction.
  @Test func aFootnoteCallNeverStartsALine() throws {
    for (lang, word) in [("en", "Lorem ipsum dolor sit amet consectetur "), ("he", "טקסט ארוך בעברית כדי למלא שורה ")] {
      let paragraphs = (1...40).map { k in String(repeating: word, count: 2) + String(repeating: "a", count: k) + " end.[^1]" }
      let doc = try PDFTest.document("---\ntitle: t\nlang: \(lang)\n---\n\n" + paragraphs.joined(separator: "\n\n") + "\n\n[^1]: note\n")
      let (layout, _) = PDFTest.layout(doc)
      let lines = Self.lines(layout, "P").filter { $0.block.text.footnoteCalls.count == 1 }
      #expect(lines.count > 40)
      for line in lines where line.index > 0 {
        let m = line.block.lines[line.index]
        #expect(line.block.text.footnoteCalls[0].index != m.start, "\(lang): a line starts with the call: \(line.text)")
      }
    }
  }

  // MARK: - Characters no font has

  @Test func aCharacterNoFontHasIsReportedOncePerCharacter() throws {
    // Private Use Area characters: no font installed by setup covers them.
    let doc = try PDFTest.document("---\ntitle: Glyphs\n---\n\nFirst \u{E000} here.\n\nAgain \u{E000} and \u{F8FE}.\n", path: "glyphs.md")
    let (_, diagnostics) = PDFTest.layout(doc)
    let missing = diagnostics.items.filter { $0.code == .missingGlyph }
    #expect(missing.count == 2, "\(missing)")
    let first = try #require(missing.first { $0.message.contains("U+E000") })
    #expect(first.line == 5)
    #expect(first.file == "glyphs.md")
    #expect(first.message.contains("page 1"))
    #expect(first.message.contains("\"\u{E000}\""))
    #expect(missing.contains { $0.message.contains("U+F8FE") && $0.line == 7 })
    #expect(first.severity == .warning)
    // Text every installed font family covers gives no warning.
    let (_, clean) = PDFTest.layout(try PDFTest.document("Plain text, ñ, é, ש, 中文.\n"))
    #expect(!clean.items.contains { $0.code == .missingGlyph }, "\(clean.items)")
  }

  /// A long paragraph of characters no font has (a hostile page): each missing character is
  /// looked at once, on its own line, not once per line of its paragraph (a 5.7 MB paragraph of
  /// Private Use Area letters took 90 s); each is still reported once, on its first page.
  @Test func missingCharactersOfALongParagraphAreLookedAtOnce() throws {
    var words: [String] = []
    for i in 0..<6000 { words.append(String(Character(Unicode.Scalar(0xE000 + (i * 7) % 300)!)) + "\u{E100}" + "ab") }
    let doc = try PDFTest.document("---\ntitle: Boxes\n---\n\n" + words.joined(separator: " ") + "\n", path: "boxes.md")
    let engine = TextEngine()
    var layouter = PDFLayouter(style: Style(), engine: engine, hyphenator: nil, document: doc, environment: PDFTest.environment)
    layouter.prefetchPolicy = .never
    let pages = layouter.layout()
    let lines = pages.pages.flatMap(\.items).filter { if case .text = $0.kind { true } else { false } }.count
    #expect(lines > 100)
    var again = PDFLayouter(style: Style(), engine: engine, hyphenator: nil, document: doc, environment: PDFTest.environment)
    let looked = again.reportMissingGlyphs(pages)
    // 12,000 missing characters (two a word); lines × characters would be over a million.
    #expect(looked == 12_000)
    let missing = again.diagnostics.items.filter { $0.code == .missingGlyph }
    #expect(missing.count == 300)  // U+E000…U+E12B (U+E100 among them)
    #expect(missing.allSatisfy { $0.message.contains("page 1") || $0.message.contains("page 2") })
  }

  // MARK: - CJK

  static let chinese = String(repeating: "这是一个很长的中文段落，用来检查汉字之间的换行是否正确，而且不会超出版心的宽度。", count: 8)

  @Test func chineseTextIsFoundWrappedAndExtracted() throws {
    let doc = try PDFTest.document("---\ntitle: 介绍\nlang: zh\n---\n\n\(Self.chinese)\n", path: "zh.md")
    var style = Style()
    style.base.hyphenate = true
    let (layout, diagnostics) = PDFTest.layout(doc, style: style)
    #expect(!diagnostics.items.contains { $0.code == .missingGlyph }, "no CJK font? run scripts/setup (fonts-noto-cjk): \(diagnostics.items)")
    // Chinese is never hyphenated, and no dictionary is missed for it.
    #expect(!diagnostics.items.contains { $0.code == .noHyphenation })
    let lines = Self.lines(layout, "P")
    #expect(lines.count > 3)
    let width = try #require(lines.first).block.format.width
    for line in lines {
      #expect(line.width <= width + 0.5, "overfull line: \(line.width) > \(width)")
      #expect(!line.block.text.string.contains("\u{AD}"))
    }
    // Lines break between ideographs: every full line is nearly the whole width.
    #expect(lines.dropLast().allSatisfy { $0.width > width - 20 })
    let (url, _, _) = try PDFTest.write(doc, name: "zh-extract", style: style)
    guard let out = PDFTest.run("pdftotext", [url.path, "-"]) else {
      withKnownIssue("pdftotext is not installed") { Issue.record("pdftotext missing") }
      return
    }
    let text = out.output.filter { !$0.isWhitespace }
    #expect(text.contains("介绍"))
    #expect(text.contains("这是一个很长的中文段落"))
    guard let fonts = PDFTest.run("pdffonts", [url.path]) else { return }
    // The simplified-Chinese face of Noto CJK, not the Japanese one.
    #expect(fonts.output.contains("CJKsc"), "\(fonts.output)")
  }

  /// Text with combining marks reads back from the PDF as it was written: a Thai vowel mark
  /// drawn over its letter from the next letter's origin was read after that letter ("มรี ะ"
  /// for "มีระ"), and a mark lowered by a hairline started a line of its own.
  @Test(arguments: [
    ("th", "ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอน การเขียนไม่มีการเว้นวรรคระหว่างคำ"),
    ("hi", "हिन्दी भारत की राजभाषा है और यह देवनागरी लिपि में लिखी जाती है"),
    ("es", "Participacio\u{301}n ciudadana en la regio\u{301}n: informacio\u{301}n pu\u{301}blica y an\u{303}o"),
  ])
  func marksReadBackInOrder(_ language: String, _ text: String) throws {
    let doc = try PDFTest.document("---\ntitle: t\nlang: \(language)\n---\n\n\(text)\n")
    let (url, _, _) = try PDFTest.write(doc, name: "marks-\(language)")
    guard let out = PDFTest.run("pdftotext", [url.path, "-"]) else {
      withKnownIssue("pdftotext is not installed") { Issue.record("pdftotext missing") }
      return
    }
    // The title's line, then the paragraph's (Thai has no spaces to keep at a line's end).
    let lines = out.output.split(separator: "\n").dropFirst().joined(separator: language == "th" ? "" : " ")
    #expect(lines.precomposedStringWithCanonicalMapping.contains(text.precomposedStringWithCanonicalMapping), "\(lines)")
  }

  @Test func hanInALatinPageGetsNoSoftHyphens() throws {
    let h = try #require(Hyphenator(language: "es"))
    let mixed = h.hyphenate("información 中华人民共和国国务院新闻办公室 participación")
    #expect(mixed.contains("in\u{AD}for\u{AD}ma\u{AD}ción"))
    #expect(mixed.contains("中华人民共和国国务院新闻办公室"))
    #expect(Hyphenator.isUnhyphenated(language: "zh-Hans") && Hyphenator.isUnhyphenated(language: "ja") && !Hyphenator.isUnhyphenated(language: "es"))
    #expect(FontLanguage.tag(for: "zh") == "zh-cn" && FontLanguage.tag(for: "zh-Hant") == "zh-tw" && FontLanguage.tag(for: "zh-HK") == "zh-hk" && FontLanguage.tag(for: "ja") == "ja")
  }
}
