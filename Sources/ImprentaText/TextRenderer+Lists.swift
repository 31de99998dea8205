import ImprentaModel

extension TextRenderer {
  /// A bullet or ordered list. Each item hangs after its marker, so its later lines and its
  /// nested blocks line up with its text: nested lists are indented by depth.
  ///
  /// Bullets come from `style.bullets` by depth (cycled). Numbers run from the list's start with
  /// its own delimiter (`1.` or `1)`), right-aligned to the widest. Task items add `[ ]` or
  /// `[x]`. Loose lists have a blank line between items (and between an item's blocks); tight
  /// lists have none.
  mutating func renderList(_ list: ListBlock) -> TextLayout {
    let depth = listDepth
    listDepth += 1
    defer { listDepth -= 1 }
    let markers = listMarkers(list, depth: depth)
    var items: [TextLayout] = []
    items.reserveCapacity(list.items.count)
    for (item, marker) in zip(list.items, markers) {
      let box: String
      switch item.task {
      case nil: box = ""
      case .open?: box = "[ ] "
      case .done?: box = "[x] "
      }
      items.append(.hang(marker + box, render(item.blocks, tight: list.isTight)))
    }
    return .stack(items, blankBetween: !list.isTight)
  }

  /// A definition list: each term on its own line, each definition below it indented by
  /// `style.indent` (at least 2). Entries are separated by a blank line; a loose list also
  /// separates a term from its definitions.
  mutating func renderDefinitionList(_ list: DefinitionList) -> TextLayout {
    let indent = max(style.indent, 2)
    var items: [TextLayout] = []
    items.reserveCapacity(list.items.count)
    for item in list.items {
      var parts: [TextLayout] = item.terms.map { .flow(flow($0.content)) }
      let terms = TextLayout.stack(parts, blankBetween: false)
      parts = item.definitions.map { .indent(indent, render($0, tight: list.isTight)) }
      items.append(.stack([terms, .stack(parts, blankBetween: !list.isTight)], blankBetween: !list.isTight))
    }
    return .stack(items, blankBetween: true)
  }

  /// The marker of each item, followed by one space.
  func listMarkers(_ list: ListBlock, depth: Int) -> [String] {
    switch list.kind {
    case .bullet:
      let bullets = style.bullets.filter { !$0.isEmpty }
      let bullet = bullets.isEmpty ? "*" : bullets[depth % bullets.count]
      return Array(repeating: bullet + " ", count: list.items.count)
    case .ordered(let start, let delimiter):
      let mark = delimiter == .period ? "." : ")"
      let labels = list.items.indices.map { "\(start + $0)\(mark)" }
      let widest = labels.map(\.count).max() ?? 0
      return labels.map { String(repeating: " ", count: widest - $0.count) + $0 + " " }
    }
  }
}
