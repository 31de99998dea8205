import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Letter-spacing is the last resort of justification: a line is tracked only once its spaces
/// have stretched as far as the pass without letter-spacing allows, never beside lines that
/// spaces alone would justify (an uneven grey on a brochure page).
@Suite struct LetterSpacingTests {
  /// Long unhyphenated words in a narrow justified measure: paragraphs that need the
  /// letter-spacing pass (no dictionary: nothing is hyphenated).
  static func paragraphs() -> [String] {
    let words = ["interinstitucionales", "transparencia", "participación", "corresponsabilidad", "gobernabilidad",
      "institucionalidad", "fortalecimiento", "compromisos", "ciudadanía", "implementación"]
    var state: UInt64 = 11
    func next() -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int(state >> 33)
    }
    return (0..<40).map { _ in (0..<(30 + next() % 30)).map { _ in words[next() % words.count] }.joined(separator: " ") }
  }

  @Test func onlyLinesWhoseSpacesReachTheirLimitAreTracked() {
    let engine = TextEngine()
    var tracked = 0
    for (k, string) in Self.paragraphs().enumerated() {
      let format = ParagraphFormat(
        font: FontSpec(family: ["DejaVu Serif"], size: 10, color: Color(red: 0, green: 0, blue: 0)), width: [160, 190, 230, 270][k % 4], align: .justify)
      var text = AttributedText()
      text.append(string)
      let block = TextBlock(engine: engine, text: text, format: format)
      let space = engine.width(of: "a b", font: format.font) - engine.width(of: "ab", font: format.font)
      for plan in block.plans where plan.letterExtra > 0 {
        tracked += 1
        // Spaces first, up to a glue ratio of 1.5 (a space stretches by half its width at 1).
        #expect(plan.spaceExtra >= 0.5 * TextBlock.spacesBeforeLetters * space - 0.01, "\(plan)")
        #expect(plan.letterExtra <= TextBlock.letterSpacing * format.font.size + 1e-9)
      }
    }
    // The measure is narrow enough that some lines do need it.
    #expect(tracked > 0)
  }
}
