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
