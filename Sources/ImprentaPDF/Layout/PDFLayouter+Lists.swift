import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// Lists: a hanging indent per level, bullets by depth, numbers from the list's start, task boxes.
  mutating func renderList(_ list: ListBlock) {
    let hang = style.list.indent.points(em: baseSize)
    let listTag = StructureTag(name: "L", id: nextID())
    let spacing = list.isTight ? 1.0 : style.list.itemSpacing.points(em: baseSize)
    let savedIndent = indent, savedWidth = width
    let depth = listDepth
    listDepth += 1
    tagStack.append(listTag)
    for (k, item) in list.items.enumerated() {
      if k > 0 { space(spacing) }
      tagStack.append(StructureTag(name: "LI", id: nextID()))
      let markerText: String?
      switch list.kind {
      case .bullet: markerText = style.list.bullets.isEmpty ? "•" : style.list.bullets[depth % style.list.bullets.count]
      case .ordered(let start, let delimiter): markerText = "\(start + k)\(delimiter == .period ? "." : ")")"
      }
      pendingMarker = marker(item.task == nil ? markerText : nil, task: item.task, x: savedIndent, hang: hang)
      indent = savedIndent + hang
      width = savedWidth - hang
      for b in item.blocks { renderListItemBlock(b, tight: list.isTight) }
      // An item with nothing in it still shows its marker.
      if pendingMarker != nil { emit(Slice(height: style.base.lineHeight * baseSize)) }
      indent = savedIndent
      width = savedWidth
      tagStack.removeLast()
    }
    tagStack.removeLast()
    listDepth -= 1
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }

  /// Tight lists set their paragraphs without paragraph space.
  private mutating func renderListItemBlock(_ block: Block, tight: Bool) {
    render(block)
    if tight { pendingSpace = min(pendingSpace, 1) }
  }

  /// The marker items of an item, relative to the first baseline: text right-aligned in the hang,
  /// or a task box.
  private mutating func marker(_ text: String?, task: ListItem.Task?, x: Double, hang: Double) -> [PageItem] {
    let f = bodyFont()
    let tags = tagStack + [StructureTag(name: "Lbl", id: nextID())]
    if let task {
      let side = f.size * 0.75
      let r = Rect(x: x + hang - side - f.size * 0.5, y: -side, width: side, height: side)
      var items = [PageItem(.box(r, fill: .none, stroke: f.color, group: 0))]
      if task == .done {
        var t = AttributedText()
        t.append("✓")
        let check = TextBlock(engine: engine, text: t, format: ParagraphFormat(font: FontSpec(family: ["DejaVu Sans"], size: side * 1.1, color: f.color), width: -1))
        items.append(PageItem(.text(TextLine(block: check, index: 0, x: r.x + 0.8, baseline: -side * 0.12)), tags: tags))
      }
      return items
    }
    guard let text else { return [] }
    var t = AttributedText()
    t.append(text)
    let block = textBlock(t, format: ParagraphFormat(font: f, width: -1, direction: direction))
    let w = block.lines.first?.width ?? 0
    return [PageItem(.text(TextLine(block: block, index: 0, x: x + hang - w - f.size * 0.4, baseline: 0)), tags: tags)]
  }
}
