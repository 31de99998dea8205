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
