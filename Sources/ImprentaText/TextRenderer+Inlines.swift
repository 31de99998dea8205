import ImprentaModel

extension TextRenderer {
  /// Inline content as running text. Emphasis, strong and strikethrough lose their markers
  /// (plain text has no way to show them that would not read as Markdown); code is kept as is.
  mutating func flow(_ inlines: [Inline]) -> [FlowItem] {
    var out: [FlowItem] = []
    append(inlines, to: &out)
    return out
  }

  /// Appends the running text of `inlines` to `out`.
  mutating func append(_ inlines: [Inline], to out: inout [FlowItem]) {
    for inline in inlines { append(inline, to: &out) }
  }

  /// Appends one inline. Every kind is named (no `default:`).
  mutating func append(_ inline: Inline, to out: inout [FlowItem]) {
    switch inline {
    case .text(let t): out.append(.text(t.string))
    case .emphasis(let s), .strong(let s), .strikethrough(let s): append(s.content, to: &out)
    case .code(let c): out.append(.text(c.code))
    case .link(let link): appendLink(link, to: &out)
    case .image(let image): out.append(.text(imageLabel(image)))
    case .softBreak: out.append(.text(" "))
    case .hardBreak: out.append(.lineBreak)
    case .footnoteReference(let ref): out.append(.text(TextRenderer.noteCall(ref.number)))
    case .span(let span) where span.element == "sup" || span.element == "sub":
      // Raised or lowered text keeps its meaning in plain text: 2<sup>1008</sup> is 2^(1008),
      // H<sub>2</sub>O is H_(2)O (run together, "21008" and "H2O" read as other numbers).
      out.append(.text(span.element == "sup" ? "^(" : "_("))
      append(span.content, to: &out)
      out.append(.text(")"))
    case .span(let span): append(span.content, to: &out)
    }
  }

  // MARK: - Links

  /// A link: its text, then ` [n]` for a URL listed at the end. An autolink's text is already
  /// the URL, so it gets no number; a link to an anchor of this document, or to another document
  /// of the same export, is just its text.
  mutating func appendLink(_ link: Link, to out: inout [FlowItem]) {
    append(link.content, to: &out)
    guard !link.isAutolink, link.fragmentOnly == nil, link.internalTarget == nil else { return }
    if let number = linkNumber(link.destination) {
      out.append(.text(" " + TextRenderer.linkCall(number)))
    }
  }

  /// The number of a destination in the link list, numbering it when first met; nil when
  /// there is nothing to list (an empty destination, or link lists turned off).
  mutating func linkNumber(_ destination: String) -> Int? {
    let target = destination.trimmingCharacters(in: " \t\n")
    // Only what the one URL policy allows is listed (never `javascript:`, `data:`, `file:`…).
    guard options.listsLinks, !target.isEmpty, !target.hasPrefix("#"), URLPolicy.isAllowedLink(target) else { return nil }
    if let n = linkNumbers[target] { return n }
    let shown = target.lowercased().hasPrefix("mailto:") ? String(target.dropFirst(7)) : target
    linkTargets.append(shown)
    linkNumbers[target] = linkTargets.count
    return linkTargets.count
  }

  /// How a link's number is written in the text and in the list: `[1]`.
  static func linkCall(_ number: Int) -> String { "[\(number)]" }

  /// How a footnote's number is written in the text and in the notes: `{1}`.
  static func noteCall(_ number: Int) -> String { "{\(number)}" }

  // MARK: - Images

  /// `[Image: alt]` in the document's language; `[Image]` when there is no alt text.
  func imageLabel(_ image: Image) -> String {
    imageLabel(alt: image.alt)
  }

  /// `[Image: alt]`, or `[Image]` for empty alt text.
  func imageLabel(alt: String) -> String {
    let words = LineWrapper.words(alt).map(\.text).joined(separator: " ")
    return words.isEmpty ? "[\(localization.image)]" : "[\(localization.image): \(words)]"
  }

  /// A figure: the image label (and the number of the link it leads to), then its caption on
  /// the next line.
  mutating func renderFigure(_ figure: Figure) -> TextLayout {
    var label: [FlowItem] = [.text(imageLabel(figure.image))]
    if !figure.link.isEmpty, let number = linkNumber(figure.link) {
      label.append(.text(" " + TextRenderer.linkCall(number)))
    }
    let caption = flow(figure.caption)
    return .stack([.flow(label), .flow(caption)], blankBetween: false)
  }
}
