extension Book {
  /// Where one entry sits in the book's outline: what every backend reads, so the PDF outline,
  /// the printed contents, the merged document and the EPUB navigation nest alike.
  public struct Placement: Sendable, Hashable {
    /// The entry's index in `entries`.
    public var index: Int
    /// The title heading's text: the document's title; the front's is "Introduction" in the
    /// book's language.
    public var title: String
    /// The title heading's level (1 for the front and top-level parts and chapters).
    public var level: Int
    /// What to add to each of the document's own heading levels so the highest sits just below
    /// the title (a chapter's `#` under a chapter at level 2 becomes level 3).
    public var headingShift: Int
    /// Whether the document's first block is a heading saying its title, which then is the title
    /// heading (not repeated).
    public var titleIsFirstHeading: Bool
    /// The document's language when it is not the book's (the chapter is marked with it), or empty.
    public var otherLanguage: String

    /// A document heading's level in the book, 1 to 6.
    public func level(of heading: Heading) -> Int { min(6, max(1, heading.level + headingShift)) }
  }

  /// The entries that appear in the book and where: a front page or section page with no body is
  /// left out, except a section page that holds chapters (it gives the part's title). Headings
  /// of the documents move below their titles.
  public var placements: [Placement] {
    let bookLanguage = Book.primary(language.isEmpty ? metadata.language : language)
    var out: [Placement] = []
    for (i, entry) in entries.enumerated() {
      let doc = entry.document
      let level = max(1, entry.level)
      switch entry.role {
      case .front where !entry.hasBody: continue
      case .part where !entry.hasBody:
        // A part title only when chapters follow inside it.
        guard i + 1 < entries.count, entries[i + 1].level > entry.level else { continue }
      default: break
      }
      var title = doc.metadata.title.trimmingCharacters(in: " \t\n")
      // The home page's title names the site ("Inicio", the site's name), not its text.
      if entry.role == .front { title = localization.introduction }
      if title.isEmpty { title = doc.relativeName }
      var titleIsFirstHeading = false
      if case .heading(let h)? = doc.blocks.first, h.content.plainText.trimmingCharacters(in: " \t\n") == title { titleIsFirstHeading = true }
      var highest = 7
      for (k, block) in doc.blocks.enumerated() where !(k == 0 && titleIsFirstHeading) {
        if case .heading(let h) = block { highest = min(highest, h.level) }
        Book.forEachNestedHeading(block) { highest = min(highest, $0.level) }
      }
      let shift = highest == 7 ? 0 : level + 1 - highest
      let own = Book.primary(doc.metadata.language)
      let other = !own.isEmpty && !bookLanguage.isEmpty && own != bookLanguage ? doc.metadata.language : ""
      out.append(Placement(index: i, title: title, level: min(6, level), headingShift: shift, titleIsFirstHeading: titleIsFirstHeading, otherLanguage: other))
    }
    return out
  }

  /// The class a title heading carries in the merged document: `book-front`, `book-part`,
  /// `book-chapter` (print starts a page there; XHTML writes it as the heading's class).
  public static func titleClass(_ role: Entry.Role) -> String { "book-" + role.rawValue }

  static func primary(_ tag: String) -> String { tag.split(separator: "-").first.map { $0.lowercased() } ?? "" }

  static func forEachNestedHeading(_ block: Block, _ body: (Heading) -> Void) {
    for child in block.children {
      if case .heading(let h) = child { body(h) }
      forEachNestedHeading(child, body)
    }
  }

  /// The book as one document, for outputs that are one flow of text (plain text, one XHTML page,
  /// the PDF): each entry's title becomes a heading at its place in the outline (with the class
  /// `titleClass(role)`), its own headings move below it, a chapter in another language than the
  /// book is a container saying its language, heading ids stay unique across the book (links
  /// follow them), footnotes are renumbered in order, and links between the book's documents
  /// point at their headings.
  public func merged() -> Document { mergedWithOrigins().document }

  /// Where a top-level block of the merged document comes from: the entry (its index in
  /// `entries`) and the block's index in that entry's document, nil for a title heading the
  /// merge adds; a chapter in another language is one container whose children are the
  /// document's blocks `wrapped`.
  public struct MergedOrigin: Sendable, Hashable {
    /// The entry's index in `entries`.
    public var entry: Int
    /// The block's index in the entry's document; nil for the added title.
    public var block: Int?
    /// For a language container: the document's block index of each of its children.
    public var wrapped: [Int] = []
  }

  /// The merged document (see `merged()`) and, for each of its top-level blocks, where it comes
  /// from: what a backend needs to find chapter starts and to map its pages back to the documents.
  public func mergedWithOrigins() -> (document: Document, origins: [MergedOrigin]) {
    var origins: [MergedOrigin] = []
    var noteOrigins: [MergedOrigin] = []
    var ids = UniqueIDs()
    var blocks: [Block] = []
    var notes: [Block] = []
    var noteOffset = 0
    let placements = self.placements
    // First pass: every document's new ids, so links between documents can be rewritten.
    var idMaps: [String: [String: String]] = [:]
    var startIDs: [String: String] = [:]
    var titleIDs: [Int: String] = [:]
    for placement in placements {
      let doc = entries[placement.index].document
      var map: [String: String] = [:]
      var titleID: String?
      if !placement.titleIsFirstHeading { titleID = ids.make(from: Slug.github(placement.title)) }
      doc.forEachBlock { block in
        switch block {
        case .heading(let h) where !h.id.isEmpty: map[h.id] = ids.make(from: h.id)
        case .definitionList(let d):
          for item in d.items { for term in item.terms where !term.id.isEmpty { map[term.id] = ids.make(from: term.id) } }
        default: break
        }
      }
      if placement.titleIsFirstHeading, case .heading(let h)? = doc.blocks.first {
        if h.id.isEmpty { titleID = ids.make(from: Slug.github(placement.title)) } else { titleID = map[h.id] }
      }
      titleIDs[placement.index] = titleID
      idMaps[doc.relativeName] = map
      startIDs[doc.relativeName] = titleID ?? ""
    }
    // The merged document is found where the first one is: every other one's relative image
    // paths are re-written from its own folder (a page bundle's `red.png`).
    let home = Book.folder(of: entries.first?.document.sourcePath ?? "")
    var parts: [DocumentPart] = []
    for placement in placements {
      let entry = entries[placement.index]
      let doc = entry.document
      let map = idMaps[doc.relativeName] ?? [:]
      var rewriter = BookRewriter(idMap: map, idMaps: idMaps, startIDs: startIDs, headingShift: placement.headingShift, noteOffset: noteOffset)
      let folder = Book.folder(of: doc.sourcePath)
      if folder != home { rewriter.rebase = (folder, home) }
      var titleHeading = Heading(level: placement.level, content: [.text(Text(placement.title))], id: titleIDs[placement.index] ?? "")
      var body = doc.blocks[...]
      if placement.titleIsFirstHeading, case .heading(let h)? = body.first {
        titleHeading.content = rewriter.block(.heading(h)).headingContent ?? titleHeading.content
        titleHeading.attributes = h.attributes
        titleHeading.range = h.range
        body = body.dropFirst()
      }
      titleHeading.attributes.classes.append(Book.titleClass(entry.role))
      if !doc.sourcePath.isEmpty { parts.append(DocumentPart(firstBlock: blocks.count, path: doc.sourcePath, anchor: titleHeading.id)) }
      blocks.append(.heading(titleHeading))
      origins.append(MergedOrigin(entry: placement.index, block: placement.titleIsFirstHeading ? 0 : nil))
      var own: [Block] = []
      var ownOrigins: [Int] = []
      for (k, b) in zip(body.indices, body) {
        let rewritten = rewriter.block(b)
        if case .footnoteDefinition = rewritten {
          notes.append(rewritten)
          noteOrigins.append(MergedOrigin(entry: placement.index, block: k))
        } else {
          own.append(rewritten)
          ownOrigins.append(k)
        }
      }
      if !placement.otherLanguage.isEmpty && !own.isEmpty {
        own = [.container(Container(attributes: Attributes(classes: ["book-language"]), blocks: own, language: placement.otherLanguage))]
        origins.append(MergedOrigin(entry: placement.index, block: ownOrigins[0], wrapped: ownOrigins))
      } else {
        origins += ownOrigins.map { MergedOrigin(entry: placement.index, block: $0) }
      }
      blocks += own
      noteOffset += doc.footnotes.count
    }
    var document = titleDocument
    document.blocks = blocks + notes
    document.parts = parts
    return (document, origins + noteOrigins)
  }
}

extension Block {
  /// A heading's text, or nil for other blocks.
  var headingContent: [Inline]? { if case .heading(let h) = self { return h.content } else { return nil } }
}

extension Book {
  /// The folder part of a path (`a/b` of `a/b/c.md`), or empty.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// `reference`, relative to folder `from`, made relative to folder `to` (both spelt from the
  /// same root): `red.png` from `c/post` to `c` is `post/red.png`.
  public static func rebase(_ reference: String, from: String, to: String) -> String {
    guard case .relative = URLPolicy.classify(reference), !reference.hasPrefix("/"), !reference.isEmpty else { return reference }
    let a = from.split(separator: "/", omittingEmptySubsequences: true), b = to.split(separator: "/", omittingEmptySubsequences: true)
    var common = 0
    while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
    let parts = Array(repeating: Substring(".."), count: b.count - common) + a[common...]
    return (parts + [Substring(reference)]).joined(separator: "/")
  }
}

/// Rewrites one document of a book: heading levels and ids, note numbers, links, and relative
/// image paths when the document sits in another folder than the book.
struct BookRewriter {
  let idMap: [String: String]
  let idMaps: [String: [String: String]]
  let startIDs: [String: String]
  let headingShift: Int
  let noteOffset: Int
  /// The document's folder and the book's, when they differ.
  var rebase: (from: String, to: String)?

  func block(_ b: Block) -> Block {
    b.rewritingInlines(inline).rewritingBlocks { block in
      switch block {
      case .heading(var h):
        h.level = min(6, max(1, h.level + headingShift))
        h.id = idMap[h.id] ?? h.id
        return .heading(h)
      case .footnoteDefinition(var f):
        f.number += noteOffset
        f.label = "\(f.number)-" + f.label
        return .footnoteDefinition(f)
      case .figure(var f):
        if let (from, to) = rebase { f.image.source = Book.rebase(f.image.source, from: from, to: to) }
        return .figure(f)
      case .definitionList(var d):
        for i in d.items.indices {
          for t in d.items[i].terms.indices where !d.items[i].terms[t].id.isEmpty {
            d.items[i].terms[t].id = idMap[d.items[i].terms[t].id] ?? d.items[i].terms[t].id
          }
        }
        return .definitionList(d)
      case .paragraph, .list, .blockQuote, .codeBlock, .table, .thematicBreak, .html, .container, .embed:
        return block
      }
    }
  }

  func inline(_ i: Inline) -> Inline {
    switch i {
    case .footnoteReference(var r):
      r.number += noteOffset
      r.label = "\(r.number)-" + r.label
      return .footnoteReference(r)
    case .link(var l):
      if let fragment = l.fragmentOnly, let id = idMap[fragment] {
        l.destination = "#" + id
      } else if let target = l.internalTarget, let map = idMaps[target.page] {
        let id = target.anchor.isEmpty ? startIDs[target.page] ?? "" : map[target.anchor] ?? startIDs[target.page] ?? ""
        l.destination = "#" + id
      }
      return .link(l)
    case .image(var image):
      if let (from, to) = rebase { image.source = Book.rebase(image.source, from: from, to: to) }
      return .image(image)
    case .text, .code, .softBreak, .hardBreak, .emphasis, .strong, .strikethrough, .span:
      return i
    }
  }
}
