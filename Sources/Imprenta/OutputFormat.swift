/// An output format Imprenta writes.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Plain UTF-8 text.
  case txt
  /// Printable PDF.
  case pdf
  /// EPUB 3 e-book.
  case epub
  /// Standalone XHTML5 page.
  case xhtml

  /// The file extension of outputs.
  public var fileExtension: String { rawValue }

  /// Formats in the order they are written.
  public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
