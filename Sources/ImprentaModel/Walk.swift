// Queries over the tree that several passes share (table of contents, alt text, link lists).

extension Array where Element == Inline {
  /// The text a reader would see, without markup: breaks become spaces, footnote calls vanish.
  public var plainText: String {
    var out = ""
    for inline in self { inline.appendPlainText(to: &out) }
    return out
  }
}

extension Inline {
  /// Appends the visible text of this inline to `out`.
  public func appendPlainText(to out: inout String) {
    switch self {
    case .text(let t): out += t.string
    case .emphasis(let s), .strong(let s), .strikethrough(let s): for i in s.content { i.appendPlainText(to: &out) }
    case .code(let c): out += c.code
    case .link(let l): for i in l.content { i.appendPlainText(to: &out) }
    case .image(let img): out += img.alt
    case .softBreak, .hardBreak: out += " "
    case .footnoteReference: break
    case .span(let s): for i in s.content { i.appendPlainText(to: &out) }
    }
  }
}

extension Block {
  /// The blocks directly inside this one (list items' blocks flattened), for walks.
  public var children: [Block] {
    switch self {
    case .heading, .paragraph, .codeBlock, .table, .figure, .thematicBreak, .html, .embed: return []
    case .list(let l): return l.items.flatMap(\.blocks)
    case .blockQuote(let q): return q.blocks
    case .footnoteDefinition(let f): return f.blocks
    case .container(let c): return c.blocks
    case .definitionList(let d): return d.items.flatMap { $0.definitions.flatMap { $0 } }
    }
  }

  /// Where this block came from.
  public var range: SourceRange {
    switch self {
    case .heading(let h): return h.range
    case .paragraph(let p): return p.range
    case .list(let l): return l.range
    case .blockQuote(let q): return q.range
    case .codeBlock(let c): return c.range
    case .table(let t): return t.range
    case .figure(let f): return f.range
    case .thematicBreak(let r): return r
    case .footnoteDefinition(let f): return f.range
    case .html(let h): return h.range
    case .container(let c): return c.range
    case .embed(let e): return e.range
    case .definitionList(let d): return d.range
    }
  }
}

extension Document {
  /// Every block of the document, depth first, in reading order.
  public func forEachBlock(_ body: (Block) throws -> Void) rethrows {
    func visit(_ blocks: [Block]) throws {
      for b in blocks {
        try body(b)
        try visit(b.children)
      }
    }
    try visit(blocks)
  }

  /// The headings at the top level of the document (not inside quotes or lists), in order:
  /// what a table of contents lists. A container that only says a language (a book's chapter in
  /// another language) is no level of its own: its headings are the document's.
  public var outline: [Heading] {
    func top(_ blocks: [Block]) -> [Heading] {
      blocks.flatMap { block -> [Heading] in
        switch block {
        case .heading(let h): return [h]
        case .container(let c) where !c.language.isEmpty && c.admonition == nil: return top(c.blocks)
        default: return []
        }
      }
    }
    return top(blocks)
  }

  /// Every id a link's `#fragment` may name: headings', defined terms' and those given by
  /// block attributes (`{#id}`), in reading order, then those of inline elements
  /// (`# <a id="general">General</a>`).
  public var anchorIDs: [String] {
    var out: [String] = []
    forEachBlock { block in
      switch block {
      case .heading(let h): out.append(h.id)
      case .paragraph(let p): out.append(p.attributes.id)
      case .list(let l): out.append(l.attributes.id)
      case .blockQuote(let q): out.append(q.attributes.id)
      case .codeBlock(let c): out.append(c.attributes.id)
      case .table(let t): out.append(t.attributes.id)
      case .figure(let f): out.append(f.attributes.id)
      case .container(let c): out.append(c.attributes.id)
      case .definitionList(let d):
        out.append(d.attributes.id)
        for item in d.items { out += item.terms.map(\.id) }
      case .thematicBreak, .footnoteDefinition, .html, .embed: break
      }
    }
    forEachInline { if case .span(let s) = $0 { out.append(s.attributes.id) } }
    return out.filter { !$0.isEmpty }
  }

  /// The footnote definitions, in number order.
  public var footnotes: [FootnoteDefinition] {
    blocks.compactMap { if case .footnoteDefinition(let f) = $0 { return f } else { return nil } }
  }
}

extension Document {
  /// Every inline of the document, depth first, in reading order (headings, paragraphs, table
  /// cells, captions, and inside links and emphasis).
  public func forEachInline(_ body: (Inline) -> Void) {
    func walk(_ list: [Inline]) {
      for i in list {
        body(i)
        switch i {
        case .emphasis(let s), .strong(let s), .strikethrough(let s): walk(s.content)
        case .link(let l): walk(l.content)
        case .span(let s): walk(s.content)
        case .text, .code, .image, .softBreak, .hardBreak, .footnoteReference: break
        }
      }
    }
    forEachBlock { b in
      switch b {
      case .heading(let h): walk(h.content)
      case .paragraph(let p): walk(p.content)
      case .figure(let f): walk(f.caption)
      case .table(let t): for c in t.header + t.rows.flatMap({ $0 }) { walk(c.content) }
      case .container(let c): walk(c.admonition?.title ?? [])
      case .definitionList(let d): for item in d.items { for term in item.terms { walk(term.content) } }
      case .list, .blockQuote, .codeBlock, .thematicBreak, .footnoteDefinition, .html, .embed: break
      }
    }
  }

  /// Every link of the document, in reading order.
  public var links: [Link] {
    var out: [Link] = []
    forEachInline { if case .link(let l) = $0 { out.append(l) } }
    return out
  }

  /// Where the first link to `destination` is, for diagnostics about it.
  public func rangeOfLink(to destination: String) -> SourceRange {
    links.first { $0.destination == destination }?.range ?? .unknown
  }

  /// Where the first link to each destination is (`rangeOfLink` for every destination, in one walk).
  public var linkRanges: [String: SourceRange] {
    var out: [String: SourceRange] = [:]
    for link in links where out[link.destination] == nil { out[link.destination] = link.range }
    return out
  }

  /// Every image or file the document refers to (cover, figures, inline images, `<img>` in raw
  /// HTML), in reading order, without repeats: what a build depends on besides the page itself.
  public var resourceReferences: [String] {
    var out: [String] = []
    var seen: Set<String> = []
    func add(_ s: String) {
      if !s.isEmpty && seen.insert(s).inserted { out.append(s) }
    }
    func html(_ nodes: [HTMLNode]) {
      for n in nodes {
        if case .element(let name, let attributes, let children) = n {
          if name == "img", let src = attributes.first(where: { $0.key == "src" }) { add(src.value) }
          html(children)
        }
      }
    }
    add(metadata.cover)
    var inlineImages: [String] = []
    forEachInline { if case .image(let img) = $0 { inlineImages.append(img.source) } }
    // Figures and raw HTML images in block order, then inline images.
    forEachBlock { block in
      switch block {
      case .figure(let f): add(f.image.source)
      case .html(let h): html(h.nodes)
      case .heading, .paragraph, .table, .list, .blockQuote, .codeBlock, .thematicBreak, .footnoteDefinition, .container, .embed, .definitionList: break
      }
    }
    for src in inlineImages { add(src) }
    return out
  }
}
