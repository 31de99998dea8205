import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Every keep rule of the one paginator (`RegionPaginator`), in one column and in two, checked on
/// the laid-out pages of many generated documents (seeded, so every run sees the same ones) whose
/// lengths move the breaks to different places: a heading never ends a column or page, widows and
/// orphans as the style sets them, a table's header at the head of every column or page its rows
/// go on to (also a table in a list, which stays in its column), a row no column can hold cut
/// between lines, a figure that waits while the text after it fills the gap (at the top level:
/// in a list it stays where it is).
@Suite struct KeepRuleTests {
  static let front = "---\ntitle: T\nhideTitle: true\n---\n\n"

  /// The same documents on every run and platform (SplitMix64 from a spread seed).
  static func seeded(_ seed: Int) -> SeededGenerator { SeededGenerator(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15) }

  /// Where a line is: a page, and a column of it (always 0 for what spans the columns).
  struct Region: Hashable, Comparable, CustomStringConvertible {
    var page: Int
    var column: Int
    static func < (a: Region, b: Region) -> Bool { (a.page, a.column) < (b.page, b.column) }
    var description: String { "page \(page + 1) column \(column + 1)" }
  }

  /// One drawn line of the text area's body (running heads and notes left out), in reading order.
  struct Line {
    var page: Int
    /// The column its x is in (0 in one column).
    var column: Int
    var x: Double
    var baseline: Double
    var text: String
    /// Structure tags, outermost first (empty for a repeated table header).
    var tags: [String]
    var block: ObjectIdentifier
    var index: Int
    var count: Int
    var tag: String { tags.last ?? "" }
    /// Its region when it is set in a column.
    var inColumn: Region { Region(page: page, column: column) }
    /// Its region when it spans the columns.
    var spanning: Region { Region(page: page, column: 0) }
  }

  static func style(columns: Int, orphans: Int = 2, widows: Int = 2) -> Style {
    var s = PaginationTests.smallPage
    s.page.columns = columns
    s.page.orphans = orphans
    s.page.widows = widows
    return s
  }

  /// The top and bottom of the text area, from the page's top.
  static func area(_ style: Style) -> (top: Double, bottom: Double) {
    let base = style.base.font.size.points(em: 12)
    return (style.page.marginTop.points(em: base), style.page.height.points(em: base) - style.page.marginBottom.points(em: base))
  }

  /// The body lines of every page in reading order (the order the paginator placed them).
  static func lines(_ layout: PageLayout, style: Style) -> [Line] {
    let (top, bottom) = area(style)
    let base = style.base.font.size.points(em: 12)
    let middle = style.page.width.points(em: base) / 2
    var out: [Line] = []
    for (p, page) in layout.pages.enumerated() {
      for item in page.items {
        guard case .text(let t) = item.kind, t.baseline > top, t.baseline <= bottom + 0.01 else { continue }
        let tags = item.tags.map(\.name)
        if tags.first == "Note" { continue }
        let column = style.page.columns > 1 && t.x >= middle ? 1 : 0
        out.append(Line(page: p, column: column, x: t.x, baseline: t.baseline, text: t.text, tags: tags, block: ObjectIdentifier(t.block), index: t.index, count: t.block.lines.count))
      }
    }
    return out
  }

  /// Images drawn, with their page and rectangle.
  static func images(_ layout: PageLayout) -> [(page: Int, rect: Rect)] {
    layout.pages.enumerated().flatMap { p, page in
      page.items.compactMap { item -> (Int, Rect)? in
        if case .image(let r, _) = item.kind { return (p, r) }
        return nil
      }
    }
  }

  /// Words of a paragraph `lines` lines long, more or less, in the column width of `columns`.
  static func paragraph(_ label: String, words: Int) -> String {
    (0..<words).map { $0 == 0 ? label : ["texto", "página", "columna", "línea", "corte", "regla", "margen"][$0 % 7] }.joined(separator: " ") + "."
  }

  // MARK: - Headings

  /// Paragraphs of random lengths, second-level headings (spanning two columns), third-level
  /// ones (in the column), a heading straight under another, headings over a table and over a
  /// figure, so the break falls at every place.
  static func headingDocument(seed: Int) -> String {
    var rng = Self.seeded(seed)
    var md = front + String(repeating: "Relleno.\n\n", count: Int.random(in: 0...6, using: &rng))
    for n in 0..<14 {
      switch Int.random(in: 0..<10, using: &rng) {
      case 0..<4: md += paragraph("P\(n)", words: Int.random(in: 4...70, using: &rng)) + "\n\n"
      case 4, 5: md += "## Sección \(n)\n\n" + paragraph("P\(n)", words: Int.random(in: 10...60, using: &rng)) + "\n\n"
      case 6: md += "### Apartado \(n)\n\n" + paragraph("P\(n)", words: Int.random(in: 10...60, using: &rng)) + "\n\n"
      case 7: md += "## Sección \(n)\n\n### Apartado \(n)\n\n" + paragraph("P\(n)", words: Int.random(in: 10...60, using: &rng)) + "\n\n"
      case 8: md += "### Tabla \(n)\n\n| Clave | Valor |\n|---|---|\n" + (1...Int.random(in: 2...5, using: &rng)).map { "| k\($0) | v\($0) |\n" }.joined() + "\n"
      default: md += "### Figura \(n)\n\n![Un gráfico](images/chart.jpg \"Leyenda \(n)\")\n\n"
      }
    }
    return md
  }

  @Test(arguments: [1, 2])
  func aHeadingNeverEndsAColumnOrAPage(columns: Int) throws {
    let style = Self.style(columns: columns)
    var moved = 0
    for seed in 1...16 {
      let (layout, _) = PDFTest.layout(try PDFTest.document(Self.headingDocument(seed: seed)), style: style)
      let lines = Self.lines(layout, style: style)
      let images = Self.images(layout)
      for (k, line) in lines.enumerated() where line.tag.hasPrefix("H") && line.index == line.count - 1 {
        // Second-level headings span the columns: what follows them is on their page; a
        // third-level one is in a column: what follows it is in that column.
        let spans = columns > 1 && line.tag == "H2"
        let here = { (l: Line) in spans ? l.page == line.page : l.inColumn == line.inColumn }
        let isFigureHeading = line.text.hasPrefix("Figura")
        if isFigureHeading {
          // Its figure is the next thing drawn (an image, not text), on its page.
          let below = images.filter { $0.page == line.page && $0.rect.y > line.baseline }
          #expect(!below.isEmpty, "seed \(seed), \(columns) columns: '\(line.text)' ends page \(line.page + 1) without its figure")
          continue
        }
        guard k + 1 < lines.count else {
          Issue.record("seed \(seed), \(columns) columns: '\(line.text)' is the last line")
          continue
        }
        let next = lines[k + 1]
        // A table at the top level spans the columns: under a heading in a column, it starts
        // under the band that holds the heading, on its page.
        let nextSpans = columns > 1 && next.tags.first == "Table"
        #expect(nextSpans ? next.page == line.page && next.baseline > line.baseline : here(next), "seed \(seed), \(columns) columns: '\(line.text)' ends \(line.inColumn); '\(next.text)' is on \(next.inColumn)")
        if next.index == 0 && !next.tag.hasPrefix("H") {
          // The block under it starts with at least two of its lines (all when it has fewer).
          let kept = lines[(k + 1)...].prefix { $0.block == next.block && (nextSpans ? $0.page == line.page : here($0)) }.count
          #expect(kept >= min(2, next.count), "seed \(seed), \(columns) columns: '\(line.text)' has \(kept) line(s) of its text under it")
        }
      }
      // A heading opening a page or column when the one before is not empty: a keep moved it.
      for (k, line) in lines.enumerated() where k > 0 && line.tag.hasPrefix("H") && line.index == 0 {
        if lines[k - 1].inColumn != line.inColumn { moved += 1 }
      }
    }
    #expect(moved >= 3, "only \(moved) headings moved to a new column or page: the documents prove little")
  }

  // MARK: - Widows and orphans

  @Test(arguments: [1, 2])
  func widowsAndOrphansAreTheStylesValues(columns: Int) throws {
    var split = 0
    for (orphans, widows) in [(2, 2), (3, 2), (2, 4), (4, 3)] {
      let style = Self.style(columns: columns, orphans: orphans, widows: widows)
      for seed in 1...6 {
        var rng = Self.seeded(seed * 31 + orphans * 7 + widows)
        var md = Self.front + String(repeating: "Relleno.\n\n", count: Int.random(in: 0...9, using: &rng))
        for n in 0..<16 { md += Self.paragraph("P\(n)", words: Int.random(in: 3...90, using: &rng)) + "\n\n" }
        let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
        let lines = Self.lines(layout, style: style).filter { $0.tag == "P" }
        var byBlock: [ObjectIdentifier: [Line]] = [:]
        for l in lines { byBlock[l.block, default: []].append(l) }
        for (_, block) in byBlock {
          let pieces = Dictionary(grouping: block, by: \.inColumn).sorted { $0.key < $1.key }
          guard pieces.count > 1, let first = pieces.first, let last = pieces.last else { continue }
          split += 1
          let count = block[0].count
          let label = "orphans \(orphans), widows \(widows), seed \(seed), \(columns) columns, a \(count)-line paragraph"
          #expect(count >= orphans + widows, "\(label) is split though it is too short to be")
          #expect(first.value.count >= orphans, "\(label): \(first.value.count) line(s) at the foot of \(first.key)")
          #expect(last.value.count >= widows, "\(label): \(last.value.count) line(s) at the head of \(last.key)")
          // Pieces are in consecutive regions, in order.
          #expect(first.value.map(\.index) == Array(0..<first.value.count), "\(label): the lines at the foot are not its first ones")
        }
      }
    }
    #expect(split >= 10, "only \(split) paragraphs split: the documents prove little")
  }

  // MARK: - Tables

  /// The region of each body row and the header lines just above the first row of each region.
  static func checkHeaders(_ lines: [Line], rows: Int, byColumn: Bool, label: String) -> Int {
    let region = { (l: Line) in byColumn ? l.inColumn : l.spanning }
    let cells = lines.filter { $0.tag == "TD" && $0.text.hasPrefix("Fila ") }
    #expect(cells.map(\.text) == (1...rows).map { "Fila \($0)" }, "\(label): every row once, in order")
    var regions = 0
    for r in Set(cells.map(region)).sorted() {
      guard let first = cells.first(where: { region($0) == r }) else { continue }
      regions += 1
      let above = lines.filter { region($0) == r && $0.baseline < first.baseline - 0.1 }
      let lastBaseline = above.map(\.baseline).max()
      let header = Set(above.filter { $0.baseline == lastBaseline }.map(\.text))
      #expect(header == ["Nombre", "Valor"], "\(label): the rows on \(r) start under \(header)")
    }
    return regions
  }

  @Test(arguments: [1, 2])
  func aTablesHeaderHeadsEveryColumnAndPageItsRowsGoOnTo(columns: Int) throws {
    let style = Self.style(columns: columns)
    var continued = 0
    for inList in [false, true] {
      for seed in 1...6 {
        var rng = Self.seeded(seed + (inList ? 100 : 0))
        let rows = Int.random(in: 12...70, using: &rng)
        let pad = inList ? "  " : ""
        var md = Self.front + Self.paragraph("Antes", words: Int.random(in: 5...150, using: &rng)) + "\n\n"
        md += inList ? "- Un elemento con una tabla:\n\n" : ""
        md += "\(pad)| Nombre | Valor |\n\(pad)|---|---:|\n"
        for i in 1...rows { md += "\(pad)| Fila \(i) | \(i * 3) |\n" }
        md += "\n" + Self.paragraph("Después", words: 40) + "\n"
        let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
        // A table in a list stays in its column; one at the top level spans the columns.
        let regions = Self.checkHeaders(Self.lines(layout, style: style), rows: rows, byColumn: inList, label: "seed \(seed), \(columns) columns, \(inList ? "in a list" : "top level"), \(rows) rows")
        if regions > 1 { continued += 1 }
      }
    }
    #expect(continued >= 6, "only \(continued) tables went on to another column or page")
  }

  @Test(arguments: [1, 2])
  func aRowNoColumnCanHoldIsCutBetweenLinesUnderItsHeader(columns: Int) throws {
    let style = Self.style(columns: columns)
    let (top, bottom) = Self.area(style)
    for inList in [false, true] {
      for filler in stride(from: 0, through: 21, by: 3) {
        let words = 500 + filler * 9
        let cell = (0..<words).map { "w\($0)" }.joined(separator: " ")
        let pad = inList ? "  " : ""
        var md = Self.front + String(repeating: "Relleno.\n\n", count: filler) + (inList ? "- En una lista:\n\n" : "")
        md += "\(pad)| Nombre | Valor |\n\(pad)|---|---|\n\(pad)| Fila 1 | corta |\n\(pad)| \(cell) | larga |\n\(pad)| Fila 2 | después |\n\nFin.\n"
        let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
        let label = "\(columns) columns, \(inList ? "in a list" : "top level"), filler \(filler)"
        let lines = Self.lines(layout, style: style)
        let region = { (l: Line) in inList ? l.inColumn : l.spanning }
        let cellLines = lines.filter { $0.tag == "TD" && $0.text.hasPrefix("w") }
        // Every word once, in order, each line whole inside the text area.
        let drawn = cellLines.flatMap { $0.text.split(separator: " ") }.map(String.init)
        #expect(drawn == (0..<words).map { "w\($0)" }, "\(label): \(drawn.count) of \(words) words, in order")
        #expect(cellLines.allSatisfy { $0.baseline > top && $0.baseline <= bottom }, "\(label): a line of the cut row outside the text area")
        let regions = Array(Set(cellLines.map(region))).sorted()
        #expect(regions.count >= 2, "\(label): the row was not cut")
        // The row starts where it stands: in the region of the row before it, unless that has
        // no room for one of its lines (and the cell's padding) left.
        if let before = lines.first(where: { $0.text == "Fila 1" }), let first = cellLines.first, region(before) != region(first) {
          let pitch = zip(cellLines, cellLines.dropFirst()).map { $1.baseline - $0.baseline }.filter { $0 > 0 }.min() ?? 12
          #expect(bottom - before.baseline < 2 * pitch, "\(label): the tall row left \(region(before)) for \(region(first)) with \(bottom - before.baseline) pt free")
        }
        // Each region it goes on to is headed by the table's header.
        for r in regions.dropFirst() {
          let firstHere = cellLines.first { region($0) == r }!
          let above = lines.filter { region($0) == r && $0.baseline < firstHere.baseline - 0.1 }
          #expect(Set(above.map(\.text)) == ["Nombre", "Valor"], "\(label): \(r) starts under \(above.map(\.text))")
        }
      }
    }
  }

  @Test(arguments: [1, 2])
  func aHeaderRowTallerThanAColumnIsNotRepeatedAndTheTableEnds(columns: Int) throws {
    let style = Self.style(columns: columns)
    for inList in [false, true] {
      for words in [400, 800] {
        let pad = inList ? "  " : ""
        var md = Self.front + (inList ? "- En una lista:\n\n" : "")
        md += "\(pad)| " + (0..<words).map { "h\($0)" }.joined(separator: " ") + " | B |\n\(pad)|---|---|\n"
        for i in 1...60 { md += "\(pad)| Fila \(i) | x |\n" }
        md += "\nFin.\n"
        let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
        let lines = Self.lines(layout, style: style)
        let label = "\(columns) columns, \(inList ? "in a list" : "top level"), a \(words)-word header"
        // Every row once, in order, and every word of the header once: the header is set where
        // the table starts, not again above each column of rows.
        #expect(lines.filter { $0.text.hasPrefix("Fila ") }.map(\.text) == (1...60).map { "Fila \($0)" }, "\(label): rows lost or repeated")
        let header = lines.flatMap { $0.text.split(separator: " ") }.filter { $0.hasPrefix("h") && Int($0.dropFirst()) != nil }
        #expect(header.count == words, "\(label): \(header.count) header words for \(words)")
        #expect(lines.contains { $0.text == "Fin." }, "\(label): the text after the table is lost")
      }
    }
  }

  // MARK: - Figures

  @Test(arguments: [1, 2])
  func aFigureThatDoesNotFitWaitsWhileTheTextAfterItFillsTheGap(columns: Int) throws {
    let style = Self.style(columns: columns)
    let (top, bottom) = Self.area(style)
    var deferred = 0
    for inList in [false, true] {
      for filler in stride(from: 1, through: 31, by: 3) {
        let pad = inList ? "  " : ""
        var md = Self.front + (inList ? "- Un elemento:\n\n" : "")
        md += (0..<filler).map { "\(pad)Relleno \($0).\n\n" }.joined()
        md += "\(pad)![Un gráfico](images/chart.jpg \"La leyenda\")\n\n"
        md += (1...8).map { "\(pad)" + Self.paragraph("Después\($0)", words: 30) }.joined(separator: "\n\n") + "\n"
        let (layout, _) = PDFTest.layout(try PDFTest.document(md), style: style)
        let label = "\(columns) columns, \(inList ? "in a list" : "top level"), filler \(filler)"
        let lines = Self.lines(layout, style: style)
        let images = Self.images(layout)
        guard let image = images.first, images.count == 1 else {
          Issue.record("\(label): \(images.count) images")
          continue
        }
        #expect(image.rect.y >= top - 0.01 && image.rect.maxY <= bottom + 0.01, "\(label): the figure runs out of the text area")
        // A figure in a list stays in its column; one at the top level spans the columns.
        let base = style.base.font.size.points(em: 12)
        let column = inList && columns > 1 && image.rect.x >= style.page.width.points(em: base) / 2 ? 1 : 0
        let region = Region(page: image.page, column: column)
        let lineRegion = { (l: Line) in inList ? l.inColumn : l.spanning }
        // Its caption under it, in its region.
        let caption = lines.first { $0.tag == "Caption" }
        #expect(caption.map { lineRegion($0) == region && $0.baseline > image.rect.maxY } == true, "\(label): the caption is not under its figure")
        let waited = lines.contains { $0.text.hasPrefix("Después1") && (lineRegion($0) < region || (lineRegion($0) == region && $0.baseline < image.rect.y)) }
        if inList {
          // In a list it stays where it is: nothing after it is set before it.
          #expect(!waited, "\(label): text after a figure in a list is set before it")
          continue
        }
        // Text from after it set before it: the figure waited.
        if waited { deferred += 1 }
        // Opening its region: the region before is filled, not left blank under its text.
        let aboveIt = lines.filter { lineRegion($0) == region && $0.baseline < image.rect.y }
        guard aboveIt.isEmpty, let previous = lines.filter({ lineRegion($0) < region }).last else { continue }
        let previousRegion = lineRegion(previous)
        let lowest = lines.filter { lineRegion($0) == previousRegion }.map(\.baseline).max() ?? top
        let blank = (bottom - lowest) / (bottom - top)
        #expect(blank < 0.2, "\(label): \(Int(blank * 100))% of \(previousRegion) is blank before the figure on \(region)")
      }
    }
    #expect(deferred >= 3, "only \(deferred) figures waited: the documents prove little")
  }
}
