import ImprentaModel

extension PDFLayouter {
  /// Warns once per character that no installed font has (Pango drew its hexadecimal box):
  /// the character as U+XXXX and itself, the first page it is on and, when the reader knows it,
  /// the source line of its text. Returns how many missing characters it looked at (each once:
  /// tests hold it to that).
  @discardableResult
  mutating func reportMissingGlyphs(_ layout: PageLayout) -> Int {
    var reported: Set<Unicode.Scalar> = []
    var looked = 0
    for (n, page) in layout.pages.enumerated() {
      for item in page.items {
        guard case .text(let t) = item.kind, !t.block.missingGlyphs.isEmpty, t.index < t.block.lines.count else { continue }
        let line = t.block.lines[t.index]
        // The block's missing characters are in order: only this line's are looked at (all of
        // them for every line was quadratic: a 5.7 MB paragraph of characters no font has took
        // 90 s).
        let all = t.block.missingGlyphs
        var lo = 0, hi = all.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if all[mid].index < line.start { lo = mid + 1 } else { hi = mid }
        }
        let end = line.start + max(line.length, 1)
        var k = lo
        while k < all.count && all[k].index < end {
          defer { k += 1 }
          looked += 1
          let missing = all[k]
          guard reported.insert(missing.scalar).inserted else { continue }
          let hex = String(missing.scalar.value, radix: 16, uppercase: true)
          let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
          diagnostics.report(.missingGlyph, "no installed font has \(code) \"\(Character(missing.scalar))\" (page \(n + 1)): the PDF shows an empty box for it",
            file: layout.sourcePath(onPage: n, of: document), at: t.block.text.sourceRange(at: missing.index) ?? .unknown)
        }
      }
    }
    return looked
  }
}
