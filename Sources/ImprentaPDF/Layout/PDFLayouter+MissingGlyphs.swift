import ImprentaModel

extension PDFLayouter {
  /// Warns once per character that no installed font has (Pango drew its hexadecimal box):
  /// the character as U+XXXX and itself, the first page it is on and, when the reader knows it,
  /// the source line of its text.
  mutating func reportMissingGlyphs(_ layout: PageLayout) {
    var reported: Set<Unicode.Scalar> = []
    for (n, page) in layout.pages.enumerated() {
      for item in page.items {
        guard case .text(let t) = item.kind, !t.block.missingGlyphs.isEmpty, t.index < t.block.lines.count else { continue }
        let line = t.block.lines[t.index]
        for missing in t.block.missingGlyphs where missing.index >= line.start && missing.index < line.start + max(line.length, 1) {
          guard reported.insert(missing.scalar).inserted else { continue }
          let hex = String(missing.scalar.value, radix: 16, uppercase: true)
          let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
          diagnostics.report(.missingGlyph, "no installed font has \(code) \"\(Character(missing.scalar))\" (page \(n + 1)): the PDF shows an empty box for it",
            file: layout.sourcePath(onPage: n, of: document), at: t.block.text.sourceRange(at: missing.index) ?? .unknown)
        }
      }
    }
  }
}
