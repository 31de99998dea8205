import ImprentaModel

/// Blockquote alerts, as GitHub, Obsidian and Hugo (0.132+) read them: a quote whose first line
/// is `[!TYPE]`, optionally followed by a fold sign (`+`/`-`, ignored on paper) and a title,
/// becomes an admonition of that kind (`> [!WARNING] Mind the gap` is a warning box titled
/// "Mind the gap"; `> [!TIP]` alone a box labelled "Tip"). Anything else stays a quote.
enum BlockQuoteAlert {
  /// The admonition a quote's blocks make, or nil when its first line is no alert marker.
  static func container(_ blocks: [Block], range: SourceRange) -> Container? {
    guard case .paragraph(var p)? = blocks.first, case .text(let t)? = p.content.first else { return nil }
    guard let (kind, titleStart) = marker(t.string) else { return nil }
    // The first line: the rest of the marker's text, then inlines up to the first line break.
    var title: [Inline] = []
    let after = String(t.string[titleStart...]).drop { $0 == " " || $0 == "\t" }
    if !after.isEmpty { title.append(.text(Text(String(after), range: t.range))) }
    var rest = Array(p.content.dropFirst())
    while let first = rest.first {
      if case .softBreak = first { rest.removeFirst(); break }
      if case .hardBreak = first { rest.removeFirst(); break }
      title.append(rest.removeFirst())
    }
    var out = Array(blocks.dropFirst())
    if !rest.isEmpty {
      p.content = rest
      out.insert(.paragraph(p), at: 0)
    }
    return Container(attributes: Attributes(), blocks: out, admonition: Admonition(kind: kind, title: title), range: range)
  }

  /// The kind (`warning`) and where the title starts, when `text` opens with `[!KIND]` and an
  /// optional fold sign.
  static func marker(_ text: String) -> (String, String.Index)? {
    guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
    let kind = text[text.index(text.startIndex, offsetBy: 2)..<close]
    guard let first = kind.first, first.isASCII, first.isLetter, kind.count <= 40,
      kind.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    else { return nil }
    var end = text.index(after: close)
    if end < text.endIndex, text[end] == "+" || text[end] == "-" { end = text.index(after: end) }
    // `[!NOTE]x` is not a marker: a title is set off by a space.
    if end < text.endIndex, text[end] != " ", text[end] != "\t" { return nil }
    return (String(kind), end)
  }
}
