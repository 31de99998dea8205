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
    case .html(let html):
      // The text between tags comes as separate inlines: a line break and an image are the
      // only tags that mean something on their own.
      if TextRenderer.isLineBreakTag(html.html) {
        out.append(.lineBreak)
      } else if let alt = TextRenderer.imageTagAlt(html.html) {
        out.append(.text(imageLabel(alt: alt)))
      }
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

  /// Whether an inline HTML tag is `<br>`, `<br/>` or `<br />` (any case).
  static func isLineBreakTag(_ html: String) -> Bool {
    let compact = html.lowercased().filter { !$0.isWhitespace }
    return compact == "<br>" || compact == "<br/>"
  }

  /// The alt text of an `<img …>` tag (empty when it has none), or nil for any other tag.
  static func imageTagAlt(_ html: String) -> String? {
    let chars = Array(html)
    func lower(_ i: Int) -> Character { chars[i].lowercased().first ?? chars[i] }
    guard chars.count > 4, (0..<4).allSatisfy({ lower($0) == Array("<img")[$0] }),
      chars[4].isWhitespace || chars[4] == "/" || chars[4] == ">"
    else { return nil }
    // The first ` alt=` (case-insensitive), then a quoted or bare value.
    var i = 4
    while i + 4 <= chars.count {
      if chars[i - 1].isWhitespace, (0..<4).allSatisfy({ lower(i + $0) == Array("alt=")[$0] }) { break }
      i += 1
    }
    guard i + 4 <= chars.count else { return "" }
    var value = chars[(i + 4)...]
    if let quote = value.first, quote == "\"" || quote == "'" {
      value = value.dropFirst()
      return String(value.prefix { $0 != quote })
    }
    return String(value.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
  }

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
