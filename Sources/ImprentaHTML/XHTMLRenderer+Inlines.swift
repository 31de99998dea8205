import ImprentaModel

extension XHTMLRenderer {
  /// Renders inline content into `parent`. Raw inline HTML reached the model already parsed and
  /// sanitised by the reader (spans, links, images, breaks), so there is no tag to handle here.
  mutating func renderInlines(_ inlines: [Inline], into parent: XMLNode, range: SourceRange) {
    for inline in inlines { renderInline(inline, into: parent) }
  }

  mutating func renderInline(_ inline: Inline, into parent: XMLNode) {
    switch inline {
    case .text(let t):
      parent.text(t.string)
    case .emphasis(let s):
      renderInlines(s.content, into: parent.element("em"), range: s.range)
    case .strong(let s):
      renderInlines(s.content, into: parent.element("strong"), range: s.range)
    case .strikethrough(let s):
      renderInlines(s.content, into: parent.element("del"), range: s.range)
    case .code(let c):
      let code = parent.element("code")
      // In a right-to-left page, code is an isolated left-to-right run: `--flag` keeps its dashes in front.
      if direction == .rtl { code.set("dir", "ltr") }
      code.text(c.code)
    case .link(let l):
      renderLink(l, into: parent)
    case .image(let img):
      renderImage(img, into: parent)
    case .softBreak:
      parent.text("\n")
    case .hardBreak:
      parent.element("br")
      parent.text("\n")
    case .footnoteReference(let r):
      renderFootnoteCall(r, into: parent)
    case .span(let s):
      renderSpan(s, into: parent)
    }
  }

  /// A span as its phrasing element (`span`, or `sub`, `kbd`, `abbr`… from raw HTML, fitted to
  /// HTML5 as raw HTML blocks are). Pairs HTML defines on the element (`title`, `lang`, `dir`,
  /// `cite`, `datetime`) are written as such; other pairs as `data-` attributes.
  mutating func renderSpan(_ span: Span, into parent: XMLNode) {
    var name = RawHTMLRules.renamed[span.element] ?? span.element
    if !RawHTMLRules.phrasing.contains(name) || RawHTMLRules.void.contains(name) || ["a", "img"].contains(name) || RawHTMLRules.requiredParent[name] != nil {
      name = "span"
    }
    let node = parent.element(name)
    let html = span.attributes.pairs.filter { RawHTMLRules.global.contains($0.key) || RawHTMLRules.specific[name]?.contains($0.key) == true }
    var data = span.attributes
    data.pairs.removeAll { pair in html.contains { $0.key == pair.key } }
    setAttributes(data, on: node, range: span.range)
    setHTMLAttributes(html, on: node, tag: name, parentName: parent.name, range: span.range)
    renderInlines(span.content, into: node, range: span.range)
  }

  mutating func renderLink(_ link: Link, into parent: XMLNode) {
    var l = link
    if flavor == .standalone, let target = l.internalTarget {
      // Another document of the same export: its sibling XHTML file, relative to this one (the
      // EPUB packager resolves these itself, to content documents of the book).
      l.destination = XHTMLRenderer.relativePath(from: document.relativeName, to: target.page + ".xhtml") + (target.anchor.isEmpty ? "" : "#" + target.anchor)
    }
    // `#%E8%AF%81%E4%B9%A6` written as the id it names (`#证书`), as the other outputs match it.
    if let id = l.fragmentOnly, !id.isEmpty { l.destination = "#" + id }
    let insideLink = parent.hasAncestor(named: "a")
    let refusal = URLPolicy.refusal(l.destination)
    // A refused URL was reported once by the content check: its text stays, without the link.
    guard !l.destination.isEmpty, refusal == nil, !insideLink else {
      renderInlines(l.content, into: insideLink ? parent : parent.element("span"), range: l.range)
      return
    }
    let a = parent.element("a", ["href": URLPolicy.written(l.destination)])
    if !l.title.isEmpty { a.set("title", l.title) }
    renderInlines(l.content, into: a, range: l.range)
  }

  /// The path of `target` (relative to the export root) as seen from the page `from`'s folder.
  static func relativePath(from page: String, to target: String) -> String {
    OtherOutputLinks.relativePath(from: page, to: target)
  }

  // MARK: - Images

  /// An `img`, or the alt text in its place when the image cannot be had.
  mutating func renderImage(_ image: Image, into parent: XMLNode, width: String? = nil, height: String? = nil) {
    // Missing, refused, remote and alt-less images were reported once by the content check.
    guard !image.source.isEmpty, URLPolicy.isAllowedImageSource(image.source) else {
      renderMissingImage(image, into: parent)
      return
    }
    if URLPolicy.isRemote(image.source) {
      renderRemoteImage(image, into: parent)
      return
    }
    switch resolveImage(image) {
    case .source(let src):
      imageCount += 1
      let img = parent.element("img", ["src": src])
      if let alt = image.readableAlt {
        img.set("alt", alt)
      } else {
        imagesWithoutAlt += 1
        img.set("alt", "")
        img.set("role", "presentation")
      }
      if !image.title.isEmpty { img.set("title", image.title) }
      if let width { img.set("width", width) }
      if let height { img.set("height", height) }
    case .missing, .refused:
      renderMissingImage(image, into: parent)
    case .unsupported(let why):
      diagnostics.report(.imageUnsupported, "image \(image.source) not used: \(why); its alt text is shown instead", file: file, at: image.range)
      renderMissingImage(image, into: parent)
    }
  }

  /// A remote image is never loaded by a page or a book (a reader's privacy, EPUB's rules): a link
  /// to it, labelled with its alt text, takes its place.
  mutating func renderRemoteImage(_ image: Image, into parent: XMLNode) {
    guard !parent.hasAncestor(named: "a") else {
      renderMissingImage(image, into: parent)
      return
    }
    let alt = image.alt.trimmingCharacters(in: " \t\n")
    parent.element("a", ["href": URLPolicy.written(image.source), "class": "image-remote"]).text("[\(localization.image)" + (alt.isEmpty ? "]" : ": \(alt)]"))
  }

  func renderMissingImage(_ image: Image, into parent: XMLNode) {
    let alt = image.alt.trimmingCharacters(in: " \t\n")
    parent.element("span", ["class": "image-missing"]).text("[\(localization.image)" + (alt.isEmpty ? "]" : ": \(alt)]"))
  }
}

extension XMLNode {
  /// Whether this node or an ancestor is an element named `name`.
  func hasAncestor(named name: String) -> Bool {
    var n: XMLNode? = self
    while let x = n {
      if x.name == name { return true }
      n = x.parent
    }
    return false
  }
}
