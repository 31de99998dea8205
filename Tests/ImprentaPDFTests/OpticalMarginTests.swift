import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Optical margin alignment on both sides (`paragraph.protrusion`): a line-initial opening quote,
/// ¿, ¡, parenthesis or dash hangs into the start margin by the style's fraction of its width, on
/// every line, as line-final punctuation hangs into the end margin; the breaker counts both, so
/// justified lines still fill the measure optically. Right-to-left lines mirror it.
@Suite struct OpticalMarginTests {
  let engine = TextEngine()
  static let font = FontSpec(family: ["Noto Serif", "DejaVu Serif"], size: 10.5)
  static let measure = 260.0

  /// Spanish: questions, exclamations and guillemets, many at a word's start.
  static let spanish = (1...14).map { k in
    "¿Qué publica la entidad \(k)? «Los datos abiertos» dijo ¡claro! la mesa técnica (en su informe) y el plan — con metas — sigue."
  }.joined(separator: " ")
  /// English: curly and straight quotes, brackets.
  static let english = (1...14).map { k in
    "Item \(k) of the plan says that “open data” is published by every ministry in formats anyone can reuse, "
      + "that ‘participation’ [as the plan defines it] needs \"plain\" words and clear dates (and a way to follow them up) over the two years."
  }.joined(separator: " ")
  /// Hebrew, with quotes, parentheses and dashes at words' starts.
  static let hebrew = (1...14).map { k in
    "“ממשל פתוח” הוא עיקרון \(k) (שקיפות ושיתוף) — והציבור ״שותף״ בהחלטות ובמעקב אחר ההתחייבויות."
  }.joined(separator: " ")

  func block(_ string: String, align: TextAlignment = .justify, protrusion: Double = 0.5, rtl: Bool = false, language: String, indent: Double = 0) -> TextBlock {
    var text = AttributedText()
    text.append(string)
    var format = ParagraphFormat(font: Self.font, width: Self.measure, align: align, firstLineIndent: indent, language: language, protrusion: protrusion)
    format.direction = rtl ? WritingDirection.rtl : .ltr
    return TextBlock(engine: engine, text: text, format: format)
  }

  /// The width of `character` alone in the test font.
  func advance(_ character: String) -> Double { engine.width(of: character, font: Self.font) }

  /// The first character of line `k`.
  static func first(_ b: TextBlock, _ k: Int) -> String { b.lineText(k).first.map(String.init) ?? "" }

  /// Lines of a justified block: each line's start edge and end edge, with what hangs at each.
  func check(_ b: TextBlock, rtl: Bool = false) -> (hanging: Int, plain: Int) {
    var hanging = 0, plain = 0
    for k in b.lines.indices {
      let line = b.lines[k], plan = b.plans[k]
      let c = Self.first(b, k)
      let start = rtl ? line.x + line.width : line.x
      let expectedStart = c.unicodeScalars.count == 1 ? 0.5 * TextBlock.startHangWeight(c.unicodeScalars.first!.value) * advance(c) : 0
      // The start edge: the margin, less half the opening character's width.
      #expect(abs(plan.startHang - expectedStart) < 0.05, "line \(k) «\(b.lineText(k))»: hangs \(plan.startHang), expected \(expectedStart)")
      #expect(abs((rtl ? start - Self.measure : -start) - expectedStart) < 0.05, "line \(k) «\(b.lineText(k))» starts at \(start)")
      if expectedStart > 0 { hanging += 1 } else { plain += 1 }
      // The end edge of a justified line (not the last): the margin, plus what hangs there.
      if k < b.lines.count - 1 {
        let end = rtl ? line.x : line.x + line.width
        #expect(abs((rtl ? -end : end - Self.measure) - plan.hang) < 0.05, "line \(k) «\(b.lineText(k))» ends at \(end), hang \(plan.hang)")
      }
    }
    return (hanging, plain)
  }

  @Test func spanishLinesOpeningWithQuestionMarksAndGuillemetsHang() {
    let b = block(Self.spanish, language: "es")
    let (hanging, plain) = check(b)
    #expect(hanging >= 3 && plain >= 3, "the paragraph should have lines of both kinds: \(hanging) hanging, \(plain) plain")
    // ¿ and « themselves are among those that hang.
    let openers = Set(b.lines.indices.map { Self.first(b, $0) }.filter { $0 == "¿" || $0 == "«" || $0 == "¡" || $0 == "(" || $0 == "—" })
    #expect(!openers.isEmpty, "no line opens with ¿ « ¡ ( —: the test proves nothing")
  }

  @Test func englishLinesOpeningWithQuotesAndBracketsHang() {
    let b = block(Self.english, language: "en")
    let (hanging, plain) = check(b)
    #expect(hanging >= 3 && plain >= 3, "\(hanging) hanging, \(plain) plain")
  }

  @Test func hebrewLinesHangAtTheRight() {
    let b = block(Self.hebrew, rtl: true, language: "he")
    #expect(!b.fellBackToRagged)
    let (hanging, plain) = check(b, rtl: true)
    #expect(hanging >= 2 && plain >= 2, "\(hanging) hanging, \(plain) plain")
  }

  @Test func startAlignedTextHangsAtTheStartOnlyAndOtherAlignmentsNot() {
    let left = block(Self.spanish, align: .left, language: "es")
    var sawHanging = false
    for k in left.lines.indices {
      let c = Self.first(left, k)
      let expected = 0.5 * TextBlock.startHangWeight(c.unicodeScalars.first!.value) * advance(c)
      #expect(abs(-left.lines[k].x - expected) < 0.05, "line \(k): \(left.lines[k].x)")
      if expected > 0 { sawHanging = true }
    }
    #expect(sawHanging)
    let centered = block(Self.spanish, align: .center, language: "es")
    #expect(centered.plans.allSatisfy { $0.startHang == 0 })
    // No protrusion: nothing hangs on either side.
    let none = block(Self.spanish, protrusion: 0, language: "es")
    #expect(none.lines.allSatisfy { abs($0.x) < 0.001 })
    #expect(none.plans.allSatisfy { $0.startHang == 0 && $0.hang == 0 })
  }

  @Test func anIndentedFirstLineDoesNotHang() {
    let b = block("«" + Self.spanish, language: "es", indent: 12)
    #expect(Self.first(b, 0) == "«")
    #expect(b.plans[0].startHang == 0)
    #expect(abs(b.lines[0].x - 12) < 0.001)
  }

  /// The breaker gives a line whose first box hangs the room it hangs into: a second line 105
  /// wide whose first character hangs 6 fits a measure of 100 (two lines); with nothing hanging
  /// it does not, and the paragraph takes three.
  @Test(arguments: [(6.0, 2), (0.0, 3)])
  func theBreakerCountsTheRoomAtTheStart(startHang: Double, lines: Int) throws {
    var opening = BreakItem.box(55)
    opening.startHang = startHang
    let items: [BreakItem] = [
      .box(50), .glue(10, stretch: 30, shrink: 0), opening, .glue(10, stretch: 30, shrink: 0), .box(40),
      .glue(0, stretch: LineBreaker.fil, shrink: 0), .penalty(0, cost: LineBreaker.forced),
    ]
    var breaker = LineBreaker(items: items, width: 100)
    var p = LineBreaker.Parameters()
    p.tolerance = 10
    p.backgroundStretch = 50
    let found = breaker.breaks(p)
    let result = try #require(found)
    #expect(result.count == lines, "\(result)")
  }

  /// In a written page: the x of a line opening with ¿ or « against the plain lines' x.
  @Test func pageLinesOpeningWithPunctuationStartLeftOfTheOthers() throws {
    var style = ParagraphEngineTests.narrowStyle()
    style.base.font.size = .pt(10.5)
    let doc = try PDFTest.document(ParagraphEngineTests.markdown(Self.spanish, lang: "es"))
    let (layout, _) = PDFTest.layout(doc, style: style)
    let lines = layout.pages.flatMap(\.items).compactMap { item -> TextLine? in
      if case .text(let t) = item.kind, item.tags.last?.name == "P" { return t } else { return nil }
    }
    let plain = lines.filter { !TextBlock.hangsAtStart($0.text.unicodeScalars.first!.value) }
    let hanging = lines.filter { TextBlock.hangsAtStart($0.text.unicodeScalars.first!.value) }
    #expect(plain.count > 3 && hanging.count > 1)
    let margin = try #require(plain.first?.x)
    for l in plain { #expect(abs(l.x - margin) < 0.01) }
    for l in hanging {
      let c = String(l.text.first!)
      let width = engine.width(of: c, font: FontSpec(family: style.base.font.family, size: 10.5))
      #expect(abs(margin - l.x - 0.5 * TextBlock.startHangWeight(l.text.unicodeScalars.first!.value) * width) < 0.05, "«\(l.text)» at \(l.x), margin \(margin)")
    }
  }
}
