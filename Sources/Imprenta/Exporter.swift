import ImprentaText

/// Runs documents through the backends.
public struct Exporter: Sendable {
  /// The style every backend reads.
  public var style: Style
  /// Where backends get images and the build date.
  public var environment: ExportEnvironment

  /// Creates an exporter.
  public init(style: Style, environment: ExportEnvironment) {
    self.style = style
    self.environment = environment
  }

  /// The formats this build can write.
  public static let availableFormats: Set<OutputFormat> = [.txt]

  /// The bytes of several documents as one publication (a book) in `format`.
  public func export(book documents: [Document], as format: OutputFormat, diagnostics: inout Diagnostics) throws -> [UInt8] {
    switch format {
    case .txt:
      let writer = TextWriter(style: style)
      let parts = documents.map { writer.write($0, diagnostics: &diagnostics) }
      return Array(parts.joined(separator: "\n\n").utf8)
    case .pdf, .epub, .xhtml:
      guard let first = documents.first else { return [] }
      throw ImprentaError("format-not-available", "the \(format.rawValue) format is not built yet", file: first.sourcePath)
    }
  }

  /// The bytes of `document` in `format`. Throws for a format this build cannot write.
  public func export(_ document: Document, as format: OutputFormat, diagnostics: inout Diagnostics) throws -> [UInt8] {
    switch format {
    case .txt:
      return Array(TextWriter(style: style).write(document, diagnostics: &diagnostics).utf8)
    case .pdf, .epub, .xhtml:
      throw ImprentaError("format-not-available", "the \(format.rawValue) format is not built yet", file: document.sourcePath)
    }
  }
}
