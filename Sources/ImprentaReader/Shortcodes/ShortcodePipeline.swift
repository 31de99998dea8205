import ImprentaModel

/// Markdown with shortcodes → blocks: finds the tags (before cmark), pairs them, replaces each
/// outermost shortcode by a placeholder, expands it (bodies recursively, through the same
/// pipeline), then converts with cmark-gfm and puts the expansions where the placeholders were.
final class ShortcodePipeline {
  /// Deepest nesting of paired shortcodes expanded.
  static let maximumDepth = 32

  let file: String
  let bytes: [UInt8]
  let lines: LineMap
  let tags: [ShortcodeTag]
  /// Opening tag index → its closing tag index.
  let pairs: [Int: Int]
  let expander: ShortcodeExpander
  let page: Metadata
  let site: ShortcodeSite
  /// What an `include` may read, and the files being read now.
  let files: ShortcodeFiles
  /// How the Markdown is read (the site's Goldmark settings).
  let markup: MarkupOptions
  var diagnostics = Diagnostics()
  private var nextID = 0

  /// Prepares `markdown`, whose first line is line `lineOffset + 1` of `file`.
  init(
    markdown: Substring, file: String, lineOffset: Int, expander: ShortcodeExpander, page: Metadata, site: ShortcodeSite, files: ShortcodeFiles,
    markup: MarkupOptions = MarkupOptions()
  ) {
    self.file = file
    self.markup = markup
    bytes = markdown.utf8Bytes
    lines = LineMap(bytes, firstLine: lineOffset + 1)
    self.expander = expander
    self.page = page
    self.site = site
    self.files = files
    var scanDiagnostics = Diagnostics()
    let tags = ShortcodeScanner(bytes: bytes, file: file, lines: lines).scan(diagnostics: &scanDiagnostics)
    self.tags = tags
    // Pair each closing tag with the nearest open tag of the same name; opens left between them stand alone.
    var stack: [Int] = []
    var pairs: [Int: Int] = [:]
    for (k, tag) in tags.enumerated() {
      switch tag.kind {
      case .open: stack.append(k)
      case .close:
        if let s = stack.lastIndex(where: { tags[$0].name == tag.name }) {
          pairs[stack[s]] = k
          stack.removeSubrange(s...)
        }
      case .selfClosing, .literal: break
      }
    }
    self.pairs = pairs
    diagnostics.append(contentsOf: scanDiagnostics)
  }

  /// The blocks of the whole text, with their anchor ids (made once, after every shortcode's body is read).
  func convert() -> [Block] {
    AnchorIDs.assign(blocks(in: 0..<bytes.count, tags: 0..<tags.count, depth: 0, dedent: false), options: markup)
  }

  /// The blocks of `range` of the text, whose tags are `tagRange`.
  func blocks(in range: Range<Int>, tags tagRange: Range<Int>, depth: Int, dedent: Bool) -> [Block] {
    var expansions: [Int: ShortcodeOutput] = [:]
    var text = rewrite(range, tags: tagRange, depth: depth, expansions: &expansions)
    if dedent { text = ShortcodePipeline.dedented(text) }
    var converter = MarkdownConverter(file: file, lineOffset: lines.position(range.lowerBound).line - 1)
    converter.options = markup
    converter.expansions = expansions
    let result = converter.convert(Substring(text))
    diagnostics.append(contentsOf: converter.diagnostics)
    return result
  }

  /// The text of `range` as written, Hugo's `{{</* */>}}` escapes shown as the tags they stand for
  /// and nested tags left as they are (a verbatim body).
  func raw(_ range: Range<Int>, tags tagRange: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var cursor = range.lowerBound
    for k in tagRange where tags[k].start >= cursor && tags[k].end <= range.upperBound {
      guard case .literal(let text) = tags[k].kind, !text.isEmpty else { continue }
      out += bytes[cursor..<tags[k].start]
      out += text.utf8Bytes
      cursor = tags[k].end
    }
    out += bytes[cursor..<range.upperBound]
    return String(decoding: out, as: UTF8.self)
  }

  /// Markdown text (a caption, a summary) → inlines.
  func inlines(markdown: String, at range: SourceRange) -> [Inline] {
    var converter = MarkdownConverter(file: file, lineOffset: max(0, range.start.line - 1))
    converter.options = markup
    let blocks = converter.convert(Substring(markdown))
    diagnostics.append(contentsOf: converter.diagnostics)
    if blocks.count == 1, case .paragraph(let p) = blocks[0] { return p.content }
    return ShortcodeOutput.inlines(of: blocks)
  }

  // MARK: - Rewriting

  private func rewrite(_ range: Range<Int>, tags tagRange: Range<Int>, depth: Int, expansions: inout [Int: ShortcodeOutput]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var cursor = range.lowerBound
    var k = tagRange.lowerBound
    while k < tagRange.upperBound {
      let tag = tags[k]
      out += bytes[cursor..<tag.start]
      var last = k
      if case .open = tag.kind, let c = pairs[k], c < tagRange.upperBound { last = c }
      let end = tags[last].end
      let sourceRange = lines.range(from: tag.start, to: end)
      switch tag.kind {
      case .literal(let text):
        out += text.utf8Bytes
      case .close:
        diagnostics.report(.unmatchedShortcode, "closing shortcode '/\(tag.name)' has no opening '\(tag.name)'", file: file, at: sourceRange)
      case .open, .selfClosing:
        let body = last == k ? nil : String(decoding: bytes[tag.end..<tags[last].start], as: UTF8.self)
        let shortcode = Shortcode(name: tag.name, arguments: tag.arguments, isMarkdown: tag.isMarkdown, body: body, range: sourceRange)
        let prefix = blockPrefix(start: tag.start, end: end, within: range)
        let placement: ShortcodePlacement = prefix == nil ? .inline : .block
        let output: ShortcodeOutput
        if depth >= ShortcodePipeline.maximumDepth {
          diagnostics.report(.nestingTooDeep, "shortcodes nested deeper than \(ShortcodePipeline.maximumDepth) levels are dropped", file: file, at: sourceRange)
          output = .none
        } else {
          var context = ShortcodeContext(
            pipeline: self, placement: placement, bodyRange: last == k ? nil : tag.end..<tags[last].start,
            bodyTags: (k + 1)..<max(k + 1, last), depth: depth)
          output = expander.expand(shortcode, context: &context)
        }
        let id = nextID
        nextID += 1
        expansions[id] = output
        if let prefix {
          let newlines = bytes[tag.start..<end].count { $0 == 10 }
          out += ShortcodeTokens.block(id, newlines: newlines, prefix: prefix)
        } else {
          out += ShortcodeTokens.inline(id)
        }
      }
      cursor = end
      k = last + 1
    }
    out += bytes[cursor..<range.upperBound]
    return String(decoding: out, as: UTF8.self)
  }

  /// The text before a shortcode on its line when the shortcode stands alone on its lines
  /// (only spaces and block-quote markers before it, only spaces after it); nil when it sits in running text.
  private func blockPrefix(start: Int, end: Int, within range: Range<Int>) -> [UInt8]? {
    var s = start
    while s > range.lowerBound, bytes[s - 1] != 10 { s -= 1 }
    let prefix = Array(bytes[s..<start])
    guard prefix.allSatisfy({ $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }) else { return nil }
    var e = end
    while e < range.upperBound, bytes[e] != 10 {
      guard bytes[e] == 32 || bytes[e] == 9 || bytes[e] == 13 else { return nil }
      e += 1
    }
    return prefix
  }

  /// `text` without the indentation all its non-blank lines share (a body inside a list item).
  static func dedented(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let indents = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
    guard let common = indents.min(), common > 0 else { return text }
    return lines.map { $0.count >= common ? String($0.dropFirst(common)) : "" }.joined(separator: "\n")
  }
}

/// Whether a shortcode stands alone on its lines (block) or sits in running text (inline).
public enum ShortcodePlacement: Sendable, Hashable {
  /// Alone on its lines: its output becomes blocks.
  case block
  /// Inside a paragraph, a heading, a link: its output becomes inlines.
  case inline
}

/// What a shortcode may know about the site it is read in.
public struct ShortcodeSite: Sendable, Hashable {
  /// The site's `params`, in order.
  public var params: [KeyValue<MetaValue>]
  /// The content folder of the page being read (where an `include` path starting with `/` is
  /// found); nil for a page read alone (its own folder serves).
  public var contentFolder: String?
  /// Creates site information.
  public init(params: [KeyValue<MetaValue>] = [], contentFolder: String? = nil) {
    self.params = params
    self.contentFolder = contentFolder
  }
}
