/// Terms and their definitions (Hugo's Goldmark definition lists: `Term` then `: definition`).
public struct DefinitionList: Sendable, Hashable {
  /// The entries, in order.
  public var items: [DefinitionItem]
  /// Whether no blank line comes before any definition's `:` (Goldmark's rule): a tight list's
  /// definitions show their paragraphs without paragraph spacing (`<dd>text</dd>`).
  public var isTight: Bool
  /// Id, classes and pairs from a block attribute line.
  public var attributes: Attributes
  /// Where it came from.
  public var range: SourceRange
  /// Creates a definition list.
  public init(items: [DefinitionItem], isTight: Bool = true, attributes: Attributes = .init(), range: SourceRange = .unknown) {
    self.items = items
    self.isTight = isTight
    self.attributes = attributes
    self.range = range
  }
}

/// One entry of a definition list: one or more terms, one or more definitions.
public struct DefinitionItem: Sendable, Hashable {
  /// The terms (one line each in the source).
  public var terms: [DefinitionTerm]
  /// The definitions, each a sequence of blocks.
  public var definitions: [[Block]]
  /// Where it came from.
  public var range: SourceRange
  /// Creates an entry.
  public init(terms: [DefinitionTerm], definitions: [[Block]], range: SourceRange = .unknown) {
    self.terms = terms
    self.definitions = definitions
    self.range = range
  }
}

/// A defined term.
public struct DefinitionTerm: Sendable, Hashable {
  /// The term text.
  public var content: [Inline]
  /// The anchor id (Hugo's `autoDefinitionTermID`), or empty.
  public var id: String
  /// Where it came from.
  public var range: SourceRange
  /// Creates a term.
  public init(_ content: [Inline], id: String = "", range: SourceRange = .unknown) {
    self.content = content
    self.id = id
    self.range = range
  }
}
