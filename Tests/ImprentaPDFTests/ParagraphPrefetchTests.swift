import CPangoCairo
import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Paragraphs shaped ahead on another core (`ParagraphPrefetch`) print exactly as the layout's
/// own: the same file, byte for byte, whichever core shaped which paragraph.
@Suite struct ParagraphPrefetchTests {
  /// Generated prose: paragraphs with links, footnote calls, emphasis, code and long words, with
  /// headings, lists, quotes, code blocks and a table between them, so both layouters meet in varied places.
  static func document(paragraphs: Int, seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    let words = "gobierno abierto transparencia participación ciudadana información pública compromiso plan acción sociedad civil entidades datos abiertos rendición cuentas interinstitucional".split(separator: " ")
    func sentence() -> String {
      (0..<Int(rng.next() % 14 + 6)).map { k -> String in
        let w = String(words[Int(rng.next() % UInt64(words.count))])
        switch rng.next() % 23 {
        case 0: return "*\(w)*"
        case 1: return "[\(w)](https://www.ejemplo.gov.co/\(w))"
        case 2: return "`\(w)/\(k)`"
        default: return w
        }
      }.joined(separator: " ") + "."
    }
    var out = "---\ntitle: Prueba\nlang: es\n---\n\n"
    var notes = ""
    for i in 0..<paragraphs {
      if i % 9 == 0 { out += "## Sección \(i)\n\n" }
      if i % 13 == 5 { out += "- \(sentence())\n- \(sentence())\n\n" }
      if i % 17 == 8 { out += "| a | b |\n|---|---|\n| \(sentence()) | 1 |\n\n" }
      if i % 11 == 4 { out += "> \(sentence())\n>\n> 1. \(sentence())\n> 2. \(sentence())\n\n" }
      if i % 19 == 2 { out += "```\nlet x = \"\(sentence())\"\n```\n\n" }
      var p = (0..<Int(rng.next() % 5 + 1)).map { _ in sentence() }.joined(separator: " ")
      if i % 7 == 3 {
        p += "[^n\(i)]"
        notes += "[^n\(i)]: \(sentence())\n"
      }
      out += p + "\n\n"
    }
    return out + notes
  }

  @Test(arguments: [(40, "default"), (60, "brochure"), (33, "letter")])
  func theFileIsTheSameWithAndWithoutShapingAhead(_ count: Int, _ styleName: String) throws {
    var d = Diagnostics()
    let style = try StyleLoader(searchPaths: []).load(styleName, diagnostics: &d)
    let doc = try PDFTest.document(Self.document(paragraphs: count, seed: UInt64(count)))
    var alone = PDFWriter(style: style)
    alone.prefetchPolicy = .never
    var ahead = PDFWriter(style: style)
    ahead.prefetchPolicy = .always
    var d1 = Diagnostics(), d2 = Diagnostics()
    let a = try alone.write([doc], environment: PDFTest.environment, diagnostics: &d1)
    let b = try ahead.write([doc], environment: PDFTest.environment, diagnostics: &d2)
    #expect(a.count > 1000)
    #expect(a == b, "\(styleName): the PDF changed with paragraphs shaped ahead")
    #expect(d1.items.map(\.message) == d2.items.map(\.message))
  }

  @Test func theLayoutTakesParagraphsShapedAhead() throws {
    let doc = try PDFTest.document(Self.document(paragraphs: 400, seed: 7))
    let engine = TextEngine()
    var layouter = PDFLayouter(style: Style(), engine: engine, hyphenator: Hyphenator(language: "es"), document: doc, environment: PDFTest.environment)
    layouter.prefetchPolicy = .always
    let pages = layouter.layout()
    #expect(pages.pages.count > 10)
    // The second layouter starts from the last paragraph: it is well ahead by the time the
    // layout gets there, whatever the machine's load.
    // (Not once the test process has set text in many faces: then nothing is shaped ahead, see
    // `FontFaces`.)
    #expect(layouter.paragraphsShapedAhead > 0 || FontFaces.crowded)
    // Every block the layout took is set with its own engine now.
    for page in pages.pages {
      for item in page.items {
        if case .text(let line) = item.kind { #expect(line.block.engine === engine) }
      }
    }
  }
}

/// A long document's paragraphs are freed after layout and shaped again for painting on the
/// other core (`PaintShaping`): the glyphs taken are those the layout would have painted.
@Suite struct PaintShapingTests {
  @Test func paragraphsShapedAgainForPaintingHaveTheLayoutsGlyphs() throws {
    let doc = try PDFTest.document(ParagraphPrefetchTests.document(paragraphs: 120, seed: 11))
    let engine = TextEngine()
    var layouter = PDFLayouter(style: Style(), engine: engine, hyphenator: Hyphenator(language: "es"), document: doc, environment: PDFTest.environment)
    layouter.prefetchPolicy = .always
    let pages = layouter.layout().pages
    var blocks: [TextBlock] = []
    var seen: Set<ObjectIdentifier> = []
    for page in pages {
      for item in page.items {
        if case .text(let line) = item.kind, seen.insert(ObjectIdentifier(line.block)).inserted { blocks.append(line.block) }
      }
    }
    let released = blocks.filter { $0.shapedText == nil }
    // With shaping ahead (not once the test process has used many faces) the paragraphs' runs are freed.
    guard layouter.paragraphsShapedAhead > 0 || !released.isEmpty else { return }
    #expect(released.count > 100)
    // Shaped on the prefetch thread while this one waits (no two threads set text at once here).
    let shaping = try #require(PaintShaping.start(for: pages, policy: .always, window: .max, checkingFaces: false))
    shaping.waitUntilShaped()
    #expect(shaping.waiting == released.count)
    for block in released {
      shaping.prepare(block)
      let taken = try #require(block.shapedText)
      // The same text shaped here, in this thread's fonts.
      let own = TextBlock(engine: engine, text: block.text, format: block.format)
      #expect(own.plans.count == block.plans.count)
      for k in block.plans.indices {
        let a = block.segments(k), b = own.segments(k)
        defer {
          block.free(a)
          own.free(b)
        }
        #expect(a.map(\.width) == b.map(\.width))
        #expect(a.map { glyphs($0) } == b.map { glyphs($0) })
        // Set in the painter's fonts, not the prefetch thread's.
        for x in a { #expect(pango_font_get_font_map(x.item.pointee.analysis.font) == engine.fontMap) }
      }
      #expect(taken === block.shapedText)
    }
    #expect(shaping.taken == released.count)
    shaping.stop()
  }

  private func glyphs(_ s: LineSegment) -> [UInt32] {
    (0..<Int(s.glyphs.pointee.num_glyphs)).map { s.glyphs.pointee.glyphs[$0].glyph }
  }
}
