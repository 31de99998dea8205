import ImprentaModel

// What `GoldmarkPrepass` found, put into the tree: heading and block attributes, definition
// lists and passthrough passages (through the placeholders shortcodes use).
extension MarkdownConverter {
  /// The first placeholder id the pre-pass hands out: far above any shortcode's.
  static let prepassIDBase = 1 << 40

  /// Runs the pre-pass over `text`; returns the text cmark-gfm is to read.
  mutating func goldmarkPrepass(_ text: String) -> String {
    let o = options
    let wanted = o.headingAttributes || o.blockAttributes || o.definitionLists || !o.passthroughBlock.isEmpty || !o.passthroughInline.isEmpty
    guard wanted else { return text }
    let lines = MarkdownConverter.lines(of: text).map { $0.utf8Bytes }
    var prepass = GoldmarkPrepass(
      lines: lines, options: o, definitionLists: nesting < MarkdownConverter.maximumDepth, firstID: MarkdownConverter.prepassIDBase * (nesting + 1))
    prepass.run()
    headingAttributes = prepass.headingAttributes
    headingLineLengths = prepass.headingLineLengths
    blockAttributes = prepass.blockAttributes
    guard !prepass.replacements.isEmpty || !headingAttributes.isEmpty || !blockAttributes.isEmpty else { return text }
    if prepass.replacements.contains(where: { if case .definitionList = $0 { return true } else { return false } }) {
      references.merge(prepass.referenceDefinitions()) { outer, _ in outer }
    }
    for replacement in prepass.replacements {
      switch replacement {
      case .definitionList(let id, let raw):
        expansions[id] = .blocks([.definitionList(definitionList(raw))])
      case .passthroughBlock(let id, let text, let first, let last):
        let r = SourceRange(first + 1 + lineOffset, 1, last + 1 + lineOffset, 1)
        expansions[id] = .blocks([.codeBlock(CodeBlock(info: "math", code: text + "\n", range: r))])
      case .passthroughInline(let id, let text, let line, let column):
        expansions[id] = .inlines([.text(Text(text, range: SourceRange(line + 1 + lineOffset, column, line + 1 + lineOffset, column + text.utf8.count - 1)))])
      }
    }
    return prepass.text
  }

  /// The attributes written after a heading's text (on any of its lines), and its range with
  /// the attribute list counted in (as it is in the file).
  func attributes(ofHeading r: SourceRange) -> (Attributes, SourceRange) {
    guard !headingAttributes.isEmpty, r.isKnown else { return (Attributes(), r) }
    let first = r.start.line - lineOffset - 1, last = r.end.line - lineOffset - 1
    guard first <= last else { return (Attributes(), r) }
    for k in first...last {
      guard let a = headingAttributes[k] else { continue }
      var range = r
      if k == last, let length = headingLineLengths[k] { range.end.column = max(range.end.column, length) }
      return (a, range)
    }
    return (Attributes(), r)
  }

  // MARK: - Definition lists

  /// A converter for a piece of this text (a term, a definition) starting at `line` (0-based).
  func nestedConverter(at line: Int, for text: String) -> MarkdownConverter {
    var c = MarkdownConverter(file: file, lineOffset: lineOffset + line)
    c.options = options
    c.nesting = nesting + 1
    // Shortcode placeholders only when the text has some (a copy per definition would cost
    // time in the number of shortcodes).
    if text.unicodeScalars.contains(ShortcodeTokens.inlineOpen) || text.contains(ShortcodeTokens.blockPrefix) { c.expansions = expansions }
    c.references = references
    c.footnoteNumbers = footnoteNumbers
    return c
  }

  mutating func definitionList(_ raw: GoldmarkPrepass.RawDefinitionList) -> DefinitionList {
    var items: [DefinitionItem] = []
    items.reserveCapacity(raw.items.count)
    for item in raw.items {
      var terms: [DefinitionTerm] = []
      for term in item.terms {
        var c = nestedConverter(at: term.line, for: term.text)
        let blocks = c.convert(Substring(withReferences(term.text)))
        absorb(c)
        let content: [Inline]
        if blocks.count == 1, case .paragraph(let p) = blocks[0] { content = p.content } else { content = ShortcodeOutput.inlines(of: blocks) }
        let line = term.line + 1 + lineOffset
        terms.append(DefinitionTerm(content, range: SourceRange(line, 1, line, max(1, term.text.utf8.count))))
      }
      var definitions: [[Block]] = []
      for definition in item.definitions {
        var c = nestedConverter(at: definition.line, for: definition.text)
        definitions.append(c.convert(Substring(withReferences(definition.text))))
        absorb(c)
      }
      let first = (item.terms.first?.line ?? raw.firstLine) + 1 + lineOffset
      let last = (item.definitions.last?.line ?? raw.lastLine) + 1 + lineOffset
      items.append(DefinitionItem(terms: terms, definitions: definitions, range: SourceRange(first, 1, last, 1)))
    }
    return DefinitionList(items: items, isTight: raw.isTight, range: SourceRange(raw.firstLine + 1 + lineOffset, 1, raw.lastLine + 1 + lineOffset, 1))
  }

  /// `text` followed by the page's reference definitions it uses (after its last line, so its
  /// line numbers do not move).
  func withReferences(_ text: String) -> String {
    guard !references.isEmpty else { return text }
    let used = GoldmarkPrepass.bracketedLabels(in: text).compactMap { references[$0] }
    return used.isEmpty ? text : text + "\n\n" + used.sorted().joined(separator: "\n") + "\n"
  }

  /// Takes back what a nested converter learned (footnote numbers, diagnostics).
  mutating func absorb(_ c: MarkdownConverter) {
    footnoteNumbers = c.footnoteNumbers
    diagnostics.append(contentsOf: c.diagnostics)
    warnedDepth = warnedDepth || c.warnedDepth
  }

  // MARK: - Block attributes

  /// Gives each attribute line's attributes to the block that ends on the line before it (the
  /// outermost one: `{.x}` after a list applies to the list, not to its last paragraph).
  /// Lines no block ends before are dropped.
  mutating func applyBlockAttributes(_ blocks: inout [Block]) {
    var pending = blockAttributes
    let lines = blockAttributes.keys.sorted()
    /// Whether an attribute line lies strictly between `low` and `high` (binary search: a
    /// page of 50,000 attributed blocks stays linear).
    func anyLine(after low: Int, before high: Int) -> Bool {
      var lo = 0, hi = lines.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if lines[mid] <= low { lo = mid + 1 } else { hi = mid }
      }
      return lo < lines.count && lines[lo] < high
    }
    func visit(_ blocks: inout [Block]) {
      for k in blocks.indices {
        guard !pending.isEmpty else { return }
        let r = blocks[k].range
        guard r.isKnown else { continue }
        let next = r.end.line - lineOffset  // 0-based index of the line after the block
        // The line after the block, or one of the blank lines cmark-gfm counts into a list's
        // end (the attribute line is blank now).
        var line = next
        if pending[line] == nil {
          var e = next - 1
          while e > r.start.line - lineOffset - 1, e < sourceLines.count, pending[e] == nil, sourceLines[e].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { e -= 1 }
          line = e
        }
        if let a = pending[line] {
          pending[line] = nil
          blocks[k] = MarkdownConverter.adding(a, to: blocks[k])
        }
        // Blocks inside: only if an attribute line falls within this block.
        let first = r.start.line - lineOffset - 1
        guard anyLine(after: first, before: next) else { continue }
        switch blocks[k] {
        case .blockQuote(var q):
          visit(&q.blocks)
          blocks[k] = .blockQuote(q)
        case .list(var l):
          for i in l.items.indices { visit(&l.items[i].blocks) }
          blocks[k] = .list(l)
        case .container(var c):
          visit(&c.blocks)
          blocks[k] = .container(c)
        default: break
        }
      }
    }
    visit(&blocks)
  }

  /// `block` with `a` merged into its attributes (what it already has wins, as in Hugo).
  static func adding(_ a: Attributes, to block: Block) -> Block {
    func merge(_ into: inout Attributes) {
      if into.id.isEmpty { into.id = a.id }
      // Sets, not `contains` on the arrays: 40,000 pairs in one list stay linear.
      var classes = Set(into.classes), keys = Set(into.pairs.map(\.key))
      for c in a.classes where classes.insert(c).inserted { into.classes.append(c) }
      for p in a.pairs where keys.insert(p.key).inserted { into.pairs.append(p) }
    }
    switch block {
    case .paragraph(var p): merge(&p.attributes); return .paragraph(p)
    case .list(var l): merge(&l.attributes); return .list(l)
    case .blockQuote(var q): merge(&q.attributes); return .blockQuote(q)
    case .codeBlock(var c): merge(&c.attributes); return .codeBlock(c)
    case .table(var t): merge(&t.attributes); return .table(t)
    case .heading(var h): merge(&h.attributes); return .heading(h)
    case .figure(var f): merge(&f.attributes); return .figure(f)
    case .definitionList(var d): merge(&d.attributes); return .definitionList(d)
    case .container(var c): merge(&c.attributes); return .container(c)
    case .thematicBreak, .footnoteDefinition, .html, .embed: return block
    }
  }
}
