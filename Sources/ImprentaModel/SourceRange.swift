/// A position in a source file: 1-based line and column (columns count bytes, as cmark does).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// The span of source text a node came from; `.unknown` for generated nodes.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
  /// The first character.
  public var start: SourcePosition
  /// The last character (inclusive).
  public var end: SourcePosition

  /// Creates a range.
  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// Creates a range from line and column numbers.
  public init(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) {
    self.init(start: .init(line: startLine, column: startColumn), end: .init(line: endLine, column: endColumn))
  }

  /// A range for nodes that have no source (generated titles, notes sections).
  public static let unknown = SourceRange(0, 0, 0, 0)

  /// Whether this range points into a source.
  public var isKnown: Bool { start.line > 0 }

  public var description: String { "\(start)-\(end)" }
}
