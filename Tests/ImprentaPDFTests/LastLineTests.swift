import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// A paragraph's last line is never empty: the glue that fills it is no break (TeX's
/// `\penalty10000` before `\parfillskip`), also when its words fill the measure exactly.
@Suite struct LastLineTests {
  @Test(arguments: [TextAlignment.justify, .left])
  func noEmptyLineWhateverTheMeasure(_ align: TextAlignment) {
    let engine = TextEngine()
    var text = AttributedText()
    text.append("Las fichas se sometieron a una consulta pública abierta de tres semanas y luego a la validación del comité de seguimiento.")
    var hard = AttributedText()
    hard.append("Correo electrónico:\ngobierno@example.org\nBogotá, D. C.")
    var empty = 0
    // Every measure from 90 to 260 points in quarter points: some end a line exactly full.
    for k in 0...680 {
      let format = ParagraphFormat(
        font: FontSpec(family: ["DejaVu Serif"], size: 9.5, color: Color(red: 0, green: 0, blue: 0)), width: 90 + Double(k) / 4, align: align, protrusion: 0.5)
      for t in [text, hard] {
        let block = TextBlock(engine: engine, text: t, format: format)
        empty += block.plans.filter { $0.end <= $0.start }.count
      }
    }
    #expect(empty == 0)
  }
}

/// The last word of a paragraph is not hyphenated (TeX's rule), unless no line can hold it
/// whole: then it breaks at its hyphenation points instead of running out of its column (a long
/// word closing a table cell ran off the page).
@Suite struct LastWordTests {
  @Test(arguments: [TextAlignment.justify, .left])
  func aLastWordWiderThanTheMeasureBreaksInsideTheMeasure(_ align: TextAlignment) throws {
    let engine = TextEngine()
    let hyphenator = try #require(Hyphenator(language: "es"))
    let font = FontSpec(family: ["DejaVu Serif"], size: 9.5, color: Color(red: 0, green: 0, blue: 0))
    let words = ["Una palabra larguísima:", "Véase la descripción del compromiso", "Texto"]
    let long = "supercalifragilisticoespialidosoextraordinariamenteinconmensurable"
    var overflowing = 0, hyphenatedLast = 0
    for (k, opening) in words.enumerated() {
      let string = opening + " " + long
      var text = AttributedText()
      text.append(string)
      text.hyphenPoints = hyphenator.points(in: string)
      let whole = engine.width(of: long, font: font)
      // Measures from a third of the word to a little over it: some lines must hold pieces.
      for step in 0...40 {
        let width = whole / 3 + Double(step + k) * whole / 55
        let block = TextBlock(engine: engine, text: text, format: ParagraphFormat(font: font, width: width, align: align))
        overflowing += block.lines.filter { $0.width > width + 0.5 }.count
        if width >= whole + 1 { hyphenatedLast += block.plans.filter(\.hyphenated).count }
      }
    }
    #expect(overflowing == 0)
    // Where the word fits a line, it stays whole.
    #expect(hyphenatedLast == 0)
  }
}
