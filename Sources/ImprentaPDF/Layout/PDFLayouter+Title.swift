import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  // MARK: - Title block

  /// Title, subtitle, authors and the date written out in the document's language.
  mutating func renderTitle() {
    let m = document.metadata
    let titleStyle = style.title
    // A title taken from the page's first H1 would be set twice (a book's title page always has it).
    var showTitle = !m.title.isEmpty
    if book == nil, case .heading(let h)? = document.blocks.first(where: { if case .footnoteDefinition = $0 { return false } else { return true } }),
      h.level == 1, h.content.plainText == m.title
    {
      showTitle = false
    }
    var lines: [Slice] = []
    func add(_ s: String, _ f: FontSpec, _ tag: String, _ me: inout PDFLayouter) {
      var t = AttributedText()
      t.append(s)
      let format = ParagraphFormat(font: f, width: me.width, align: titleStyle.align, lineHeight: 1.25)
      var l = me.lineSlices(t, format: format, x: me.indent, tags: [StructureTag(name: tag, id: me.nextID())])
      if let first = l.first, !lines.isEmpty { l[0].spaceBefore = f.size * 0.4 + (first.spaceBefore) }
      lines.append(contentsOf: l)
    }
    if showTitle {
      add(m.title, font(titleStyle.font), "H1", &self)
      if let first = lines.first {
        lines[0].items.insert(PageItem(.anchor(name: "title", y: 0, outline: nil)), at: 0)
        _ = first
      }
    }
    if !m.subtitle.isEmpty { add(m.subtitle, font(titleStyle.subtitleFont), "P", &self) }
    var meta = font(titleStyle.subtitleFont)
    meta.size = baseSize
    if !m.authors.isEmpty { add(localization.list(m.authors), meta, "P", &self) }
    if let date = m.date { add(localization.format(date), meta, "P", &self) }
    guard !lines.isEmpty else { return }
    for k in lines.indices { lines[k].keepWithNext = k < lines.count - 1 }
    for l in lines { emit(l) }
    space(titleStyle.spaceAfter.points(em: baseSize))
  }

  // MARK: - Table of contents

  /// The table of contents: one entry per heading down to the style's depth, with dot leaders,
  /// page numbers (from the previous pass) and links; the body starts on a new page after it.
  mutating func renderTOC() {
    let entries = document.outline.filter { $0.level <= style.toc.depth && !$0.id.isEmpty }
    guard !entries.isEmpty else { return }
    renderHeading(Heading(level: 2, content: [.text(Text(localization.contents))], id: "contents"))
    let top = entries.map(\.level).min() ?? 1
    let f = bodyFont()
    let numberWidth = engine.width(of: "0000", font: f)
    let tocTag = StructureTag(name: "TOC", id: nextID())
    for h in entries {
      let step = Double(h.level - top) * baseSize * 1.5
      let format = ParagraphFormat(font: f, width: width - step - numberWidth - 8, align: .left, lineHeight: style.base.lineHeight)
      let tags = [tocTag, StructureTag(name: "TOCI", id: nextID())]
      var lines = lineSlices(attributed(h.content, size: baseSize, hyphenate: false), format: format, x: indent + step, tags: tags)
      guard var last = lines.popLast(), case .text(let t) = last.items[0].kind else { continue }
      let lineEnd = t.x + t.block.lines[t.index].width
      var number = AttributedText()
      number.append(knownPages[h.id].map { pageLabel($0, frontMatter: knownFrontMatter) } ?? "")
      if number.length > 0 {
        let nb = TextBlock(engine: engine, text: number, format: ParagraphFormat(font: f, width: -1))
        let nw = nb.lines.first?.width ?? 0
        last.items.append(PageItem(.text(TextLine(block: nb, index: 0, x: indent + width - nw, baseline: t.baseline)), tags: tags))
        last.items.append(PageItem(.leader(x0: lineEnd + 4, x1: indent + width - nw - 4, baseline: t.baseline, color: Color(hex: 0x888888))))
      }
      lines.append(last)
      let height = lines.reduce(0) { $0 + $1.height }
      lines[0].items.append(PageItem(.link(Rect(x: indent + step, y: 0, width: width - step, height: height), destination: "#\(h.id)"), tags: [StructureTag(name: "Link", id: 0, alt: h.content.plainText)]))
      for k in lines.indices.dropLast() { lines[k].keepWithNext = true }
      for l in lines { emit(l) }
      space(h.level == top ? 3 : 1)
    }
    pendingSpace = 0
    pendingKeep = 0
    breakNextPage = true
  }

  // MARK: - Running header and footer

  /// Adds the running header and footer to every page but the first.
  func addRunningHeads(_ layout: inout PageLayout) {
    var section = ""
    // A running line repeats from page to page (the title, a section's name): shaped once.
    var shaped: [RunningLineKey: TextBlock] = [:]
    for i in layout.pages.indices {
      let firstOnPage = layout.pages[i].items.lazy.compactMap { item -> String? in
        if case .anchor(_, _, let o?) = item.kind, o.level <= 2 { return o.title }
        return nil
      }.first
      let sectionHere = firstOnPage ?? section
      for item in layout.pages[i].items {
        if case .anchor(_, _, let o?) = item.kind, o.level <= 2 { section = o.title }
      }
      guard i > 0 else { continue }
      for (rs, isHeader) in [(style.header, true), (style.footer, false)] {
        let text: String
        switch rs.content {
        case "title": text = document.metadata.title
        case "section": text = sectionHere.isEmpty ? document.metadata.title : sectionHere
        case "page": text = String(i + 1)
        case "title-page": text = "\(document.metadata.title) · \(i + 1)"
        default: text = ""
        }
        guard !text.isEmpty else { continue }
        addRunningLine(text, style: rs, header: isHeader, page: i, into: &layout, shaped: &shaped)
      }
    }
  }

  /// A running line's text, which of the two it is (their styles differ) and its alignment (a
  /// book's heads sit at the outer edge: right on one page, left on the next).
  struct RunningLineKey: Hashable {
    var text: String
    var header: Bool
    var align: TextAlignment
  }

  /// One running header or footer line on page `i`.
  func addRunningLine(
    _ text: String, style rs: RunningStyle, header isHeader: Bool, page i: Int, into layout: inout PageLayout,
    shaped: inout [RunningLineKey: TextBlock]
  ) {
    let left = pageGeometry.left(page: i)
    let size = rs.fontSize.points(em: baseSize)
    let key = RunningLineKey(text: text, header: isHeader, align: rs.align)
    let block: TextBlock
    if let known = shaped[key] {
      block = known
    } else {
      var t = AttributedText()
      t.append(text)
      let f = FontSpec(family: style.base.font.family, size: size, color: rs.color)
      var format = ParagraphFormat(font: f, width: geometry.textWidth, align: rs.align, direction: direction)
      // The document's language, as its paragraphs get it: a Chinese title in the running head is
      // set in the Chinese face, not fontconfig's default (Japanese) one.
      format.language = FontLanguage.tag(for: document.language(default: style.base.language))
      block = TextBlock(engine: engine, text: t, format: format)
      shaped[key] = block
    }
    guard let m = block.lines.first else { return }
    let baseline = isHeader ? geometry.marginTop / 2 + size / 3 : geometry.height - geometry.marginBottom / 2 + size / 3
    layout.pages[i].items.append(
      PageItem(.text(TextLine(block: block, index: 0, x: left + m.x, baseline: baseline)), tags: [StructureTag(name: ArtifactTag.pagination.rawValue, id: -1)]))
  }
}
