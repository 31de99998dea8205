import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  // MARK: - Shaping text into line slices

  /// Inline content as attributed text set at `size`.
  func attributed(_ inlines: [Inline], size: Double, hyphenate: Bool) -> AttributedText {
    // Made already on the prefetch thread? (Then the block made ahead is found with it.)
    let source =
      prefetching == nil && prefetched == nil
      ? nil
      : ParagraphPrefetch.source(
        inlines, size: size, hyphenate: hyphenate, dictionary: hyphenator.map { ObjectIdentifier($0.memo) }, isolatesCode: direction == .rtl,
        imageWord: localization.image)
    if prefetching == nil, let source, let known = prefetched?.text(for: source) { return known }
    var b = InlineBuilder(style: style, hyphenator: hyphenator, size: size, hyphenate: hyphenate)
    b.imageWord = localization.image
    b.isolatesCode = direction == .rtl
    b.append(inlines)
    var t = b.out
    // Trailing hard breaks and spaces would make empty lines.
    while t.string.last == "\n" || t.string.last == " " {
      t.string.removeLast()
      t.length = t.string.utf8.count
    }
    if let prefetching, let source { prefetching.put(t, of: inlines, for: source) }
    return t
  }

  /// Shapes `text` and returns one slice per line, with link areas, footnote-call anchors and the
  /// numbers of the notes called on each line. `x` is the block's left edge in the text area.
  ///
  /// A format without a direction takes the document's. In a right-to-left document the lines
  /// and link areas are placed as `emit` expects them: reflected within the block, so that
  /// reflecting the slice puts the block on the right and each line where Pango set it.
  mutating func lineSlices(_ text: AttributedText, format: ParagraphFormat, x: Double, tags: [StructureTag]) -> [Slice] {
    for refused in text.refusedLinks { reportRefusedLink(refused.destination, reason: refused.reason, at: refused.range) }
    var format = format
    if format.direction == nil { format.direction = direction }
    if format.language.isEmpty { format.language = FontLanguage.tag(for: textLanguage ?? document.language(default: style.base.language)) }
    let (block, key) = makeTextBlock(text, format: format)
    defer {
      // A long document shaped on two cores: the block's shaped runs are freed until its page
      // is painted (`PaintShaping` shapes them again there on the other core), so memory does
      // not grow with the document. A block made ahead is handed over only now, when this
      // thread no longer reads it.
      if (prefetching ?? prefetched)?.releasesShapedText == true { block.release() }
      if let prefetching, let key { prefetching.put(block, for: key) }
    }
    let mirrored = direction == .rtl
    let blockWidth = format.width > 0 ? format.width : block.lines.map(\.width).max() ?? 0
    let text = block.text  // its offsets match the lines'
    let minPitch = format.lineHeight * format.font.size
    var result: [Slice] = []
    result.reserveCapacity(block.lines.count)
    // Unicode scalars before each line, without what the layout adds to the text (soft hyphens,
    // break opportunities in long runs, isolates around code), counted on the text's bytes.
    let bytes = block.bytes
    var counted = 0
    var scalars = 0
    // A link's description, once per link (a link over several lines has one).
    var descriptions: [Int: String] = [:]
    // Links, footnote calls and anchors in the order of where they start, each line taking
    // those from where the line before left off: every line asking every link made a paragraph
    // of many links quadratic.
    var links = LineCursor(text.links.map { ($0.start, $0.end) })
    var calls = LineCursor(text.footnoteCalls.map { ($0.index, $0.index + 1) })
    var anchors = LineCursor(text.anchors.map { ($0.index, $0.index + 1) })
    for (k, m) in block.lines.enumerated() {
      let pitch = max(minPitch, m.height)
      let baseline = (pitch - m.height) / 2 + (m.baseline - m.top)
      var slice = Slice(height: pitch)
      var lineStart = min(max(m.start, 0), bytes.count)
      while lineStart > 0 && lineStart < bytes.count && bytes[lineStart] & 0xC0 == 0x80 { lineStart -= 1 }
      if lineStart > counted {
        scalars += AttributedText.textScalars(bytes, counted..<lineStart)
        counted = lineStart
      }
      // A line that goes on with a word broken at the end of the one before (a hyphen, a break
      // in a long run) starts, for the page map, where the word starts: a page-break marker is
      // never set inside a word. (Not past 64 characters: a long run keeps its break.)
      var back = 0
      var whole = false
      var b = lineStart
      var seen = 0
      while b > 0 && seen < 64 {
        var lead = b - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        defer { b = lead }
        seen += 1
        let c = bytes[lead]
        if c == 0x20 || c == 0x0A || c == 0x09 || (c == 0xC2 && bytes[lead + 1] == 0xA0) {
          whole = true
          break
        }
        if AttributedText.textScalars(bytes, lead..<b) == 1 { back += 1 }
      }
      slice.textOffset = whole || back == scalars ? scalars - back : scalars
      let lineX = mirrored ? x + blockWidth - m.x - m.width : x + m.x
      slice.items.append(PageItem(.text(TextLine(block: block, index: k, x: lineX, baseline: baseline)), tags: tags))
      let lineEnd = m.start + m.length
      for l in links.overlapping(m.start, lineEnd) {
        let link = text.links[l]
        let description = descriptions[l] ?? PDFLayouter.linkDescription(bytes, start: link.start, end: link.end)
        descriptions[l] = description
        for (x0, x1) in block.xRanges(line: k, start: max(link.start, m.start), end: min(link.end, lineEnd)) where x1 > x0 {
          let linkX = mirrored ? x + blockWidth - x1 : x + x0
          // The tag's id is the element the link's text is in: areas in one element to one
          // destination are one link (`Painter.links(on:)`).
          slice.items.append(
            PageItem(.link(Rect(x: linkX, y: 0, width: x1 - x0, height: pitch), destination: link.destination), tags: [StructureTag(name: "Link", id: tags.last?.id ?? 0, alt: description)]))
        }
      }
      for c in calls.overlapping(m.start, max(lineEnd, m.start + 1)) {
        let call = text.footnoteCalls[c]
        slice.footnotes.append(call.number)
        slice.items.append(PageItem(.anchor(name: "fnref-\(call.number)", y: 0, outline: nil)))
      }
      let anchorsEnd = k == block.lines.count - 1 ? Int.max : max(lineEnd, m.start + 1)
      for a in anchors.overlapping(m.start, anchorsEnd) {
        let anchor = text.anchors[a]
        slice.items.append(PageItem(.anchor(name: anchor.id, y: 0, outline: nil)))
      }
      result.append(slice)
    }
    return result
  }

  /// The shaped and broken block of `text` in `format`: the first pass's when this is the second
  /// pass of a document with a table of contents (`TextBlockCache`), else a new one.
  /// A layout that shapes paragraphs ahead on another core (`ParagraphPrefetch`) takes the block
  /// made there for exactly this text and format; the layouter doing the shaping ahead hands
  /// over each block it makes.
  func textBlock(_ text: AttributedText, format: ParagraphFormat) -> TextBlock {
    let (block, key) = makeTextBlock(text, format: format)
    if let prefetching, let key { prefetching.put(block, for: key) }
    return block
  }

  /// The block of `textBlock`, and for the layouter shaping ahead the key to hand it over under
  /// (not handed over yet: the caller does when it is done with it).
  func makeTextBlock(_ text: AttributedText, format: ParagraphFormat) -> (TextBlock, TextBlockCache.Key?) {
    guard prefetching != nil || prefetched != nil else {
      return (textBlocks?.block(engine: engine, text: text, format: format) ?? TextBlock(engine: engine, text: text, format: format), nil)
    }
    let key = TextBlockCache.Key(text, format)
    if prefetching != nil { return (TextBlock(engine: engine, text: text, format: format), key) }
    if let block = prefetched?.take(key, engine: engine) {
      textBlocks?.record(block, for: key)
      return (block, nil)
    }
    return (textBlocks?.block(engine: engine, text: text, format: format, key: key) ?? TextBlock(engine: engine, text: text, format: format), nil)
  }

  /// The warning for a link that is not made (`InlineBuilder.linkKind`): `URLPolicy` refuses its
  /// URL (`unsafe-url`), or the URL is over its budget (`link-too-long`, empty `reason`). Its
  /// text stays; it never becomes a `/URI` action.
  mutating func reportRefusedLink(_ destination: String, reason: String, at range: SourceRange) {
    let shown = destination.count > 80 ? String(destination.prefix(80)) + "…" : destination
    if reason.isEmpty {
      diagnostics.report(.linkTooLong, "link to \(shown) (\(destination.utf8.count) bytes) dropped from the PDF (its text is kept) \(Budget.linkURLBytes.clause)",
        file: currentFile.isEmpty ? document.sourcePath : currentFile, at: range)
    }
    // A refused scheme (`reason` not empty) was reported once by the content check.
  }

  /// The format of body text at the current width.
  mutating func bodyFormat(align: TextAlignment? = nil) -> ParagraphFormat {
    ParagraphFormat(
      font: bodyFont(), width: width, align: align ?? style.base.align, lineHeight: style.base.lineHeight,
      firstLineIndent: style.paragraph.firstLineIndent.points(em: baseSize), protrusion: style.paragraph.protrusion,
      consecutiveHyphens: style.paragraph.consecutiveHyphens)
  }

  /// Inline content as body text, with quote colour and slant applied.
  mutating func bodyText(_ inlines: [Inline], hyphenate: Bool = true) -> AttributedText {
    attributed(inlines, size: baseSize, hyphenate: hyphenate)
  }

  // MARK: - Paragraphs and headings

  mutating func renderParagraph(_ p: Paragraph) {
    let text = bodyText(p.content)
    guard !text.isBlank else { return }
    emitParagraph(text, format: bodyFormat(), tag: "P")
  }

  /// Emits a paragraph's lines with widow and orphan control, then the paragraph space.
  mutating func emitParagraph(_ text: AttributedText, format: ParagraphFormat, tag: String) {
    let tags = tagStack + [StructureTag(name: tag, id: nextID())]
    var lines = lineSlices(text, format: format, x: indent, tags: tags)
    PDFLayouter.protectLines(&lines, orphans: style.page.orphans, widows: style.page.widows)
    for l in lines { emit(l) }
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }

  mutating func renderHeading(_ h: Heading) {
    let hs = style.heading(h.level)
    let f = font(hs.font, em: baseSize)
    let text = attributed(h.content, size: f.size, hyphenate: false)
    guard !text.isBlank else { return }
    let format = ParagraphFormat(font: f, width: width, align: hs.align, lineHeight: hs.lineHeight)
    let id = h.id.isEmpty ? "heading-\(nextID())" : h.id
    space(hs.spaceBefore.points(em: baseSize))
    let tags = tagStack + [StructureTag(name: "H\(min(max(h.level, 1), 6))", id: nextID())]
    var lines = lineSlices(text, format: format, x: indent, tags: tags)
    let isOutlined = tagStack.isEmpty && fontScale == 1
    if !lines.isEmpty {
      let entry = isOutlined ? OutlineEntry(level: h.level, title: h.content.plainText) : nil
      lines[0].items.insert(PageItem(.anchor(name: id, y: 0, outline: entry)), at: 0)
    }
    for k in lines.indices { lines[k].keepWithNext = true }
    for l in lines { emit(l) }
    pendingKeep = 1
    space(hs.spaceAfter.points(em: baseSize))
  }

  /// Spans of a paragraph (links; footnote calls and anchors as one byte each) asked line by
  /// line, lines in order, for those overlapping the line: sorted by start once, a line goes on
  /// from the first span the lines before have not passed. Answers in the spans' own order.
  struct LineCursor {
    private let spans: [(start: Int, end: Int)]
    private let order: [Int]
    private var first = 0

    init(_ spans: [(start: Int, end: Int)]) {
      self.spans = spans
      order = spans.indices.sorted { (spans[$0].start, $0) < (spans[$1].start, $1) }
    }

    /// The spans with `start < end` and `end > start` (of the line's `start..<end`).
    mutating func overlapping(_ start: Int, _ end: Int) -> [Int] {
      guard !order.isEmpty else { return [] }
      while first < order.count && spans[order[first]].end <= start { first += 1 }
      var found: [Int] = []
      var j = first
      while j < order.count && spans[order[j]].start < end {
        if spans[order[j]].end > start { found.append(order[j]) }
        j += 1
      }
      return found.count > 1 ? found.sorted() : found
    }
  }

  /// What a link's annotation says (`/Contents`): its text, soft hyphens and line breaks
  /// dropped. (The soft hyphens, U+00AD, are taken out of the bytes: Foundation's
  /// `replacingOccurrences` on the string took some 3% of the layout thread after the other
  /// core was done.)
  static func linkDescription(_ bytes: [UInt8], start: Int, end: Int) -> String {
    guard start >= 0, end <= bytes.count, start < end else { return "" }
    var kept: [UInt8] = []
    kept.reserveCapacity(end - start)
    var i = start
    while i < end {
      if bytes[i] == 0xC2, i + 1 < end, bytes[i + 1] == 0xAD {
        i += 2
        continue
      }
      kept.append(bytes[i])
      i += 1
    }
    return String(decoding: kept, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

extension PDFLayouter {
  /// Blocks written in another language than the document (a book's chapter): hyphenated by
  /// that language's patterns (not at all when none is installed: wrong patterns break words
  /// wrongly), laid out in that language's direction (a Hebrew chapter of a Spanish book is
  /// mirrored: its list markers and quote rules on the right), then the document's again.
  mutating func renderInLanguage(_ language: String, _ blocks: [Block]) {
    let saved = (hyphenator, textLanguage, direction)
    textLanguage = language
    direction = WritingDirection(language: language)
    hyphenator = style.base.hyphenate && !Hyphenator.isUnhyphenated(language: language) ? Hyphenator(language: language) : nil
    for b in blocks { render(b) }
    (hyphenator, textLanguage, direction) = saved
  }
}
