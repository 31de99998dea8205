/// Block content: what a document, a list item, a block quote or a note holds.
public indirect enum Block: Sendable, Hashable {
  /// A heading with its anchor id.
  case heading(Heading)
  /// A paragraph.
  case paragraph(Paragraph)
  /// A bullet or ordered list.
  case list(ListBlock)
  /// A block quote.
  case blockQuote(BlockQuote)
  /// A code block.
  case codeBlock(CodeBlock)
  /// A table.
  case table(Table)
  /// An image standing alone as a block, with its caption.
  case figure(Figure)
  /// A thematic break (`---`).
  case thematicBreak(SourceRange)
  /// The text of a footnote.
  case footnoteDefinition(FootnoteDefinition)
  /// Raw HTML standing as a block, parsed and made safe by the reader.
  case html(RawHTML)
  /// A generic container, for anything without a kind of its own.
  case container(Container)
  /// Something that plays or lives elsewhere (a video, a post, a gist) or a QR code: a link in
  /// text and EPUB, a card with a QR code of the URL in PDF.
  case embed(Embed)
  /// Terms and their definitions (`Term` / `: definition`).
  case definitionList(DefinitionList)
}

/// A heading.
public struct Heading: Sendable, Hashable {
  /// 1 to 6.
  public var level: Int
  /// The heading text.
  public var content: [Inline]
  /// The anchor id, unique in its document (Hugo's default slug); empty when the heading is no anchor target.
  public var id: String
  /// What `{#id .class key=value}` after the heading text said (`attributes.id` is the id asked for).
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a heading.
  public init(level: Int, content: [Inline], id: String = "", attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.level = level
    self.content = content
    self.id = id
    self.attributes = attributes
    self.range = range
  }
}

/// A paragraph.
public struct Paragraph: Sendable, Hashable {
  /// The paragraph text.
  public var content: [Inline]
  /// Id, classes and pairs from a block attribute line (`{.note #x}`).
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a paragraph.
  public init(_ content: [Inline], attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.content = content
    self.attributes = attributes
    self.range = range
  }
}

/// A bullet or ordered list.
public struct ListBlock: Sendable, Hashable {
  /// How items are marked.
  public enum Kind: Sendable, Hashable {
    /// Bullets.
    case bullet
    /// Numbers from `start`.
    case ordered(start: Int, delimiter: Delimiter)
  }
  /// The punctuation after an item number.
  public enum Delimiter: Sendable, Hashable {
    /// `1.`
    case period
    /// `1)`
    case parenthesis
  }
  /// Bullets or numbers.
  public var kind: Kind
  /// Whether the items are tight (no blank lines between them).
  public var isTight: Bool
  /// The items.
  public var items: [ListItem]
  /// Id, classes and pairs from a block attribute line (`{.note #x}`).
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a list.
  public init(kind: Kind, isTight: Bool, items: [ListItem], attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.kind = kind
    self.isTight = isTight
    self.items = items
    self.attributes = attributes
    self.range = range
  }
}

/// One list item.
public struct ListItem: Sendable, Hashable {
  /// The state of a task item's box, or nil for an ordinary item.
  public enum Task: Sendable, Hashable {
    /// `[ ]`
    case open
    /// `[x]`
    case done
  }
  /// The task state, if this is a task item.
  public var task: Task?
  /// What the item holds.
  public var blocks: [Block]
  /// Where it came from.
  public var range: SourceRange
  /// Creates an item.
  public init(task: Task? = nil, blocks: [Block], range: SourceRange = .unknown) {
    self.task = task
    self.blocks = blocks
    self.range = range
  }
}

/// A block quote.
public struct BlockQuote: Sendable, Hashable {
  /// Classes and pairs (a pull-quote carries a class).
  public var attributes: Attributes
  /// What the quote holds.
  public var blocks: [Block]
  /// Where it came from.
  public var range: SourceRange
  /// Creates a block quote.
  public init(attributes: Attributes = .init(), blocks: [Block], range: SourceRange = .unknown) {
    self.attributes = attributes
    self.blocks = blocks
    self.range = range
  }
}

/// A code block.
public struct CodeBlock: Sendable, Hashable {
  /// The info string after the opening fence (`swift`, `yaml title="x"`), or empty.
  public var info: String
  /// The code, verbatim, ending in a newline when not empty.
  public var code: String
  /// Id, classes and pairs from a block attribute line (`{.note #x}`).
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a code block.
  public init(info: String = "", code: String, attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.info = info
    self.code = code
    self.attributes = attributes
    self.range = range
  }

  /// The language named first in the info string, or empty.
  public var language: String {
    String(info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first ?? "")
  }
}

/// How a table column is aligned.
public enum ColumnAlignment: Sendable, Hashable {
  /// Not said: left in left-to-right text.
  case none
  /// Left.
  case left
  /// Centred.
  case center
  /// Right.
  case right
}

/// A table.
public struct Table: Sendable, Hashable {
  /// One alignment per column.
  public var alignments: [ColumnAlignment]
  /// The header row (GFM tables always have one; its cells may be empty).
  public var header: [TableCell]
  /// The body rows; each has as many cells as there are columns.
  public var rows: [[TableCell]]
  /// Id, classes and pairs from a block attribute line (`{.note #x}`).
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a table.
  public init(alignments: [ColumnAlignment], header: [TableCell], rows: [[TableCell]], attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
    self.attributes = attributes
    self.range = range
  }

  /// The number of columns.
  public var columnCount: Int { alignments.count }
}

/// A table cell.
public struct TableCell: Sendable, Hashable {
  /// The cell text.
  public var content: [Inline]
  /// Where it came from.
  public var range: SourceRange
  /// Creates a cell.
  public init(_ content: [Inline], range: SourceRange = .unknown) {
    self.content = content
    self.range = range
  }
}

/// An image standing as a block, with an optional caption.
public struct Figure: Sendable, Hashable {
  /// The image.
  public var image: Image
  /// The caption (from the image title, or a figure shortcode), possibly empty.
  public var caption: [Inline]
  /// A link the image leads to, or empty.
  public var link: String
  /// Id and classes.
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a figure.
  public init(image: Image, caption: [Inline] = [], link: String = "", attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.image = image
    self.caption = caption
    self.link = link
    self.attributes = attributes
    self.range = range
  }
}

/// The text of a footnote.
public struct FootnoteDefinition: Sendable, Hashable {
  /// The label as written.
  public var label: String
  /// The note's number, 1-based, in order of first call.
  public var number: Int
  /// The note text.
  public var blocks: [Block]
  /// Where it came from.
  public var range: SourceRange
  /// Creates a footnote definition.
  public init(label: String, number: Int, blocks: [Block], range: SourceRange = .unknown) {
    self.label = label
    self.number = number
    self.blocks = blocks
    self.range = range
  }
}

/// Raw HTML standing as a block: the source, and the safe tree the reader made of it.
public struct RawHTML: Sendable, Hashable {
  /// The HTML as written.
  public var html: String
  /// The repaired and sanitised content (libxml2's HTML parser, then the reader's safety rules).
  public var nodes: [HTMLNode]
  /// Where it came from.
  public var range: SourceRange
  /// Creates raw HTML.
  public init(html: String, nodes: [HTMLNode], range: SourceRange = .unknown) {
    self.html = html
    self.nodes = nodes
    self.range = range
  }
}

/// A generic container with attributes; with an `admonition`, a titled box of a kind.
public struct Container: Sendable, Hashable {
  /// Id, classes (`shortcode-<name>` for unknown shortcodes) and pairs.
  public var attributes: Attributes
  /// What it holds.
  public var blocks: [Block]
  /// The kind and title of a box backends draw as such (a note, a warning), or nil for a plain group.
  public var admonition: Admonition?
  /// The language its text is written in (BCP 47) when it differs from the document's (a book's
  /// chapter in another language), or empty: XHTML writes `lang`, PDF hyphenates by it.
  public var language: String
  /// Where it came from.
  public var range: SourceRange
  /// Creates a container.
  public init(attributes: Attributes, blocks: [Block], admonition: Admonition? = nil, language: String = "", range: SourceRange = .unknown) {
    self.attributes = attributes
    self.blocks = blocks
    self.admonition = admonition
    self.language = language
    self.range = range
  }
}
