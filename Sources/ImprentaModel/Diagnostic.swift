/// A problem found in the input, with where it is and how bad it is.
///
/// Policy: an *error* means the page cannot be exported (the other pages still are); a *warning*
/// means content was approximated or dropped; a *note* is progress or advice, shown with `--verbose`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad the problem is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// The page cannot be exported.
    case error
    /// Content was approximated or dropped.
    case warning
    /// Progress or advice.
    case note

    private var rank: Int {
      switch self {
      case .error: return 2
      case .warning: return 1
      case .note: return 0
      }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// Error, warning or note.
  public var severity: Severity
  /// The stable code (`unknown-shortcode`, `invalid-utf8`), from the one registry.
  public var code: DiagnosticCode
  /// The file the problem is in.
  public var file: String
  /// The 1-based line, or 0 when the whole file is meant.
  public var line: Int
  /// The 1-based column, or 0.
  public var column: Int
  /// What is wrong, in one sentence.
  public var message: String

  /// Creates a diagnostic at the code's default level.
  public init(_ code: DiagnosticCode, file: String, line: Int = 0, column: Int = 0, message: String) {
    self.init(code.severity, code: code, file: file, line: line, column: column, message: message)
  }

  /// Creates a diagnostic at a level the stage chooses (a failure is an error whatever the default).
  public init(_ severity: Severity, code: DiagnosticCode, file: String, line: Int = 0, column: Int = 0, message: String) {
    self.severity = severity
    self.code = code
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:col: severity: message`, as compilers print it (`file: severity: message` when the
  /// whole file is meant: no `1:1` stand-in): one line, with line breaks and control characters
  /// from the content escaped, and never starting with `::` (a CI command).
  public var description: String {
    let position = line > 0 ? ":\(line):\(max(column, 1))" : ""
    let text = "\(file.escapedForLog)\(position): \(severity.rawValue): \(message.escapedForLog)"
    return text.hasPrefix("::") ? "./" + text : text
  }
}

/// The diagnostics of a run, collected in order. Passes take it `inout` and keep going after warnings.
public struct Diagnostics: Sendable, Hashable {
  /// Everything reported, in order.
  public private(set) var items: [Diagnostic] = []

  /// Creates an empty collector.
  public init() {}

  /// Creates a collector holding `items`.
  public init(_ items: [Diagnostic]) {
    self.items = items
  }

  /// Adds a diagnostic.
  public mutating func report(_ diagnostic: Diagnostic) {
    items.append(diagnostic)
  }

  /// Adds a diagnostic about `range` of `file` at its code's default level (the registry's).
  public mutating func report(_ code: DiagnosticCode, _ message: String, file: String, at range: SourceRange = .unknown) {
    report(Diagnostic(code.severity, code: code, file: file, line: range.start.line, column: range.start.column, message: message))
  }

  /// Adds a warning about `range` of `file`, whatever the code's default level.
  public mutating func warning(_ code: DiagnosticCode, _ message: String, file: String, at range: SourceRange = .unknown) {
    report(Diagnostic(.warning, code: code, file: file, line: range.start.line, column: range.start.column, message: message))
  }

  /// Adds an error about `range` of `file`, whatever the code's default level.
  public mutating func error(_ code: DiagnosticCode, _ message: String, file: String, at range: SourceRange = .unknown) {
    report(Diagnostic(.error, code: code, file: file, line: range.start.line, column: range.start.column, message: message))
  }

  /// Adds a note about `range` of `file`, whatever the code's default level.
  public mutating func note(_ code: DiagnosticCode, _ message: String, file: String, at range: SourceRange = .unknown) {
    report(Diagnostic(.note, code: code, file: file, line: range.start.line, column: range.start.column, message: message))
  }

  /// Appends every diagnostic of another collector.
  public mutating func append(contentsOf other: Diagnostics) {
    items.append(contentsOf: other.items)
  }

  /// The same diagnostics without exact repeats (two backends warning about one image), in order.
  public func deduplicated() -> Diagnostics {
    var seen: Set<Diagnostic> = []
    var d = Diagnostics()
    d.items = items.filter { seen.insert($0).inserted }
    return d
  }

  /// Whether any error was reported.
  public var hasErrors: Bool { items.contains { $0.severity == .error } }
  /// The number of warnings.
  public var warningCount: Int { items.count { $0.severity == .warning } }
  /// The number of errors.
  public var errorCount: Int { items.count { $0.severity == .error } }
  /// Whether nothing was reported.
  public var isEmpty: Bool { items.isEmpty }
}

/// A problem that stops a page from being read or written; it carries where it happened.
public struct ImprentaError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The diagnostic to print.
  public var diagnostic: Diagnostic

  /// Creates an error.
  public init(_ code: DiagnosticCode, _ message: String, file: String, line: Int = 0, column: Int = 0) {
    diagnostic = Diagnostic(.error, code: code, file: file, line: line, column: column, message: message)
  }

  public var description: String { diagnostic.description }
}
