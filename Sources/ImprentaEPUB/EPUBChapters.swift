import ImprentaModel

/// How a document is cut into content documents.
enum EPUBChapters {
  /// The document's blocks (notes left out: they follow the last part), cut before headings of
  /// its top level when the text is longer than `limit` characters. Sections (a top-level heading
  /// and what follows it) are packed into parts of up to `limit` characters, so a page of 40,000
  /// short sections makes a few content documents, not 40,000.
  static func split(_ document: Document, limit: Int) -> [[Block]] {
    let blocks = document.blocks.filter { if case .footnoteDefinition = $0 { return false } else { return true } }
    let sizes = blocks.map(size)
    let total = sizes.reduce(0, +)
    let levels = document.outline.map(\.level)
    guard total > limit, let top = levels.min() else { return [blocks] }
    var sections: [(blocks: ArraySlice<Block>, size: Int)] = []
    var start = 0, sectionSize = 0
    for (i, block) in blocks.enumerated() {
      if case .heading(let h) = block, h.level == top, i > start {
        sections.append((blocks[start..<i], sectionSize))
        start = i
        sectionSize = 0
      }
      sectionSize += sizes[i]
    }
    sections.append((blocks[start...], sectionSize))
    var parts: [[Block]] = [[]]
    var partSize = 0
    for section in sections {
      if !parts[parts.count - 1].isEmpty && partSize + section.size > limit {
        parts.append([])
        partSize = 0
      }
      parts[parts.count - 1] += section.blocks
      partSize += section.size
    }
    return parts
  }

  /// The indices in the document of the blocks `split` hands out, in order (notes left out).
  static func topLevelIndices(_ document: Document) -> [Int] {
    document.blocks.indices.filter { if case .footnoteDefinition = document.blocks[$0] { return false } else { return true } }
  }

  /// About how many characters of text a block holds.
  static func size(_ block: Block) -> Int {
    switch block {
    case .heading(let h): return h.content.plainText.utf8.count
    case .paragraph(let p): return p.content.plainText.utf8.count
    case .codeBlock(let c): return c.code.utf8.count
    case .table(let t): return (t.rows + [t.header]).joined().reduce(0) { $0 + $1.content.plainText.utf8.count }
    case .figure(let f): return 100 + f.caption.plainText.utf8.count
    case .thematicBreak: return 1
    case .embed(let e): return 50 + e.displayTitle.utf8.count
    case .html(let h): return h.html.utf8.count
    case .definitionList(let d):
      return d.items.reduce(0) { $0 + $1.terms.reduce(0) { $0 + $1.content.plainText.utf8.count } } + block.children.reduce(0) { $0 + size($1) }
    case .list, .blockQuote, .footnoteDefinition, .container: return block.children.reduce(0) { $0 + size($1) }
    }
  }
}
