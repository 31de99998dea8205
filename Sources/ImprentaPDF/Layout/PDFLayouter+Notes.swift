import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// Lays out every footnote at the text width in the note size, numbered, with a link back to
  /// its call. The paginator sets each at the foot of the page that calls it.
  mutating func layoutNotes() {
    let saved = (slices, pendingSpace, pendingKeep, indent, width, fontScale, tagStack)
    let base = style.base.font.size.points(em: 12)
    for note in document.footnotes {
      slices = []
      pendingSpace = 0
      pendingKeep = 0
      fontScale = style.footnote.fontSize.points(em: base) / base
      let hang = baseSize * 1.6
      indent = hang
      width = geometry.textWidth - hang
      tagStack = [StructureTag(name: "Note", id: nextID())]
      var font = bodyFont()
      font.color = style.link.color
      var t = AttributedText()
      t.append("\(note.number).")
      let block = TextBlock(engine: engine, text: t, format: ParagraphFormat(font: font, width: -1))
      let w = block.lines.first?.width ?? 0
      pendingMarker = [
        PageItem(.anchor(name: "fn-\(note.number)", y: -baseSize, outline: nil)),
        PageItem(.text(TextLine(block: block, index: 0, x: hang - w - baseSize * 0.4, baseline: 0)), tags: tagStack + [StructureTag(name: "Lbl", id: nextID())]),
        PageItem(.link(Rect(x: hang - w - baseSize * 0.4, y: -baseSize, width: w, height: baseSize * 1.3), destination: "#fnref-\(note.number)")),
      ]
      for b in note.blocks { render(b) }
      if pendingMarker != nil { emit(Slice(height: baseSize * style.base.lineHeight)) }
      // Notes are short: keep each one whole.
      for k in slices.indices { slices[k].keepWithNext = false }
      if !slices.isEmpty { slices[0].spaceBefore = 0 }
      notes[note.number] = slices
    }
    (slices, pendingSpace, pendingKeep, indent, width, fontScale, tagStack) = saved
  }
}
