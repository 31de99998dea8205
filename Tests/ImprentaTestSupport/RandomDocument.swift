import ImprentaModel

/// A small, fast, seeded random number generator (SplitMix64): the same seed always gives the
/// same numbers, on every platform, so a failing property case can be replayed from its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random documents for property tests: every block and inline kind, nested lists and quotes,
/// tables, footnotes with consistent numbers, and text that is hard to lay out (accents written
/// with combining marks, CJK, emoji, no-break spaces, URLs and words longer than any line).
public struct RandomDocument {
  /// Words that are longer than `longWordLength` columns; nothing else is.
  public static let longWordLength = 40
  private var random: SeededGenerator
  private var notes: [FootnoteDefinition] = []
  private var depth = 0

  /// Creates a generator of documents for `seed`.
  public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  /// A document for the seed.
  public static func make(seed: UInt64) -> Document {
    var generator = RandomDocument(seed: seed)
    return generator.document()
  }

  /// The next document.
  public mutating func document() -> Document {
    notes = []
    var blocks = (0..<int(3...14)).map { _ in block() }
    blocks += notes.map { Block.footnoteDefinition($0) }
    let metadata = Metadata(
      title: chance(0.8) ? sentence(1...8) : "", subtitle: chance(0.3) ? sentence(2...6) : "",
      authors: chance(0.3) ? [sentence(2...2), sentence(2...3)] : [],
      date: chance(0.5) ? PageDate(text: "2019-03-04", year: 2019, month: 3, day: 4) : nil,
      language: pick(["es", "en", "fr", ""]), hideTitle: chance(0.2))
    return Document(sourcePath: "random.md", relativeName: "random", metadata: metadata, blocks: blocks)
  }

  // MARK: - Choices

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  // MARK: - Text

  static let plainWords = [
    "la", "alianza", "gobierno", "abierto", "transparencia", "de", "y", "the", "open", "government",
    "país", "información", "¿Qué", "es?", "participación", "ciudadana,", "año", "niño", "über", "façade",
    "42", "(AGA)", "—", "multilateral", "voluntaria",
  ]
  static let hardWords = [
    "cafe\u{0301}", "nin\u{0303}o", "日本語", "漢字かな", "한국어", "😀", "👩‍👩‍👧", "🇨🇴", "ＡＢＣ", "10\u{00A0}km",
    "5\u{202F}%", "e\u{0301}\u{0323}", "x\u{200B}y",
  ]

  /// One word, now and then a hard one, rarely a very long one.
  public mutating func word() -> String {
    let roll = int(0...99)
    if roll < 2 { return "https://example.org/" + String(repeating: "segment/", count: int(6...12)) + "index.html" }
    if roll < 3 { return String(repeating: "Donaudampfschiff", count: int(3...6)) }
    if roll < 18 { return pick(RandomDocument.hardWords) }
    return pick(RandomDocument.plainWords)
  }

  /// Words joined by spaces.
  public mutating func sentence(_ count: ClosedRange<Int>) -> String {
    (0..<int(count)).map { _ in word() }.joined(separator: " ")
  }

  // MARK: - Inlines

  mutating func inlines(_ count: ClosedRange<Int> = 1...12) -> [Inline] {
    var out: [Inline] = []
    for i in 0..<int(count) {
      if i > 0 { out.append(chance(0.1) ? .softBreak(.unknown) : .text(Text(" "))) }
      out.append(inline())
    }
    return out
  }

  mutating func inline() -> Inline {
    switch int(0...19) {
    case 0: return .emphasis(Styled([.text(Text(sentence(1...3)))]))
    case 1: return .strong(Styled([.text(Text(sentence(1...3)))]))
    case 2: return .strikethrough(Styled([.text(Text(sentence(1...2)))]))
    case 3: return .code(InlineCode(sentence(1...3)))
    case 4:
      let url =
        chance(0.3) ? "https://example.org/" + String(repeating: "p/", count: int(1...40)) : "https://s\(int(1...5)).example"
      return .link(Link(destination: url, content: [.text(Text(sentence(1...4)))]))
    case 5:
      let url = "https://auto\(int(1...3)).example/" + String(repeating: "x", count: int(1...90))
      return .link(Link(destination: url, content: [.text(Text(url))], isAutolink: true))
    case 6: return .link(Link(destination: "#anchor", content: [.text(Text(sentence(1...2)))]))
    case 7: return .image(Image(source: "a.png", alt: chance(0.2) ? "" : sentence(1...4)))
    case 8: return .hardBreak(.unknown)
    case 9:
      let number = notes.count + 1
      if depth < 2 {
        depth += 1
        let note = FootnoteDefinition(label: "n\(number)", number: number, blocks: [.paragraph(Paragraph(inlines(1...10)))])
        depth -= 1
        notes.append(note)
        return .footnoteReference(FootnoteReference(label: "n\(number)", number: number))
      }
      return .text(Text(word()))
    case 10: return .span(Span(element: pick(["kbd", "sub", "sup", "mark", "abbr"]), attributes: Attributes(pairs: [KeyValue("title", word())]), content: [.text(Text(word()))]))
    case 11: return .span(Span(attributes: Attributes(classes: ["x"]), content: [.text(Text(sentence(1...3)))]))
    default: return .text(Text(sentence(1...6)))
    }
  }

  // MARK: - Blocks

  mutating func blocks(_ count: ClosedRange<Int>) -> [Block] {
    (0..<int(count)).map { _ in block() }
  }

  mutating func block() -> Block {
    let nested = depth < 3
    switch int(0...(nested ? 15 : 9)) {
    case 0: return .heading(Heading(level: int(1...6), content: inlines(1...6)))
    case 1: return .codeBlock(CodeBlock(code: codeText()))
    case 2: return .table(table())
    case 3:
      let image = Image(source: "f.png", alt: sentence(0...4))
      return .figure(Figure(image: image, caption: chance(0.5) ? inlines(1...5) : [], link: chance(0.3) ? "https://fig.example" : ""))
    case 4: return .thematicBreak(.unknown)
    case 5: return .html(RawHTML(html: "", nodes: htmlNodes()))
    case 10, 11, 12: return nestedBlock { .list($0.list()) }
    case 13: return nestedBlock { .blockQuote(BlockQuote(blocks: $0.blocks(1...3))) }
    case 14: return nestedBlock { .container(Container(attributes: Attributes(classes: ["c"]), blocks: $0.blocks(1...2))) }
    default: return .paragraph(Paragraph(inlines()))
    }
  }

  mutating func nestedBlock(_ make: (inout RandomDocument) -> Block) -> Block {
    depth += 1
    defer { depth -= 1 }
    return make(&self)
  }

  mutating func list() -> ListBlock {
    let kind: ListBlock.Kind =
      chance(0.5) ? .bullet : .ordered(start: int(0...12), delimiter: chance(0.5) ? .period : .parenthesis)
    let tight = chance(0.6)
    let items = (0..<int(1...(depth > 1 ? 4 : 11))).map { _ in
      ListItem(task: chance(0.2) ? (chance(0.5) ? .open : .done) : nil, blocks: blocks(1...(tight ? 2 : 3)))
    }
    return ListBlock(kind: kind, isTight: tight, items: items)
  }

  mutating func codeText() -> String {
    (0..<int(1...6)).map { _ in
      let indent = chance(0.3) ? "\t" : String(repeating: " ", count: int(0...6))
      let tokens = ["let", "x", "=", "1;", "\"texto\"", "日本", "😀", "{", "}", "//", "cafe\u{0301}"]
      return indent + (0..<int(0...14)).map { _ in pick(tokens) }.joined(separator: " ")
    }.joined(separator: "\n") + "\n"
  }

  mutating func table() -> Table {
    let columns = int(1...5)
    let alignments = (0..<columns).map { _ in pick([ColumnAlignment.none, .left, .center, .right]) }
    func row(_ r: inout RandomDocument) -> [TableCell] {
      (0..<columns).map { _ in TableCell(r.chance(0.1) ? [] : r.inlines(1...4)) }
    }
    let header = row(&self)
    let rows = (0..<int(0...6)).map { _ in row(&self) }
    return Table(alignments: alignments, header: header, rows: rows)
  }

  mutating func htmlNodes() -> [HTMLNode] {
    func text(_ r: inout RandomDocument) -> HTMLNode { .text(r.sentence(1...8)) }
    let element = pick(["p", "div", "span", "li", "br", "a", "img", "td", "h2", "pre"])
    var attributes: [KeyValue<String>] = []
    if element == "a" { attributes = [KeyValue("href", "https://html.example/\(int(1...3))")] }
    if element == "img" { attributes = [KeyValue("alt", sentence(0...3))] }
    return [
      .element(
        name: element, attributes: attributes,
        children: [text(&self), .element(name: "br", attributes: [], children: []), text(&self)]),
      text(&self),
    ]
  }
}
