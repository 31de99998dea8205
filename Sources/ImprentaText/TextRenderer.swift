import ImprentaModel
import ImprentaStyle

/// Turns a document into one `TextLayout` tree: the title block, the blocks, then the notes and
/// the numbered links. It decides *what* is written; `TextLayout.render(width:)` decides where
/// lines end.
///
/// State carried through the walk: the list depth (bullets cycle by depth), the URLs numbered so
/// far (a URL keeps its first number) and the footnote definitions met, printed at the end.
///
/// Conventions (kept in every part of the output, so that the two kinds of numbers cannot be
/// taken for one another):
/// - a link is written `text [1]`, and `[1] https://…` is listed under *Links*;
/// - a footnote call is written `{1}`, glued to the word before it, and the note is listed under
///   *Notes* as `{1} text…`. Braces never mark anything else in the output.
struct TextRenderer {
  /// The plain-text settings of the style.
  let style: PlainTextStyle
  /// The words and date format of the document's language.
  let localization: Localization
  /// The writer's options.
  let options: TextOptions

  /// How many lists enclose the current block.
  var listDepth = 0
  /// The URLs listed at the end, in number order (number = index + 1), as shown.
  var linkTargets: [String] = []
  /// The number of each destination already listed.
  var linkNumbers: [String: Int] = [:]
  /// Footnote definitions met so far.
  var notes: [FootnoteDefinition] = []

  /// Creates a renderer for a document in `language`.
  init(style: Style, options: TextOptions, language: String) {
    self.style = style.text
    self.localization = Localization.forLanguage(language)
    self.options = options
  }

  // MARK: - Document

  /// The whole document: title block, body, notes, links.
  mutating func render(_ document: Document) -> TextLayout {
    var parts: [TextLayout] = []
    if let title = renderTitle(document) { parts.append(title) }
    parts.append(render(document.blocks))
    parts.append(renderNotes())
    parts.append(renderLinkList())
    return .stack(parts, blankBetween: true)
  }

  /// Blocks one after the other; a blank line between them unless `tight`.
  mutating func render(_ blocks: [Block], tight: Bool = false) -> TextLayout {
    var out: [TextLayout] = []
    out.reserveCapacity(blocks.count)
    for block in blocks { out.append(render(block)) }
    return .stack(out, blankBetween: !tight)
  }

  /// One block. Every kind is named here (no `default:`), so a new kind in the model is a
  /// compile error until plain text handles it.
  mutating func render(_ block: Block) -> TextLayout {
    switch block {
    case .heading(let h): return renderHeading(h)
    case .paragraph(let p): return .flow(flow(p.content))
    case .list(let l): return renderList(l)
    case .blockQuote(let q): return renderBlockQuote(q)
    case .codeBlock(let c): return renderCodeBlock(c)
    case .table(let t): return renderTable(t)
    case .figure(let f): return renderFigure(f)
    case .thematicBreak: return .centered("* * *")
    case .footnoteDefinition(let f):
      // Notes are printed together at the end, after the body.
      notes.append(f)
      return .empty
    case .html(let h): return renderHTML(h)
    case .container(let c): return c.admonition.map { renderAdmonition($0, c.blocks) } ?? render(c.blocks)
    case .embed(let e): return renderEmbed(e)
    case .definitionList(let d): return renderDefinitionList(d)
    }
  }

  /// An embed (video, post, gist, QR code) cannot play in text: its title and a numbered link,
  /// or for a QR code the text it encodes.
  mutating func renderEmbed(_ embed: Embed) -> TextLayout {
    if embed.kind == .qr {
      return .flow(flow([.text(Text("[QR: " + embed.url + "]", range: embed.range))]))
    }
    let link = Link(destination: embed.url, content: [.text(Text(embed.displayTitle, range: embed.range))], isAutolink: embed.title.isEmpty, range: embed.range)
    return .flow(flow([.link(link)]))
  }

  // MARK: - Simple blocks

  /// The rule under a heading of `level` (0 is the title): `underlines[min(level, count - 1)]`.
  func underline(level: Int) -> String {
    let marks = style.underlines.filter { !$0.isEmpty }
    guard !marks.isEmpty else { return "=" }
    return marks[min(max(level, 0), marks.count - 1)]
  }

  /// A heading, underlined by level.
  mutating func renderHeading(_ heading: Heading) -> TextLayout {
    .underlined(.flow(flow(heading.content)), underline(level: heading.level))
  }

  /// A block quote: every line, blank ones too, starts with `> `.
  mutating func renderBlockQuote(_ quote: BlockQuote) -> TextLayout {
    .prefix("> ", render(quote.blocks))
  }

  /// An admonition: a label line (`Warning: title`, or the kind alone) then the body, every line
  /// framed with `| ` so the box's extent shows.
  mutating func renderAdmonition(_ a: Admonition, _ blocks: [Block]) -> TextLayout {
    let kind = Admonition(kind: a.kind).label
    let label: [Inline] = a.title.isEmpty || a.title.plainText.lowercased() == a.kind ? kind : kind + [.text(Text(": "))] + a.title
    return .prefix("| ", .stack([.flow(flow([.strong(Styled(label))])), render(blocks)], blankBetween: false))
  }

  /// A code block, verbatim, tabs expanded to stops of 4, indented by `style.indent`.
  func renderCodeBlock(_ code: CodeBlock) -> TextLayout {
    var text = code.code
    if text.hasSuffix("\n") { text.removeLast() }
    guard !text.isEmpty else { return .empty }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextRenderer.expandTabs(String($0)) }
    return .indent(max(style.indent, 0), .verbatim(lines))
  }

  /// `line` with each tab replaced by spaces up to the next multiple of 4 columns.
  static func expandTabs(_ line: String) -> String {
    guard line.contains("\t") else { return line }
    var out = ""
    var column = 0
    for c in line {
      if c == "\t" {
        let n = 4 - column % 4
        out += String(repeating: " ", count: n)
        column += n
      } else {
        out.append(c)
        column += DisplayWidth.of(c)
      }
    }
    return out
  }
}
