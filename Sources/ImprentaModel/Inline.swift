/// Inline content: what a paragraph, a heading or a table cell holds.
public indirect enum Inline: Sendable, Hashable {
  /// Plain text.
  case text(Text)
  /// Emphasis (`*x*`), usually italic.
  case emphasis(Styled)
  /// Strong emphasis (`**x**`), usually bold.
  case strong(Styled)
  /// Struck-out text (`~~x~~`).
  case strikethrough(Styled)
  /// Code (`` `x` ``).
  case code(InlineCode)
  /// A link.
  case link(Link)
  /// An image inside running text.
  case image(Image)
  /// A line end inside a paragraph that is not a break: readers see a space.
  case softBreak(SourceRange)
  /// A forced line break.
  case hardBreak(SourceRange)
  /// A call of a footnote.
  case footnoteReference(FootnoteReference)
  /// A generic span, for anything without a kind of its own (raw inline HTML such as `<sub>`,
  /// `<kbd>` or `<span class>` arrives as one, parsed and sanitised by the reader).
  case span(Span)
}

/// Plain text.
public struct Text: Sendable, Hashable {
  /// The characters.
  public var string: String
  /// Where it came from.
  public var range: SourceRange
  /// Creates text.
  public init(_ string: String, range: SourceRange = .unknown) {
    self.string = string
    self.range = range
  }
}

/// Inline content with a look (emphasis, strong, strikethrough).
public struct Styled: Sendable, Hashable {
  /// What is styled.
  public var content: [Inline]
  /// Where it came from.
  public var range: SourceRange
  /// Creates styled content.
  public init(_ content: [Inline], range: SourceRange = .unknown) {
    self.content = content
    self.range = range
  }
}

/// Inline code.
public struct InlineCode: Sendable, Hashable {
  /// The code, verbatim.
  public var code: String
  /// Where it came from.
  public var range: SourceRange
  /// Creates inline code.
  public init(_ code: String, range: SourceRange = .unknown) {
    self.code = code
    self.range = range
  }
}

/// A link to a URL, a page or an anchor.
public struct Link: Sendable, Hashable {
  /// The destination as written (`https://…`, `#anchor`, `other.md`).
  public var destination: String
  /// The title attribute, or empty.
  public var title: String
  /// The link text.
  public var content: [Inline]
  /// Whether the source was a bare URL (an autolink): its text is the URL itself.
  public var isAutolink: Bool
  /// Where it came from.
  public var range: SourceRange
  /// Creates a link.
  public init(destination: String, title: String = "", content: [Inline], isAutolink: Bool = false, range: SourceRange = .unknown) {
    self.destination = destination
    self.title = title
    self.content = content
    self.isAutolink = isAutolink
    self.range = range
  }

  /// The anchor id when the destination points inside the same document (`#id`), percent-decoded
  /// (`URLPolicy.anchorID`): what every backend matches against heading ids.
  public var fragmentOnly: String? {
    destination.hasPrefix("#") ? URLPolicy.anchorID(fragment: destination.dropFirst()) : nil
  }
}

/// An image reference.
public struct Image: Sendable, Hashable {
  /// The path or URL as written.
  public var source: String
  /// The alternative text, flattened to plain text.
  public var alt: String
  /// The title attribute, or empty.
  public var title: String
  /// Where it came from.
  public var range: SourceRange
  /// Creates an image.
  public init(source: String, alt: String, title: String = "", range: SourceRange = .unknown) {
    self.source = source
    self.alt = alt
    self.title = title
    self.range = range
  }
}

/// A footnote call.
public struct FootnoteReference: Sendable, Hashable {
  /// The label as written (`[^label]`).
  public var label: String
  /// The note's number, 1-based, in order of first call.
  public var number: Int
  /// Where it came from.
  public var range: SourceRange
  /// Creates a footnote call.
  public init(label: String, number: Int, range: SourceRange = .unknown) {
    self.label = label
    self.number = number
    self.range = range
  }
}

/// A generic span with attributes.
public struct Span: Sendable, Hashable {
  /// The HTML phrasing element it stands for, lower-case: `span`, or one the reader's raw HTML
  /// allow-list kept (`sub`, `sup`, `kbd`, `mark`, `abbr`…). Backends without such a look show the content.
  public var element: String
  /// Id, classes and pairs. For a span from raw HTML the pairs are the element's kept
  /// attributes (`title`, `lang`, `dir`, `cite`, `datetime`).
  public var attributes: Attributes
  /// What the span holds.
  public var content: [Inline]
  /// Where it came from.
  public var range: SourceRange
  /// Creates a span.
  public init(element: String = "span", attributes: Attributes, content: [Inline], range: SourceRange = .unknown) {
    self.element = element
    self.attributes = attributes
    self.content = content
    self.range = range
  }
}

extension Image {
  /// Alt text that says nothing: the file name, or a placeholder word.
  public static let placeholderAlts: Set<String> = ["image", "imagen", "img", "picture", "photo", "foto", "figure", "figura", "banner", "imagem", "alt"]

  /// The alternative text worth reading, or nil when there is none (empty, the file's name, a
  /// placeholder word): such an image is decorative to a reader. The content check warns once.
  public var readableAlt: String? {
    let text = alt.trimmingCharacters(in: " \t\n")
    let fileName = String(source.split(separator: "/").last ?? "")
    let stem = String(fileName.split(separator: ".").first ?? "")
    let lower = text.lowercased()
    if text.isEmpty || lower == fileName.lowercased() || lower == stem.lowercased() || Image.placeholderAlts.contains(lower) { return nil }
    return text
  }
}
