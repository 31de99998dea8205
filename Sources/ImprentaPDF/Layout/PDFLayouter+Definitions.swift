import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// A definition list: each term in bold at the current indent (kept with what follows, and an
  /// anchor when it has an id), each definition's blocks indented by the list indent; tight
  /// lists set a definition's paragraphs without paragraph space.
  mutating func renderDefinitionList(_ list: DefinitionList) {
    let hang = style.list.indent.points(em: baseSize)
    // Entries apart by the list's item spacing even when tight: a term needs air above it.
    let spacing = style.list.itemSpacing.points(em: baseSize)
    let savedIndent = indent, savedWidth = width
    tagStack.append(StructureTag(name: "L", id: nextID()))
    for (k, item) in list.items.enumerated() {
      if k > 0 { space(spacing) }
      tagStack.append(StructureTag(name: "LI", id: nextID()))
      for term in item.terms { renderDefinitionTerm(term) }
      indent = savedIndent + hang
      width = savedWidth - hang
      tagStack.append(StructureTag(name: "LBody", id: nextID()))
      for definition in item.definitions {
        for b in definition {
          render(b)
          if list.isTight { pendingSpace = min(pendingSpace, 1) }
        }
      }
      tagStack.removeLast()
      indent = savedIndent
      width = savedWidth
      tagStack.removeLast()
    }
    tagStack.removeLast()
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }

  /// A term: bold body text without first-line indent, kept with its definition.
  private mutating func renderDefinitionTerm(_ term: DefinitionTerm) {
    let text = bodyText([.strong(Styled(term.content, range: term.range))], hyphenate: false)
    guard !text.isBlank else { return }
    var format = bodyFormat(align: style.base.align == .justify ? .left : style.base.align)
    format.firstLineIndent = 0
    let tags = tagStack + [StructureTag(name: "Lbl", id: nextID())]
    var lines = lineSlices(text, format: format, x: indent, tags: tags)
    if !term.id.isEmpty, !lines.isEmpty { lines[0].items.insert(PageItem(.anchor(name: term.id, y: 0, outline: nil)), at: 0) }
    for k in lines.indices { lines[k].keepWithNext = true }
    for l in lines { emit(l) }
    pendingSpace = min(pendingSpace, 1)
  }
}
