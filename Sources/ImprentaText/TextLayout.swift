/// A piece of running text before it is broken into lines.
enum FlowItem: Sendable, Hashable {
  /// Words and the spaces between them (breakable spaces may become line ends).
  case text(String)
  /// A forced line end (a hard break, `<br>`).
  case lineBreak
}

/// The small layout algebra plain text is built from, in the manner of pandoc's doclayout.
///
/// The renderer turns the document into one `TextLayout` tree; nothing is wrapped while the tree
/// is built. `render(width:)` then lays the whole tree out once, handing every nested node the
/// width that is left for it, so indentation, quote prefixes and table columns all wrap by
/// display width in one place.
indirect enum TextLayout: Sendable, Hashable {
  /// Running text, filled into lines.
  case flow([FlowItem])
  /// Lines kept as written (code); a line wider than the space is cut with a continuation marker.
  case verbatim([String])
  /// One short line centred in the space (a thematic break).
  case centered(String)
  /// Content followed by a rule of `String` repeated to the widest line (headings, the title).
  case underlined(TextLayout, String)
  /// Blocks one after the other, with a blank line between them or not (tight lists).
  case stack([TextLayout], blankBetween: Bool)
  /// Every line shifted right by a number of columns.
  case indent(Int, TextLayout)
  /// A marker on the first line, later lines indented by the marker's width (list items, notes).
  case hang(String, TextLayout)
  /// Every line, blank ones too, starting with the same text (`> ` for quotes).
  case prefix(String, TextLayout)
  /// A table laid out in columns.
  case table(TextTable)

  /// Nothing at all.
  static let empty = TextLayout.stack([], blankBetween: false)

  /// The marker at the start of a verbatim line's continuation.
  static let continuationMarker = "↪"

  /// The lines of this layout for a space `width` columns wide. Lines may end in spaces;
  /// the writer trims them.
  func render(width: Int) -> [String] {
    let width = max(width, 1)
    switch self {
    case .flow(let items):
      return TextLayout.renderFlow(items, width: width)
    case .verbatim(let lines):
      return lines.flatMap { LineWrapper.cut($0, width: width, marker: TextLayout.continuationMarker) }
    case .centered(let text):
      let pad = max(0, (width - DisplayWidth.of(text)) / 2)
      return [String(repeating: " ", count: pad) + text]
    case .underlined(let content, let rule):
      let lines = content.render(width: width)
      guard !lines.isEmpty else { return [] }
      let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
      let ruleWidth = max(DisplayWidth.of(rule), 1)
      return lines + [String(repeating: rule, count: max(1, min(widest, width) / ruleWidth))]
    case .stack(let children, let blankBetween):
      var out: [String] = []
      for child in children {
        let lines = child.render(width: width)
        if lines.isEmpty { continue }
        if blankBetween && !out.isEmpty { out.append("") }
        out += lines
      }
      return out
    case .indent(let n, let content):
      let pad = String(repeating: " ", count: n)
      return content.render(width: width - n).map { $0.isEmpty ? $0 : pad + $0 }
    case .hang(let marker, let content):
      let markerWidth = DisplayWidth.of(marker)
      let pad = String(repeating: " ", count: markerWidth)
      let lines = content.render(width: width - markerWidth)
      guard let first = lines.first else { return [marker] }
      return [marker + first] + lines.dropFirst().map { $0.isEmpty ? $0 : pad + $0 }
    case .prefix(let prefix, let content):
      return content.render(width: width - DisplayWidth.of(prefix)).map { prefix + $0 }
    case .table(let table):
      return table.render(width: width)
    }
  }

  /// Running text broken at its forced line ends, each part filled into lines. Empty parts in
  /// the middle give one blank line; empty parts at either end give nothing.
  static func renderFlow(_ items: [FlowItem], width: Int) -> [String] {
    var lines: [String] = []
    var segment = ""
    var pendingBlank = false
    func flush() {
      let wrapped = LineWrapper.wrap(segment, width: width)
      segment = ""
      if wrapped.isEmpty {
        if !lines.isEmpty { pendingBlank = true }
        return
      }
      if pendingBlank { lines.append("") }
      pendingBlank = false
      lines += wrapped
    }
    for item in items {
      switch item {
      case .text(let t): segment += t
      case .lineBreak: flush()
      }
    }
    flush()
    return lines
  }

  /// The parts of running text between its forced line ends (for measuring).
  static func segments(_ items: [FlowItem]) -> [String] {
    var out = [""]
    for item in items {
      switch item {
      case .text(let t): out[out.count - 1] += t
      case .lineBreak: out.append("")
      }
    }
    return out
  }
}
