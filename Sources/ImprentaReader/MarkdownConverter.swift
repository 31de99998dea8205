import CCmarkGFM
import ImprentaModel

/// Markdown → model blocks, through cmark-gfm. All C lives here: the C tree is converted into
/// Swift values and freed before `convert` returns.
struct MarkdownConverter {
  /// Deepest nesting of block containers (quotes, lists) kept; deeper content is flattened
  /// with a warning instead of overflowing the stack.
  static let maximumDepth = 100

  let file: String
  /// Lines before the Markdown body in the file (front matter).
  let lineOffset: Int
  var diagnostics = Diagnostics()
  var footnoteNumbers: [String: Int] = [:]
  /// Whether a raw HTML block left a document type's internal subset open (`<!DOCTYPE x [`).
  var openDeclaration = false
  var warnedDepth = false
  var warnedInlineDepth = false
  /// The Markdown's lines, for what cmark-gfm does not keep (footnote labels).
  var sourceLines: [Substring] = []
  /// What each shortcode placeholder in the Markdown stands for (see `ShortcodeTokens`).
  var expansions: [Int: ShortcodeOutput] = [:]
  /// How Goldmark would read the text (the site's `markup` settings).
  var options = MarkupOptions()
  /// How many converters this one is nested in (a definition's text is converted by its own).
  var nesting = 0
  /// Attribute lists the pre-pass took from heading lines and attribute lines, by line (0-based).
  var headingAttributes: [Int: Attributes] = [:]
  var blockAttributes: [Int: Attributes] = [:]
  var headingLineLengths: [Int: Int] = [:]
  /// Link reference definitions of the page this text is part of (a definition's text uses the page's).
  var references: [String: String] = [:]

  init(file: String, lineOffset: Int) {
    self.file = file
    self.lineOffset = lineOffset
  }

  /// The blocks of a Markdown text.
  mutating func convert(_ markdown: Substring) -> [Block] {
    _ = CmarkProcessState.extensionsRegistered
    let cmarkOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | (options.typographer ? CMARK_OPT_SMART : 0) | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE
    guard let parser = cmark_parser_new(cmarkOptions) else { return [] }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "tasklist"] + (options.linkify ? ["autolink"] : []) {
      if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
    }
    var text = String(markdown)
    // Bound what cmark-gfm 0.29 parses in more than linear time (see `MarkdownGuard`).
    // `withUTF8` copies the bytes at once (`Array(text.utf8)` walked them one by one).
    if let guarded = MarkdownGuard(file: file, lineOffset: lineOffset).guarded(text.withUTF8 { Array($0) }, diagnostics: &diagnostics) {
      text = String(decoding: guarded, as: UTF8.self)
    }
    // Lines found with memchr over the bytes: a Character split of the whole page (grapheme
    // breaking) was a quarter of a text export, a generic byte split still a twentieth.
    text = goldmarkPrepass(text)
    sourceLines = MarkdownConverter.lines(of: text)
    text.withUTF8 { buf in
      buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    guard let root = CmarkProcessState.inlineParsing.withLock({ cmark_parser_finish(parser) }) else { return [] }
    defer { cmark_node_free(root) }
    var blocks = convertBlocks(children(of: root), depth: 0)
    if !blockAttributes.isEmpty { applyBlockAttributes(&blocks) }
    // Footnote definitions last, in number order (cmark appends them in reference order).
    let notes = blocks.filter { if case .footnoteDefinition = $0 { return true } else { return false } }
    blocks.removeAll { if case .footnoteDefinition = $0 { return true } else { return false } }
    blocks += notes.sorted { a, b in
      if case .footnoteDefinition(let x) = a, case .footnoteDefinition(let y) = b { return x.number < y.number }
      return false
    }
    return blocks
  }

  // MARK: - Helpers over the C tree

  func children(of node: OpaquePointer) -> [OpaquePointer] {
    var out: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let c = child {
      out.append(c)
      child = cmark_node_next(c)
    }
    return out
  }

  func range(_ node: OpaquePointer) -> SourceRange {
    let sl = Int(cmark_node_get_start_line(node))
    guard sl > 0 else { return .unknown }
    return SourceRange(sl + lineOffset, Int(cmark_node_get_start_column(node)), Int(cmark_node_get_end_line(node)) + lineOffset, Int(cmark_node_get_end_column(node)))
  }

  func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  /// The label of `[^label]` starting at `range` in the Markdown source.
  func footnoteLabel(at range: SourceRange) -> String? {
    let index = range.start.line - lineOffset - 1
    guard range.isKnown, index >= 0, index < sourceLines.count else { return nil }
    let line = sourceLines[index].utf8
    guard range.start.column >= 1, range.start.column <= line.count else { return nil }
    let rest = line.dropFirst(range.start.column - 1)
    guard rest.starts(with: "[^".utf8), let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return nil }
    return String(decoding: rest[rest.index(rest.startIndex, offsetBy: 2)..<close], as: UTF8.self)
  }

  /// The label of the `[^label]:` that precedes a definition's content (cmark-gfm's range
  /// for a definition starts after the marker).
  func footnoteLabel(before range: SourceRange) -> String? {
    let index = range.start.line - lineOffset - 1
    guard range.isKnown, index >= 0, index < sourceLines.count else { return nil }
    let line = Array(sourceLines[index].utf8.prefix(max(0, range.start.column - 1)))
    guard let open = line.indices.reversed().first(where: { $0 + 1 < line.count && line[$0] == UInt8(ascii: "[") && line[$0 + 1] == UInt8(ascii: "^") }),
      let close = line[open...].firstIndex(of: UInt8(ascii: "]"))
    else { return nil }
    return String(decoding: line[(open + 2)..<close], as: UTF8.self)
  }

  func string(_ p: UnsafePointer<CChar>?) -> String {
    p.map { String(cString: $0) } ?? ""
  }

  // MARK: - Blocks

  mutating func convertBlocks(_ nodes: [OpaquePointer], depth: Int) -> [Block] {
    var out: [Block] = []
    for node in nodes { convertBlock(node, depth: depth, into: &out) }
    return out
  }

  mutating func nested(_ node: OpaquePointer, depth: Int, into out: inout [Block], wrap: ([Block]) -> Block) {
    if depth >= MarkdownConverter.maximumDepth {
      flatten(node, into: &out)
      return
    }
    out.append(wrap(convertBlocks(children(of: node), depth: depth + 1)))
  }

  /// Past the depth limit: the leaf blocks under `node`, in order, without their containers.
  /// Iterative, so 100,000 nested quotes cannot overflow the stack.
  mutating func flatten(_ node: OpaquePointer, into out: inout [Block]) {
    if !warnedDepth {
      warnedDepth = true
      diagnostics.report(.nestingTooDeep, "content nested deeper than \(MarkdownConverter.maximumDepth) levels is flattened", file: file, at: range(node))
    }
    var stack = children(of: node).reversed().map { $0 }
    while let next = stack.popLast() {
      let type = cmark_node_get_type(next)
      if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM || type == CMARK_NODE_FOOTNOTE_DEFINITION {
        stack += children(of: next).reversed()
      } else {
        convertBlock(next, depth: MarkdownConverter.maximumDepth, into: &out)
      }
    }
  }

  mutating func convertBlock(_ node: OpaquePointer, depth: Int, into out: inout [Block]) {
    let type = cmark_node_get_type(node)
    let r = range(node)
    switch type {
    case CMARK_NODE_PARAGRAPH:
      if let id = standaloneToken(node) {
        out += expansions[id]?.blocks ?? []
        return
      }
      let inlines = convertInlines(children(of: node), depth: 0)
      // The `]>` that closes a document type's internal subset cmark split off a raw HTML block.
      if openDeclaration, inlines.plainText.trimmingCharacters(in: " \t\n") == "]>" {
        openDeclaration = false
        return
      }
      openDeclaration = false
      if let figure = figure(from: inlines, range: r) { out.append(.figure(figure)) } else { out.append(.paragraph(Paragraph(inlines, range: r))) }
    case CMARK_NODE_HEADING:
      // The id is the slug for now: ids are made unique once the whole page is read (`AnchorIDs`).
      let content = convertInlines(children(of: node), depth: 0)
      let (attributes, range) = attributes(ofHeading: r)
      out.append(.heading(Heading(level: Int(cmark_node_get_heading_level(node)), content: content, id: Slug.github(content.plainText), attributes: attributes, range: range)))
    case CMARK_NODE_BLOCK_QUOTE:
      nested(node, depth: depth, into: &out) { blocks in
        BlockQuoteAlert.container(blocks, range: r).map(Block.container) ?? .blockQuote(BlockQuote.classified(blocks, range: r))
      }
    case CMARK_NODE_LIST:
      if depth >= MarkdownConverter.maximumDepth {
        flatten(node, into: &out)
        return
      }
      let kind: ListBlock.Kind
      if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
        kind = .ordered(start: Int(cmark_node_get_list_start(node)), delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? .parenthesis : .period)
      } else {
        kind = .bullet
      }
      var items: [ListItem] = []
      for item in children(of: node) {
        var task: ListItem.Task?
        if string(cmark_node_get_type_string(item)) == "tasklist" {
          task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? .done : .open
        }
        items.append(ListItem(task: task, blocks: convertBlocks(children(of: item), depth: depth + 1), range: range(item)))
      }
      out.append(.list(ListBlock(kind: kind, isTight: cmark_node_get_list_tight(node) != 0, items: items, range: r)))
    case CMARK_NODE_CODE_BLOCK:
      out.append(.codeBlock(CodeBlock(info: resolvingTokens(string(cmark_node_get_fence_info(node))), code: resolvingTokens(literal(node)), range: r)))
    case CMARK_NODE_HTML_BLOCK:
      let html = literal(node)
      let declaration = RawHTMLParser.stripDeclarations(html)
      if declaration.openSubset { openDeclaration = true } else if !declaration.removed { openDeclaration = false }
      htmlBlock(html, range: r, into: &out)
    case CMARK_NODE_THEMATIC_BREAK:
      out.append(.thematicBreak(r))
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      // cmark-gfm keeps a definition's label only in a private field; read it from the source.
      let label = footnoteLabel(before: r) ?? ""
      let number = footnoteNumbers[label] ?? {
        let n = footnoteNumbers.count + 1
        footnoteNumbers[label] = n
        return n
      }()
      out.append(.footnoteDefinition(FootnoteDefinition(label: label, number: number, blocks: convertBlocks(children(of: node), depth: depth + 1), range: r)))
    case imprenta_node_table():
      out.append(.table(table(node, range: r)))
    case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_DOCUMENT:
      out += convertBlocks(children(of: node), depth: depth)
    default:
      out += convertBlocks(children(of: node), depth: depth)
    }
  }

  /// A paragraph that holds one image and nothing else becomes a figure; its title is the caption.
  func figure(from inlines: [Inline], range: SourceRange) -> Figure? {
    let meaningful = inlines.filter {
      switch $0 {
      case .softBreak, .hardBreak: return false
      case .text(let t): return !t.string.allSatisfy(\.isWhitespace)
      default: return true
      }
    }
    guard meaningful.count == 1 else { return nil }
    switch meaningful[0] {
    case .image(let img):
      return Figure(image: img, caption: img.title.isEmpty ? [] : [.text(Text(img.title, range: img.range))], range: range)
    case .link(let link):
      guard link.content.count == 1, case .image(let img) = link.content[0] else { return nil }
      return Figure(image: img, caption: img.title.isEmpty ? [] : [.text(Text(img.title, range: img.range))], link: link.destination, range: range)
    default:
      return nil
    }
  }

  mutating func table(_ node: OpaquePointer, range r: SourceRange) -> Table {
    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
    var alignments = [ColumnAlignment](repeating: .none, count: columns)
    if let a = cmark_gfm_extensions_get_table_alignments(node) {
      for i in 0..<columns {
        switch a[i] {
        case UInt8(ascii: "l"): alignments[i] = .left
        case UInt8(ascii: "c"): alignments[i] = .center
        case UInt8(ascii: "r"): alignments[i] = .right
        default: break
        }
      }
    }
    var header: [TableCell] = []
    var rows: [[TableCell]] = []
    for row in children(of: node) {
      var cells = children(of: row).map { TableCell(convertInlines(children(of: $0), depth: 0), range: range($0)) }
      while cells.count < columns { cells.append(TableCell([])) }
      if cells.count > columns { cells.removeLast(cells.count - columns) }
      if cmark_gfm_extensions_get_table_row_is_header(row) != 0 && header.isEmpty { header = cells } else { rows.append(cells) }
    }
    return Table(alignments: alignments, header: header, rows: rows, range: r)
  }

  // MARK: - Inlines

  mutating func convertInlines(_ nodes: [OpaquePointer], depth: Int) -> [Inline] {
    var out: [Inline] = []
    out.reserveCapacity(nodes.count)
    if depth < MarkdownConverter.maximumDepth, nodes.contains(where: { cmark_node_get_type($0) == CMARK_NODE_HTML_INLINE }) {
      // Raw HTML tags are paired across these siblings, then parsed (`+InlineHTML`).
      var pieces: [InlinePiece] = []
      pieces.reserveCapacity(nodes.count)
      for node in nodes {
        if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
          pieces.append(.tag(InlineHTMLTag(resolvingTokens(literal(node)), range: range(node))))
        } else {
          convertInline(node, depth: depth, into: &out)
          pieces += out.map(InlinePiece.inline)
          out.removeAll(keepingCapacity: true)
        }
      }
      out = resolvingInlineHTML(pieces)
    } else {
      for node in nodes { convertInline(node, depth: depth, into: &out) }
    }
    // Merge adjacent text runs (cmark splits text at brackets and entities). A run is gathered
    // and joined once: appending piece by piece copied the text each time (quadratic on 65,000
    // unmatched brackets).
    var merged: [Inline] = []
    merged.reserveCapacity(out.count)
    var run: [Text] = []
    func flush() {
      guard let first = run.first else { return }
      if run.count == 1 {
        merged.append(.text(first))
      } else {
        var string = ""
        string.reserveCapacity(run.reduce(0) { $0 + $1.string.utf8.count })
        var end = first.range.end
        for t in run {
          string += t.string
          if t.range.isKnown { end = t.range.end }
        }
        merged.append(.text(Text(string, range: SourceRange(start: first.range.start, end: end))))
      }
      if options.enableEmoji, case .text(var t) = merged[merged.count - 1] {
        t.string = Emoji.replacing(in: t.string)
        merged[merged.count - 1] = .text(t)
      }
      run.removeAll(keepingCapacity: true)
    }
    for inline in out {
      if case .text(let t) = inline {
        if !t.string.isEmpty { run.append(t) }
        continue
      }
      flush()
      merged.append(inline)
    }
    flush()
    return expandingTokens(merged)
  }

  mutating func convertInline(_ node: OpaquePointer, depth: Int, into out: inout [Inline]) {
    let type = cmark_node_get_type(node)
    let r = range(node)
    if depth >= MarkdownConverter.maximumDepth {
      // Past the limit, keep the words and drop the markup, walking iteratively.
      if !warnedInlineDepth {
        warnedInlineDepth = true
        diagnostics.report(.nestingTooDeep, "inline markup nested deeper than \(MarkdownConverter.maximumDepth) levels is kept as plain text", file: file, at: r)
      }
      var stack = [node]
      while let next = stack.popLast() {
        let t = cmark_node_get_type(next)
        if t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE {
          out.append(.text(Text(literal(next), range: range(next))))
        } else if t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK {
          out.append(.text(Text(" ", range: range(next))))
        } else {
          stack += children(of: next).reversed()
        }
      }
      return
    }
    switch type {
    case CMARK_NODE_TEXT: out.append(.text(Text(literal(node), range: r)))
    case CMARK_NODE_SOFTBREAK: out.append(.softBreak(r))
    case CMARK_NODE_LINEBREAK: out.append(.hardBreak(r))
    case CMARK_NODE_CODE: out.append(.code(InlineCode(resolvingTokens(literal(node)), range: r)))
    case CMARK_NODE_HTML_INLINE: out += resolvingInlineHTML([.tag(InlineHTMLTag(resolvingTokens(literal(node)), range: r))])
    case CMARK_NODE_EMPH: out.append(.emphasis(Styled(convertInlines(children(of: node), depth: depth + 1), range: r)))
    case CMARK_NODE_STRONG: out.append(.strong(Styled(convertInlines(children(of: node), depth: depth + 1), range: r)))
    case imprenta_node_strikethrough(): out.append(.strikethrough(Styled(convertInlines(children(of: node), depth: depth + 1), range: r)))
    case CMARK_NODE_LINK:
      let url = resolvingTokens(string(cmark_node_get_url(node)))
      let content = convertInlines(children(of: node), depth: depth + 1)
      let text = content.plainText
      out.append(.link(Link(destination: url, title: resolvingTokens(string(cmark_node_get_title(node))), content: content, isAutolink: text == url || "mailto:" + text == url || "http://" + text == url, range: r)))
    case CMARK_NODE_IMAGE:
      let alt = convertInlines(children(of: node), depth: depth + 1).plainText
      out.append(.image(Image(source: resolvingTokens(string(cmark_node_get_url(node))), alt: alt, title: resolvingTokens(string(cmark_node_get_title(node))), range: r)))
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      // cmark-gfm replaces the reference's label by its number; the label is in the source.
      let label = footnoteLabel(at: r) ?? literal(node)
      let number = footnoteNumbers[label] ?? {
        let n = footnoteNumbers.count + 1
        footnoteNumbers[label] = n
        return n
      }()
      out.append(.footnoteReference(FootnoteReference(label: label, number: number, range: r)))
    default:
      for c in children(of: node) { convertInline(c, depth: depth, into: &out) }
    }
  }
}
