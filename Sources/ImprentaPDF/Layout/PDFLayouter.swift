import ImprentaModel
import ImprentaStyle

/// Turns a document and a style into a flow of slices, then pages: the layout stage.
///
/// Steps: title block → table of contents (when asked; page numbers come from a first pass) →
/// every block through `render(_:)` → pagination → running header and footer.
struct PDFLayouter {
  let style: Style
  let engine: TextEngine
  /// Hyphenates the text being set: the document's language's, or a chapter's in another language.
  var hyphenator: Hyphenator?
  /// The language of the text being set when a container says one (a book's chapter in another
  /// language than the book), else nil for the document's: hyphenation, Pango's font choice and
  /// what a tagged PDF says per structure element follow it.
  var textLanguage: String?
  /// The language of each structure element laid out in another language than the document.
  var idLanguages: [Int: String] = [:]
  let document: Document
  let environment: ExportEnvironment
  let localization: Localization
  /// The document's writing direction. Right to left, the flow is built as if left to right
  /// (each line placed by its logical start) and every slice is reflected across its frame as it
  /// is emitted: markers, quote rules, note numbers and table columns land on the right. A book's
  /// chapter in a language written the other way changes it while it is laid out.
  var direction: WritingDirection
  let geometry: PageGeometry
  var diagnostics = Diagnostics()

  /// The flow built so far.
  var slices: [Slice] = []
  /// Space owed above the next slice (the larger of two adjacent spaces wins).
  var pendingSpace = 0.0
  /// How many coming slices must stay with the one before (keep a heading with its text).
  var pendingKeep = 0
  /// Marker items (bullets, numbers) to attach to the next slice, aligned to its first baseline.
  var pendingMarker: [PageItem]? = nil
  /// Left edge of the current content, from the text area's left.
  var indent = 0.0
  /// Width of the current content.
  var width: Double
  /// Quote rules drawn beside everything emitted while they are open.
  var bars: [(x: Double, width: Double, color: Color, group: Int)] = []
  /// Admonition boxes drawn behind everything emitted while they are open (`started` once the
  /// first slice is in: later ones also cover the space above them). The rule's group is `group + 1`
  /// (boxes of one group on a page are merged).
  var boxes: [(x: Double, width: Double, fill: Color, rule: Color, ruleWidth: Double, group: Int, started: Bool)] = []
  /// Open structure elements (lists, quotes, tables).
  var tagStack: [StructureTag] = []
  /// Text colour and slant inside block quotes.
  var quoteColor: Color? = nil
  var quoteItalic = false
  /// Font scale for footnote text.
  var fontScale = 1.0
  /// List nesting depth.
  var listDepth = 0
  /// The last structure id handed out (`nextID`). Layouters painting into one file (the body and
  /// its covers) start from ranges that never meet.
  var counter = 0
  /// Footnote bodies by number.
  var notes: [Int: [Slice]] = [:]
  /// Page numbers of anchors from a previous pass (for the table of contents).
  var knownPages: [String: Int] = [:]
  /// Whether the table of contents is set.
  var includeTOC = false
  /// Whether the title block stands on a page of its own after the cover (a book's title page).
  /// Whether a front cover precedes the pages though the style sets none (a book's): it counts
  /// when telling right-hand pages.
  var bookCover = false
  var titlePage = false
  /// Families already checked for fallback.
  var checkedFamilies: Set<String> = []
  /// Start a new page with the next slice (after the table of contents).
  var breakNextPage = false
  /// With `breakNextPage`: on a right-hand page.
  var rightHandNext = false
  /// The book's structure when the document is a merged book (chapter openings, running heads).
  var book: BookPlan? = nil
  /// A division opening at the next slice (its anchor goes there).
  var pendingDivision: Int? = nil
  /// The front matter's page count from a previous pass (roman page numbers in the contents).
  var knownFrontMatter = 0
  /// The block being laid out (each slice's `position`).
  var blockPath = BlockPath()
  /// Images already loaded, by reference.
  var images: [String: LoadedImage?] = [:]
  /// Pixels the loaded images decode to together (`Budget.documentPixels`).
  var decodedPixels = 0
  /// The warning each image reference gave when it was loaded, and the references this pass
  /// has reported (a second pass reuses the first one's images, decoded once).
  var imageWarnings: [String: Diagnostic] = [:]
  var reportedImages: Set<String> = []
  /// Where each loaded image was first referenced (for preflight).
  var imageSources: [ObjectIdentifier: (reference: String, range: SourceRange, file: String)] = [:]
  /// Paragraphs shaped by a first pass, reused by the second (nil: every block is shaped).
  var textBlocks: TextBlockCache? = nil
  /// Blocks shaped ahead on another core, taken by this layout (`ParagraphPrefetch`).
  var prefetched: ParagraphPrefetch? = nil
  /// Where this layouter hands the blocks it makes when it is the one shaping ahead.
  var prefetching: ParagraphPrefetch? = nil
  var prefetchPolicy = ParagraphPrefetch.Policy.auto
  /// How many of its paragraphs the last layout took shaped ahead (for tests and profiles).
  private(set) var paragraphsShapedAhead = 0
  /// The file the block being laid out was read from (a merged book's chapter's own page).
  var currentFile = ""

  init(style: Style, engine: TextEngine, hyphenator: Hyphenator?, document: Document, environment: ExportEnvironment) {
    self.style = style
    self.engine = engine
    self.hyphenator = hyphenator
    self.document = document
    self.environment = environment
    localization = Localization.forLanguage(document.language(default: style.base.language))
    direction = document.direction(defaultLanguage: style.base.language)
    let p = style.page
    let base = style.base.font.size.points(em: 12)
    geometry = PageGeometry(
      width: p.width.points(em: base), height: p.height.points(em: base), marginTop: p.marginTop.points(em: base),
      marginBottom: p.marginBottom.points(em: base), marginInner: p.marginInner.points(em: base), marginOuter: p.marginOuter.points(em: base))
    width = geometry.textWidth
  }

  /// A fresh id for groups and structure elements.
  mutating func nextID() -> Int {
    counter += 1
    // An element of a chapter in another language than the document says so (`/Lang`).
    if let textLanguage, !textLanguage.isEmpty { idLanguages[counter] = textLanguage }
    return counter
  }

  /// Body text size in points.
  var baseSize: Double { style.base.font.size.points(em: 12) * fontScale }

  // MARK: - The whole document

  /// Lays out the document on pages.
  mutating func layout() -> PageLayout {
    // The second pass of a document with contents takes the first pass's blocks instead. Started
    // first: the notes and the title are set (and their fonts loaded) on this thread meanwhile.
    if textBlocks?.mode != .reuse { prefetched = ParagraphPrefetch.start(for: self) }
    let path = blockPath
    layoutNotes()
    blockPath = path
    beginColumns()
    if titlePage {
      spanning { $0.renderTitle() }
      breakNextPage = true
    } else if !document.metadata.hideTitle && !style.cover.front { spanning { $0.renderTitle() } }
    if includeTOC {
      // A book's contents start a page of their own, after the title page.
      if book != nil && !slices.isEmpty { breakNextPage = true }
      spanning { $0.renderTOC() }
    }
    for (i, block) in document.blocks.enumerated() {
      prefetched?.reached(i)
      currentFile = document.sourcePath(ofBlock: i)
      openDivision(at: i)
      render(block)
    }
    if let prefetched {
      prefetched.stop()
      paragraphsShapedAhead = prefetched.taken
    }
    prefetched = nil
    var pages = paginate()
    pages.frontMatterPages = frontMatterPages(pages)
    if book != nil { bookRunningHeads(&pages) } else { addRunningHeads(&pages) }
    reportMissingGlyphs(pages)
    pages.imageSources = imageSources
    pages.idLanguages = idLanguages
    return pages
  }

  /// Lays out one block (exhaustive: a new kind of block must be handled here).
  mutating func render(_ block: Block) {
    blockPath.enter()
    defer { blockPath.leave() }
    switch block {
    case .heading(let h): spanning(if: h.level <= 2) { $0.renderHeading(h) }
    case .paragraph(let p): renderParagraph(p)
    case .list(let l): renderList(l)
    case .blockQuote(let q): if q.isPullQuote { spanning { $0.renderPullQuote(q) } } else { renderBlockQuote(q) }
    case .codeBlock(let c): renderCodeBlock(c)
    case .table(let t): spanning { $0.renderTable(t) }
    case .figure(let f): spanning { $0.renderFigure(f) }
    case .thematicBreak: renderThematicBreak()
    case .footnoteDefinition: break  // set at the foot of the page that calls it
    case .html(let h): renderHTML(h)
    case .container(let c) where !c.language.isEmpty && c.admonition == nil: renderInLanguage(c.language, c.blocks)
    case .container(let c): if let a = c.admonition { renderAdmonition(a, c.blocks) } else { for b in c.blocks { render(b) } }
    case .embed(let e): renderEmbed(e)
    case .definitionList(let d): renderDefinitionList(d)
    }
  }

  // MARK: - Emitting slices

  /// Adds a slice to the flow: owed space, open quote rules, kept headings and list markers;
  /// reflected across the frame (`indent + width`: the text or column width) when the document is
  /// right to left.
  mutating func emit(_ slice: Slice) {
    var s = slice
    s.spaceBefore = max(s.spaceBefore, pendingSpace)
    pendingSpace = 0
    if breakNextPage {
      s.pageBreakBefore = true
      s.rightHandStart = rightHandNext
      breakNextPage = false
      rightHandNext = false
    }
    if let division = pendingDivision {
      s.items.insert(PageItem(.anchor(name: BookPlan.anchor(division), y: 0, outline: nil)), at: 0)
      pendingDivision = nil
    }
    if s.position == nil { s.position = FlowPosition(path: blockPath.path, offset: s.textOffset ?? 0) }
    if pendingKeep > 0 {
      s.keepWithNext = true
      pendingKeep -= 1
    }
    if let marker = pendingMarker {
      let baseline = s.items.lazy.compactMap { item -> Double? in
        if case .text(let t) = item.kind { return t.baseline }
        return nil
      }.first ?? s.height * 0.75
      s.items.insert(contentsOf: marker.map { $0.offsetBy(dx: 0, dy: baseline) }, at: 0)
      pendingMarker = nil
    }
    for bar in bars {
      s.items.insert(
        PageItem(.box(Rect(x: bar.x, y: -s.spaceBefore, width: bar.width, height: s.height + s.spaceBefore), fill: bar.color, stroke: .none, group: bar.group)),
        at: 0)
    }
    // Boxes go under the quote rules, the outermost first.
    for k in boxes.indices.reversed() {
      let box = boxes[k]
      let top = box.started ? -s.spaceBefore : 0
      s.items.insert(PageItem(.box(Rect(x: box.x, y: top, width: box.ruleWidth, height: s.height - top), fill: box.rule, stroke: .none, group: box.group + 1)), at: 0)
      s.items.insert(PageItem(.box(Rect(x: box.x, y: top, width: box.width, height: s.height - top), fill: box.fill, stroke: .none, group: box.group)), at: 0)
      boxes[k].started = true
    }
    if direction == .rtl {
      let frame = indent + width
      s.items = s.items.map { $0.mirrored(in: frame) }
      s.repeatHeader = s.repeatHeader?.map { header in
        var h = header
        h.items = h.items.map { $0.mirrored(in: frame) }
        return h
      }
    }
    slices.append(s)
  }

  /// Adds space before the next slice.
  mutating func space(_ points: Double) {
    pendingSpace = max(pendingSpace, points)
  }

  /// Marks the last `count` slices of a block of `total` lines and its first ones so no page
  /// break leaves fewer than the style's orphans at a foot or widows at a head.
  static func protectLines(_ slices: inout [Slice], orphans: Int, widows: Int) {
    let n = slices.count
    guard n > 1 else { return }
    for k in 0..<(n - 1) where k < orphans - 1 || k >= n - widows { slices[k].keepWithNext = true }
  }

  // MARK: - Fonts

  /// A resolved font from a style font, checking once that its first family is installed.
  mutating func font(_ f: FontStyle, size: Double? = nil, em: Double? = nil) -> FontSpec {
    if let first = f.family.first, !checkedFamilies.contains(first) {
      checkedFamilies.insert(first)
      if !engine.isInstalled(first) {
        let matched = engine.matchedFamily(first)
        let next = f.family.dropFirst().first { engine.isInstalled($0) }
        diagnostics.report(.fontNotInstalled, "font family '\(first)' is not installed; using '\(next ?? matched)'", file: document.sourcePath)
      }
    }
    let points = size ?? f.size.points(em: em ?? baseSize)
    return FontSpec(
      family: f.family, size: points, weight: FontSpec.weight(f.weight), italic: f.slant == "italic", color: f.color)
  }

  /// The body font, with the quote colour and slant when inside a quote.
  mutating func bodyFont() -> FontSpec {
    var f = font(style.base.font, size: baseSize)
    if let c = quoteColor { f.color = c }
    if quoteItalic { f.italic = true }
    return f
  }
}
