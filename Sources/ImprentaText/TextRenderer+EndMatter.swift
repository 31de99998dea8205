import ImprentaModel

extension TextRenderer {
  /// The level the *Notes* and *Links* headings take (the level of a page's sections).
  static let endMatterLevel = 2

  /// The notes, in number order, under the localised *Notes* heading: each note hangs after
  /// its `{n}` call, numbers right-aligned. Nothing when the page has no notes.
  ///
  /// Notes are rendered before the link list, so links inside notes are numbered too.
  mutating func renderNotes() -> TextLayout {
    guard !notes.isEmpty else { return .empty }
    let ordered = notes.sorted { $0.number < $1.number }
    notes = []
    let labels = ordered.map { TextRenderer.noteCall($0.number) }
    let widest = labels.map(\.count).max() ?? 0
    var items: [TextLayout] = []
    for (note, label) in zip(ordered, labels) {
      let marker = String(repeating: " ", count: widest - label.count) + label + " "
      items.append(.hang(marker, render(note.blocks)))
    }
    // Notes of one paragraph each read best as a compact list.
    let spaced = ordered.contains { $0.blocks.count > 1 }
    return .stack([endMatterHeading(localization.notes), .stack(items, blankBetween: spaced)], blankBetween: true)
  }

  /// The numbered URLs under the localised *Links* heading, `[n] URL` (a `mailto:` address
  /// without its scheme). Nothing when the page links nowhere.
  func renderLinkList() -> TextLayout {
    guard !linkTargets.isEmpty else { return .empty }
    let labels = linkTargets.indices.map { TextRenderer.linkCall($0 + 1) }
    let widest = labels.map(\.count).max() ?? 0
    let items = zip(labels, linkTargets).map { label, target in
      TextLayout.hang(String(repeating: " ", count: widest - label.count) + label + " ", .flow([.text(target)]))
    }
    return .stack([endMatterHeading(localization.links), .stack(items, blankBetween: false)], blankBetween: true)
  }

  /// A heading the writer adds itself.
  func endMatterHeading(_ text: String) -> TextLayout {
    .underlined(.flow([.text(text)]), underline(level: TextRenderer.endMatterLevel))
  }
}
