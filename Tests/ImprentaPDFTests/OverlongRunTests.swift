import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Text that no line can hold is broken rather than run out of its measure: code whose spaces
/// may not break, in a narrow column; and table columns share a width too small for their
/// words so that a column of short words keeps them whole.
@Suite struct OverlongRunTests {
  @Test func unbreakableCodeWiderThanTheMeasureBreaksAtItsSpaces() {
    let engine = TextEngine()
    let font = FontSpec(family: ["DejaVu Sans Mono"], size: 8, color: Color(red: 0, green: 0, blue: 0))
    var overflowing = 0, lines = 0
    for code in [":laughing: :satisfied:", "git commit --amend --no-edit", "a b c d e f g h i j k l m n o p"] {
      var text = AttributedText()
      text.with(.noBreaks) { $0.append(code) }
      let whole = engine.width(of: code, font: font)
      for step in 0..<30 {
        let width = 12 + Double(step) * whole / 30
        let block = TextBlock(engine: engine, text: text, format: ParagraphFormat(font: font, width: width, align: .left))
        overflowing += block.lines.filter { $0.width > width + 0.5 }.count
        lines += block.lines.count
      }
      // Where it fits, it stays on one line.
      let fits = TextBlock(engine: engine, text: text, format: ParagraphFormat(font: font, width: whole + 2, align: .left))
      #expect(fits.lines.count == 1, "\(code)")
    }
    #expect(overflowing == 0)
    #expect(lines > 90)
  }

  @Test func fairSharesMeetSmallWantsWhole() {
    #expect(PDFLayouter.fairShares([20, 100, 100, 100], total: 200) == [20, 60, 60, 60])
    #expect(PDFLayouter.fairShares([50, 50], total: 80) == [40, 40])
    #expect(PDFLayouter.fairShares([10, 20, 30], total: 60) == [10, 20, 30])
    // Every share, whatever the wants: the total is met, no want is exceeded, and a want under
    // the smallest share of the others is met.
    var rng = SeededGenerator(seed: 5)
    for _ in 0..<200 {
      let count = Int(rng.next() % 7 + 1)
      var wants: [Double] = []
      for _ in 0..<count { wants.append(Double(rng.next() % 300 + 5)) }
      let sum: Double = wants.reduce(0, +)
      let total: Double = max(1, sum - Double(rng.next() % 400))
      let shares = PDFLayouter.fairShares(wants, total: total)
      let given: Double = shares.reduce(0, +)
      #expect(abs(given - min(total, sum)) < 1e-6)
      #expect(zip(shares, wants).allSatisfy { $0 <= $1 + 1e-9 })
      let cap = shares.max() ?? 0
      for (share, want) in zip(shares, wants) {
        let expected = want <= cap ? want : cap
        #expect(abs(share - expected) < 1e-9)
      }
    }
  }

  @Test func aColumnOfShortWordsKeepsThemWholeBesideLongCode() throws {
    var md = "| ico | shortcode | ico | shortcode | top |\n|---|---|---|---|---|\n"
    for name in ["smiling_face_with_three_hearts", "kissing_closed_eyes", "slightly_smiling_face", "upside_down_face"] {
      md += "| :\(name): | `:\(name):` | :\(name)_b: | `:\(name)_b:` | [top](#arriba) |\n"
    }
    let doc = try PDFTest.document("# Arriba\n\n" + md)
    var style = Style()
    style.page.width = .pt(300)
    let (pages, _) = PDFTest.layout(doc, style: style)
    var top = 0
    for page in pages.pages {
      for item in page.items {
        guard case .text(let t) = item.kind, item.tags.last?.name == "TD" else { continue }
        if t.block.text.string == "top" {
          top += 1
          #expect(t.block.lines.count == 1)
        }
        #expect(t.block.lines.allSatisfy { $0.width <= t.block.format.width + 0.5 }, "\(t.block.text.string)")
      }
    }
    #expect(top == 4)
  }

  /// A cell too long to measure on one line (past a quarter of a shaping chunk) wants the whole
  /// width unmeasured: its column takes what the short one leaves, and its lines fill it.
  @Test func aHugeCellTakesTheRestOfTheWidthUnmeasured() throws {
    let words = ["gobierno", "abierto", "transparencia", "participación", "ciudadana"]
    let long = (0..<4_000).map { words[$0 % words.count] }.joined(separator: " ")
    #expect(long.utf8.count > TextBlock.chunkBytes / 4)
    let doc = try PDFTest.document("| Año | Texto |\n|---|---|\n| 2024 | \(long) |\n")
    let (pages, _) = PDFTest.layout(doc)
    var year: TextBlock?, text: TextBlock?
    for page in pages.pages {
      for item in page.items {
        guard case .text(let t) = item.kind, item.tags.last?.name == "TD" else { continue }
        if t.block.text.string == "2024" { year = t.block } else if t.block.text.string.hasPrefix("gobierno") { text = t.block }
      }
    }
    let y = try #require(year), x = try #require(text)
    #expect(y.lines.count == 1)
    // The long column is nearly all of the text width (the year's column is narrow).
    let full = PDFLayouter(style: Style(), engine: TextEngine(), hyphenator: nil, document: doc, environment: PDFTest.environment).geometry.textWidth
    #expect(x.format.width > full * 0.8, "\(x.format.width) of \(full)")
    #expect(x.lines.dropLast().allSatisfy { $0.width > x.format.width * 0.8 })
    #expect(x.lines.allSatisfy { $0.width <= x.format.width + 0.5 })
  }
}
