import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// Lays out every footnote at the text width in the note size, numbered, with a link back to
  /// its call. The paginator sets each at the foot of the page that calls it.
  mutating func layoutNotes() {
    let saved = (slices, pendingSpace, pendingKeep, indent, width, fontScale, tagStack)
    let base = style.base.font.size.points(em: 12)
    let numbers = noteNumbers()
    for (index, note) in document.footnotes.enumerated() {
      let number = numbers.byLabel[note.label] ?? (index < numbers.inOrder.count ? numbers.inOrder[index] : note.number)
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
      t.append("\(number).")
      let block = textBlock(t, format: ParagraphFormat(font: font, width: -1, direction: direction))
      let w = block.lines.first?.width ?? 0
      pendingMarker = [
        PageItem(.anchor(name: "fn-\(number)", y: -baseSize, outline: nil)),
        PageItem(.text(TextLine(block: block, index: 0, x: hang - w - baseSize * 0.4, baseline: 0)), tags: tagStack + [StructureTag(name: "Lbl", id: nextID())]),
        PageItem(.link(Rect(x: hang - w - baseSize * 0.4, y: -baseSize, width: w, height: baseSize * 1.3), destination: "#fnref-\(number)"), tags: [StructureTag(name: "Link", id: 0, alt: "\(number)")]),
      ]
      for b in note.blocks { render(b) }
      if pendingMarker != nil { emit(Slice(height: baseSize * style.base.lineHeight)) }
      // The paginator keeps a short note whole and splits a long one between lines.
      for k in slices.indices { slices[k].keepWithNext = false }
      if !slices.isEmpty { slices[0].spaceBefore = 0 }
      notes[number] = slices
    }
    (slices, pendingSpace, pendingKeep, indent, width, fontScale, tagStack) = saved
  }

  /// The numbers of the footnote calls, by label and in order of first call. Definitions are
  /// matched to calls by label, else by order (cmark appends definitions in call order, and the
  /// reader may hand them over without their label).
  func noteNumbers() -> (byLabel: [String: Int], inOrder: [Int]) {
    var byLabel: [String: Int] = [:]
    var inOrder: [Int] = []
    func visit(_ inlines: [Inline], depth: Int) {
      guard depth < 200 else { return }
      for i in inlines {
        switch i {
        case .footnoteReference(let r):
          if !r.label.isEmpty, byLabel[r.label] == nil { byLabel[r.label] = r.number }
          if !inOrder.contains(r.number) { inOrder.append(r.number) }
        case .emphasis(let s), .strong(let s), .strikethrough(let s): visit(s.content, depth: depth + 1)
        case .link(let l): visit(l.content, depth: depth + 1)
        case .span(let s): visit(s.content, depth: depth + 1)
        case .text, .code, .image, .softBreak, .hardBreak: break
        }
      }
    }
    document.forEachBlock { block in
      switch block {
      case .heading(let h): visit(h.content, depth: 0)
      case .paragraph(let p): visit(p.content, depth: 0)
      case .table(let t): for row in [t.header] + t.rows { for c in row { visit(c.content, depth: 0) } }
      case .figure(let f): visit(f.caption, depth: 0)
      case .definitionList(let d): for item in d.items { for term in item.terms { visit(term.content, depth: 0) } }
      case .list, .blockQuote, .codeBlock, .thematicBreak, .footnoteDefinition, .html, .container, .embed: break
      }
    }
    return (byLabel, inOrder)
  }
}
