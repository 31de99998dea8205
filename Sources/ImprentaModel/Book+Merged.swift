extension Book {
  /// The book as one document, for outputs that are one flow of text (plain text, one XHTML page):
  /// each document's title becomes a heading at its place in the outline, its own headings move
  /// below it, heading ids stay unique across the book (links follow them), footnotes are
  /// renumbered in order, and links between the book's documents point at their headings.
  public func merged() -> Document { mergedWithOrigins().document }

  /// Where a top-level block of the merged document comes from: the entry (its index in
  /// `entries`) and the block's index in that entry's document, nil for the title heading the
  /// merge adds.
  public struct MergedOrigin: Sendable, Hashable {
    /// The entry's index in `entries`.
    public var entry: Int
    /// The block's index in the entry's document; nil for the added title.
    public var block: Int?
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
    // First pass: every document's new ids, so links between documents can be rewritten.
    var idMaps: [String: [String: String]] = [:]
    var startIDs: [String: String] = [:]
    var plans: [(entry: Entry, titleID: String?, shift: Int)] = []
    for entry in entries {
      let doc = entry.document
      let opensWithH1 = doc.blocks.first.map { if case .heading(let h) = $0, h.level == 1 { return true } else { return false } } ?? false
      let needsTitle = !opensWithH1 && !doc.metadata.title.isEmpty && (entry.role != .front || doc.metadata.hideTitle == false)
      let titleID = needsTitle ? ids.make(from: Slug.github(doc.metadata.title)) : nil
      var map: [String: String] = [:]
      doc.forEachBlock { block in
        switch block {
        case .heading(let h) where !h.id.isEmpty: map[h.id] = ids.make(from: h.id)
        case .definitionList(let d):
          for item in d.items { for term in item.terms where !term.id.isEmpty { map[term.id] = ids.make(from: term.id) } }
        default: break
        }
      }
      idMaps[doc.relativeName] = map
      startIDs[doc.relativeName] = titleID ?? doc.outline.first.flatMap { map[$0.id] } ?? ""
      plans.append((entry, titleID, max(0, entry.level - 1)))
    }
    // The merged document is found where the first one is: every other one's relative image
    // paths are re-written from its own folder (a page bundle's `red.png`).
    let home = Book.folder(of: entries.first?.document.sourcePath ?? "")
    for (e, plan) in plans.enumerated() {
      let doc = plan.entry.document
      let map = idMaps[doc.relativeName] ?? [:]
      var rewriter = BookRewriter(idMap: map, idMaps: idMaps, startIDs: startIDs, headingShift: plan.shift, noteOffset: noteOffset)
      let folder = Book.folder(of: doc.sourcePath)
      if folder != home { rewriter.rebase = (folder, home) }
      if let id = plan.titleID {
        blocks.append(.heading(Heading(level: min(6, max(1, plan.entry.level)), content: [.text(Text(doc.metadata.title))], id: id)))
        origins.append(MergedOrigin(entry: e, block: nil))
      }
      for (k, b) in doc.blocks.enumerated() {
        let rewritten = rewriter.block(b)
        if case .footnoteDefinition = rewritten {
          notes.append(rewritten)
          noteOrigins.append(MergedOrigin(entry: e, block: k))
        } else {
          blocks.append(rewritten)
          origins.append(MergedOrigin(entry: e, block: k))
        }
      }
      noteOffset += doc.footnotes.count
    }
    var metadata = self.metadata
    metadata.title = title
    if metadata.language.isEmpty { metadata.language = language }
    // A direction said for the pages (front matter, the site's language) holds for the whole book.
    if metadata.direction == nil { metadata.direction = entries.first?.document.metadata.direction }
    let document = Document(sourcePath: entries.first?.document.sourcePath ?? "", relativeName: entries.first?.document.relativeName ?? "", metadata: metadata, blocks: blocks + notes)
    return (document, origins + noteOrigins)
  }
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
        h.level = min(6, h.level + headingShift)
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
