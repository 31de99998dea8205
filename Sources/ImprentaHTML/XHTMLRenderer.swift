import ImprentaModel
import ImprentaStyle

/// What becomes of an image a page refers to, as the caller of the renderer decides.
package enum ImageResolution: Sendable, Hashable {
  /// Use this URL in `src`.
  case source(String)
  /// No such file: the alt text is shown instead, with a warning.
  case missing(String)
  /// Not allowed (outside the content folder, remote): never read (the content check warned).
  case refused(String)
  /// Found, but not an image this output can carry (the output's own warning).
  case unsupported(String)
}

/// Which kind of XHTML is written.
package enum XHTMLFlavor: Sendable, Hashable {
  /// A standalone page for browsers.
  case standalone
  /// An EPUB 3 content document (`epub:type` semantics, notes as endnotes).
  case epub
}

/// Renders one document into XHTML pages: the model → a libxml2 tree.
///
/// One renderer serves every page of a document (an EPUB may split a long page), so ids,
/// footnote calls and image counts are shared. `render(_:into:)` switches over every block and
/// `renderInline(_:into:)` over every inline, exhaustively: a new node kind must be handled here.
package struct XHTMLRenderer {
  static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
  static let epubNamespace = "http://www.idpf.org/2007/ops"

  let style: Style
  let document: Document
  let flavor: XHTMLFlavor
  let language: String
  /// The direction the document is written in: `dir="rtl"` on the page, code kept left to right.
  let direction: WritingDirection
  let localization: Localization
  let resolveImage: (Image) -> ImageResolution
  /// What the renderer reported (forbidden characters, unsafe raw HTML, missing alt text, images).
  package var diagnostics = Diagnostics()
  /// Images rendered, and how many of them had no usable alt text (decorative).
  package var imageCount = 0
  package var imagesWithoutAlt = 0
  /// Ids used in the document so far.
  var ids: Set<String> = []
  /// How many times each footnote has been called so far.
  var footnoteCalls: [Int: Int] = [:]
  /// Page-break markers of a printed edition still to be set (an EPUB tied to a PDF).
  package var pageBreaks = PageBreakMarks()
  /// The block being rendered (where page-break markers go); the EPUB sets its top-level
  /// indices for each content document.
  package var blockPath = BlockPath()

  /// Creates a renderer for `document`; `images` decides every image's URL.
  package init(style: Style, document: Document, flavor: XHTMLFlavor, images: @escaping (Image) -> ImageResolution) {
    self.style = style
    self.document = document
    self.flavor = flavor
    language = document.language(default: style.base.language)
    direction = document.direction(defaultLanguage: style.base.language)
    localization = Localization.forLanguage(language)
    resolveImage = images
    // Heading ids first (the reader made them unique), then the notes' ids.
    document.forEachBlock { block in
      if case .heading(let h) = block, !h.id.isEmpty { ids.insert(h.id) }
      if case .definitionList(let d) = block {
        for item in d.items { for term in item.terms where !term.id.isEmpty { ids.insert(term.id) } }
      }
    }
    for note in document.footnotes { ids.insert("fn-\(note.number)") }
  }

  var file: String { document.sourcePath }

  // MARK: - Pages

  /// Whether the generated title block is shown: not when the page hides its title, nor when
  /// its first block is already an H1 saying the same.
  package var showsTitleBlock: Bool {
    if document.metadata.hideTitle || document.metadata.title.isEmpty { return false }
    if case .heading(let h)? = document.blocks.first(where: { if case .html = $0 { return false } else { return true } }), h.level == 1,
      h.content.plainText == document.metadata.title
    {
      return false
    }
    return true
  }

  /// A page holding `blocks`, titled `title`, with the title block and the notes section if asked.
  package mutating func page(
    blocks: [Block], title: String, titleBlock: Bool, notes: Bool, stylesheet: XHTMLOptions.Stylesheet, css: @autoclosure () -> String
  ) -> XHTMLPage {
    let tree = XMLTree(layout: .xhtml)
    let html = tree.makeRoot("html", namespace: XHTMLRenderer.xhtmlNamespace, doctype: true)
    if flavor == .epub { html.declareNamespace(prefix: "epub", uri: XHTMLRenderer.epubNamespace) }
    html.set("lang", language)
    html.set("xml:lang", language)
    if direction == .rtl { html.set("dir", "rtl") }
    let head = html.element("head")
    head.element("meta", ["charset": "UTF-8"])
    head.element("title").text(title.isEmpty ? document.relativeName : title)
    if flavor == .standalone {
      head.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
      let m = document.metadata
      if !m.authors.isEmpty { head.element("meta", ["name": "author", "content": m.authors.joined(separator: ", ")]) }
      if !m.description.isEmpty { head.element("meta", ["name": "description", "content": m.description]) }
      if !m.tags.isEmpty { head.element("meta", ["name": "keywords", "content": m.tags.joined(separator: ", ")]) }
    }
    switch stylesheet {
    case .inline: head.element("style").text(css())
    case .linked(let href): head.element("link", ["rel": "stylesheet", "type": "text/css", "href": href])
    case .none: break
    }
    let body = html.element("body")
    let main: XMLNode
    if flavor == .epub {
      body.set("epub:type", "bodymatter")
      main = body
    } else {
      main = body.element("main")
    }
    if !pageBreaks.isEmpty { placePageBreaks(pageBreaks.take([]), into: main, after: XHTMLRenderer.lastChild(main), inText: false) }
    if titleBlock { renderTitleBlock(into: main) }
    render(blocks, into: main)
    // Markers past the last block (a back cover) or at blocks not rendered end the document.
    if notes && !pageBreaks.isEmpty { placePageBreaks(pageBreaks.takeAll(), into: main, after: XHTMLRenderer.lastChild(main), inText: false) }
    if notes { renderNotes(into: main) }
    if tree.strippedCharacters > 0 {
      diagnostics.report(.invalidXMLCharacter, "\(tree.strippedCharacters) character(s) that XML forbids (control characters, U+FFFE, U+FFFF) were removed", file: file)
    }
    return XHTMLPage(tree: tree)
  }

  // MARK: - Blocks

  mutating func render(_ blocks: [Block], into parent: XMLNode) {
    for block in blocks { render(block, into: parent) }
  }

  mutating func render(_ block: Block, into parent: XMLNode) {
    blockPath.enter()
    defer { blockPath.leave() }
    let marks = pageBreaks.take(blockPath.path)
    let before = marks.isEmpty ? nil : XHTMLRenderer.lastChild(parent)
    defer {
      if !marks.isEmpty {
        var inText = false
        switch block {
        case .paragraph, .heading, .codeBlock: inText = true
        default: break
        }
        placePageBreaks(marks, into: parent, after: before, inText: inText)
      }
    }
    switch block {
    case .heading(let h):
      let node = parent.element("h\(min(max(h.level, 1), 6))")
      if !h.id.isEmpty { node.set("id", h.id) }
      var attributes = h.attributes
      attributes.id = ""  // the heading's id is `h.id` (claimed above)
      attributes.pairs.removeAll { $0.key == "anchor" }
      setAttributes(attributes, on: node, range: h.range)
      renderInlines(h.content, into: node, range: h.range)
    case .paragraph(let p):
      let node = parent.element("p")
      setAttributes(p.attributes, on: node, range: p.range)
      renderInlines(p.content, into: node, range: p.range)
    case .list(let l):
      renderList(l, into: parent)
    case .blockQuote(let q):
      let node = parent.element("blockquote")
      setAttributes(q.attributes, on: node)
      render(q.blocks, into: node)
    case .codeBlock(let c):
      renderCode(c, into: parent)
    case .table(let t):
      renderTable(t, into: parent)
    case .figure(let f):
      renderFigure(f, into: parent)
    case .thematicBreak:
      parent.element("hr")
    case .footnoteDefinition:
      break  // Notes are written together at the end of the page (`renderNotes`).
    case .html(let raw):
      renderRawHTML(raw, into: parent)
    case .container(let c) where c.admonition != nil:
      renderAdmonition(c, into: parent)
    case .container(let c):
      let node = parent.element("div")
      setAttributes(c.attributes, on: node)
      if !c.language.isEmpty {
        // A book's chapter in another language: readers and screen readers switch with it.
        node.set("lang", c.language)
        node.set("xml:lang", c.language)
      }
      render(c.blocks, into: node)
    case .embed(let e):
      renderEmbed(e, into: parent)
    case .definitionList(let d):
      renderDefinitionList(d, into: parent)
    }
  }

  /// An embed cannot play in a reading system: a titled link to it (a QR code's text, shown).
  mutating func renderEmbed(_ e: Embed, into parent: XMLNode) {
    let p = parent.element("p", ["class": "embed embed-\(e.provider.filter { $0.isLetter || $0.isNumber })"])
    if e.kind == .qr || !URLPolicy.isAllowedLink(e.url) {
      p.text(e.displayTitle)
      return
    }
    p.element("a", ["href": URLPolicy.written(e.url)]).text(e.displayTitle)
  }

  mutating func renderCode(_ c: CodeBlock, into parent: XMLNode) {
    let pre = parent.element("pre")
    setAttributes(c.attributes, on: pre, range: c.range)
    // Code reads left to right whatever the page's direction.
    if direction == .rtl { pre.set("dir", "ltr") }
    let code = pre.element("code")
    let language = c.language.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "+" }
    if !language.isEmpty { code.set("class", "language-" + language) }
    code.text(c.code.hasSuffix("\n") ? String(c.code.dropLast()) : c.code)
  }

  mutating func renderFigure(_ f: Figure, into parent: XMLNode) {
    let figure = parent.element("figure")
    setAttributes(f.attributes, on: figure)
    var holder = figure
    if !f.link.isEmpty, URLPolicy.isAllowedLink(f.link) { holder = figure.element("a", ["href": f.link]) }
    renderImage(f.image, into: holder)
    if !f.caption.isEmpty { renderInlines(f.caption, into: figure.element("figcaption"), range: f.range) }
  }

  // MARK: - Attributes and ids

  /// A unique id made from `wanted`, or nil when it is taken (raw HTML may repeat a heading's id).
  mutating func claim(_ wanted: String, range: SourceRange) -> String? {
    let id = wanted.filter { !$0.isWhitespace }
    guard !id.isEmpty else { return nil }
    guard ids.insert(id).inserted else {
      diagnostics.report(.duplicateID, "the id \"\(id)\" is used twice in the page: the second one was dropped", file: file, at: range)
      return nil
    }
    return id
  }

  /// Id, classes and `data-` pairs of a container, span, quote or figure.
  mutating func setAttributes(_ a: Attributes, on node: XMLNode, range: SourceRange = .unknown) {
    if !a.id.isEmpty, let id = claim(a.id, range: range) { node.set("id", id) }
    let classes = a.classes.filter { !$0.isEmpty }
    if !classes.isEmpty { node.set("class", classes.joined(separator: " ")) }
    for pair in a.pairs {
      let key = pair.key.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
      guard !key.isEmpty, key.first!.isLetter else { continue }
      node.set(key.hasPrefix("data-") ? key : "data-" + key, pair.value)
    }
  }
}
