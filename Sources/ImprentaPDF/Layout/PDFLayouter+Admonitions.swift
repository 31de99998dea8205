import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// An admonition: a tinted box with a rule at the left in its family's colours (the style's
  /// `admonition`), the title (else the kind) in bold in the rule's colour, then the body, inset.
  /// The box follows its content across pages, slice by slice, as a quote's rule does.
  mutating func renderAdmonition(_ a: Admonition, _ blocks: [Block]) {
    let ad = style.admonition
    let pad = ad.padding.points(em: baseSize)
    let ruleWidth = ad.borderWidth.points(em: baseSize)
    let (rule, background) = ad.colors(a.family)
    let saved = (indent, width)
    space(style.paragraph.spaceAfter.points(em: baseSize))
    let group = nextID()
    _ = nextID()  // the rule's group
    boxes.append((x: indent, width: width, fill: background, rule: rule, ruleWidth: ruleWidth, group: group, started: false))
    tagStack.append(StructureTag(name: "Div", id: nextID()))
    indent += ruleWidth + pad
    width -= ruleWidth + 2 * pad
    // The padding above the title, kept with it.
    var top = Slice(height: pad)
    top.keepWithNext = true
    emit(top)
    var titleFont = bodyFont()
    titleFont.weight = 700
    titleFont.color = rule
    let title = attributed(a.label, size: baseSize, hyphenate: false)
    if !title.isBlank {
      var lines = lineSlices(title, format: ParagraphFormat(font: titleFont, width: width, align: .left, lineHeight: style.base.lineHeight), x: indent, tags: tagStack + [StructureTag(name: "P", id: nextID())])
      for k in lines.indices { lines[k].keepWithNext = true }
      for l in lines { emit(l) }
      space(style.paragraph.spaceAfter.points(em: baseSize) / 2)
    }
    for b in blocks { render(b) }
    // The body's last space becomes the box's bottom padding.
    pendingSpace = 0
    emit(Slice(height: pad))
    boxes.removeLast()
    tagStack.removeLast()
    (indent, width) = saved
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }
}
