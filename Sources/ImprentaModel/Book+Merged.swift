extension Book {
  /// The book as one document, for outputs that are one flow of text (plain text, one XHTML page):
  /// each document's title becomes a heading at its place in the outline, its own headings move
  /// below it, heading ids stay unique across the book (links follow them), footnotes are
  /// renumbered in order, and links between the book's documents point at their headings.
  public func merged() -> Document {
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
      doc.forEachBlock { if case .heading(let h) = $0 { map[h.id] = ids.make(from: h.id) } }
      idMaps[doc.relativeName] = map
      startIDs[doc.relativeName] = titleID ?? doc.outline.first.flatMap { map[$0.id] } ?? ""
      plans.append((entry, titleID, max(0, entry.level - 1)))
    }
    for plan in plans {
      let doc = plan.entry.document
      let map = idMaps[doc.relativeName] ?? [:]
      var rewriter = BookRewriter(idMap: map, idMaps: idMaps, startIDs: startIDs, headingShift: plan.shift, noteOffset: noteOffset)
      if let id = plan.titleID {
        blocks.append(.heading(Heading(level: min(6, max(1, plan.entry.level)), content: [.text(Text(doc.metadata.title))], id: id)))
      }
      for b in doc.blocks {
        let rewritten = rewriter.block(b)
        if case .footnoteDefinition = rewritten { notes.append(rewritten) } else { blocks.append(rewritten) }
      }
      noteOffset += doc.footnotes.count
    }
    var metadata = self.metadata
    metadata.title = title
    if metadata.language.isEmpty { metadata.language = language }
    return Document(sourcePath: entries.first?.document.sourcePath ?? "", relativeName: entries.first?.document.relativeName ?? "", metadata: metadata, blocks: blocks + notes)
  }
}

/// Rewrites one document of a book: heading levels and ids, note numbers, links.
struct BookRewriter {
  let idMap: [String: String]
  let idMaps: [String: [String: String]]
  let startIDs: [String: String]
  let headingShift: Int
  let noteOffset: Int

  mutating func block(_ b: Block) -> Block {
    switch b {
    case .heading(var h):
      h.level = min(6, h.level + headingShift)
      h.id = idMap[h.id] ?? h.id
      h.content = inlines(h.content)
      return .heading(h)
    case .paragraph(var p):
      p.content = inlines(p.content)
      return .paragraph(p)
    case .list(var l):
      l.items = l.items.map { item in
        var i = item
        i.blocks = i.blocks.map { block($0) }
        return i
      }
      return .list(l)
    case .blockQuote(var q):
      q.blocks = q.blocks.map { block($0) }
      return .blockQuote(q)
    case .table(var t):
      t.header = t.header.map { TableCell(inlines($0.content), range: $0.range) }
      t.rows = t.rows.map { $0.map { TableCell(inlines($0.content), range: $0.range) } }
      return .table(t)
    case .figure(var f):
      f.caption = inlines(f.caption)
      return .figure(f)
    case .footnoteDefinition(var f):
      f.number += noteOffset
      f.label = "\(f.number)-" + f.label
      f.blocks = f.blocks.map { block($0) }
      return .footnoteDefinition(f)
    case .container(var c):
      c.blocks = c.blocks.map { block($0) }
      return .container(c)
    case .codeBlock, .thematicBreak, .html, .embed:
      return b
    }
  }

  func inlines(_ list: [Inline]) -> [Inline] {
    list.map { i in
      switch i {
      case .emphasis(let s): return .emphasis(Styled(inlines(s.content), range: s.range))
      case .strong(let s): return .strong(Styled(inlines(s.content), range: s.range))
      case .strikethrough(let s): return .strikethrough(Styled(inlines(s.content), range: s.range))
      case .span(var s):
        s.content = inlines(s.content)
        return .span(s)
      case .footnoteReference(var r):
        r.number += noteOffset
        r.label = "\(r.number)-" + r.label
        return .footnoteReference(r)
      case .link(var l):
        l.content = inlines(l.content)
        if let fragment = l.fragmentOnly, let id = idMap[fragment] {
          l.destination = "#" + id
        } else if let target = l.internalTarget, let map = idMaps[target.page] {
          let id = target.anchor.isEmpty ? startIDs[target.page] ?? "" : map[target.anchor] ?? startIDs[target.page] ?? ""
          l.destination = "#" + id
        }
        return .link(l)
      case .text, .code, .image, .softBreak, .hardBreak, .html:
        return i
      }
    }
  }
}
