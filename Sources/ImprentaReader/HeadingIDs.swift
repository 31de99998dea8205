import ImprentaModel

/// Heading ids made unique across a page whose parts were read apart (shortcode bodies, included
/// pages each have their own converter): the first heading to use an id keeps it, in reading
/// order; a later one gets the next free `-N`.
enum HeadingIDs {
  static func unique(_ blocks: [Block]) -> [Block] {
    var all: [String: Int] = [:]
    for block in blocks {
      forEachHeading(block) { all[$0.id, default: 0] += 1 }
    }
    guard all.values.contains(where: { $0 > 1 }) else { return blocks }
    var ids = UniqueIDs()
    for id in all.keys { ids.reserve(id) }
    var seen: Set<String> = []
    return blocks.map { block in
      block.rewritingBlocks { b in
        guard case .heading(var h) = b, !h.id.isEmpty else { return b }
        if !seen.insert(h.id).inserted {
          h.id = ids.make(from: h.id)
          seen.insert(h.id)
        }
        return .heading(h)
      }
    }
  }

  private static func forEachHeading(_ block: Block, _ body: (Heading) -> Void) {
    if case .heading(let h) = block, !h.id.isEmpty { body(h) }
    for child in block.children { forEachHeading(child, body) }
  }
}
