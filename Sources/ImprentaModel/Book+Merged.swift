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
    for plan in plans {
      let doc = plan.entry.document
      let map = idMaps[doc.relativeName] ?? [:]
      let rewriter = BookRewriter(idMap: map, idMaps: idMaps, startIDs: startIDs, headingShift: plan.shift, noteOffset: noteOffset)
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
      case .definitionList(var d):
        for i in d.items.indices {
          for t in d.items[i].terms.indices where !d.items[i].terms[t].id.isEmpty {
            d.items[i].terms[t].id = idMap[d.items[i].terms[t].id] ?? d.items[i].terms[t].id
          }
        }
        return .definitionList(d)
      case .paragraph, .list, .blockQuote, .codeBlock, .table, .figure, .thematicBreak, .html, .container, .embed:
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
    case .text, .code, .image, .softBreak, .hardBreak, .emphasis, .strong, .strikethrough, .span:
      return i
    }
  }
}
