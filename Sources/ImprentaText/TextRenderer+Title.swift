import ImprentaModel

extension TextRenderer {
  /// The title block: the title underlined with the first underline mark, then the subtitle,
  /// the authors and the written-out date, one per line.
  ///
  /// There is none when the page sets `hideTitle`, or when the title only repeats the H1 the
  /// body opens with (a page without a front-matter title takes its first H1 as title, and
  /// printing it twice would read as a mistake).
  mutating func renderTitle(_ document: Document) -> TextLayout? {
    let metadata = document.metadata
    guard !metadata.hideTitle else { return nil }
    if case .heading(let h)? = document.blocks.first, h.level == 1,
      LineWrapper.words(h.content.plainText).map(\.text) == LineWrapper.words(metadata.title).map(\.text)
    {
      return nil
    }
    var parts: [TextLayout] = []
    if !metadata.title.isEmpty {
      parts.append(.underlined(.flow([.text(metadata.title)]), underline(level: 0)))
    }
    var details: [TextLayout] = []
    if !metadata.subtitle.isEmpty { details.append(.flow([.text(metadata.subtitle)])) }
    let authors = metadata.authors.filter { !$0.isEmpty }
    if !authors.isEmpty { details.append(.flow([.text(localization.list(authors))])) }
    if let date = metadata.date { details.append(.flow([.text(localization.format(date))])) }
    if !details.isEmpty { parts.append(.stack(details, blankBetween: false)) }
    return parts.isEmpty ? nil : .stack(parts, blankBetween: true)
  }
}
