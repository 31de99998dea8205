import ImprentaModel
import ImprentaStyle

/// Writes a document as plain text a person reads in a terminal or an e-mail.
///
/// The output is UTF-8 text wrapped at `style.text.columns` display columns (72 by default),
/// with no trailing spaces, deterministic for a given document and style, and ending in exactly
/// one newline. See `TextRenderer` for how each construct is written, including the link
/// (`text [1]`) and footnote (`word{1}`) conventions.
public struct TextWriter: Sendable {
  /// The style; plain text reads `style.text` and the body language fallback.
  public var style: Style
  /// The writer's options.
  public var options: TextOptions

  /// Creates a writer.
  public init(style: Style, options: TextOptions = .init()) {
    self.style = style
    self.options = options
  }

  /// The text of `document`.
  ///
  /// `diagnostics` is there because every backend's entry point has the same shape; plain text
  /// reports nothing today, as it drops no content (a table too wide for columns becomes
  /// records, an over-long code line is continued on the next line).
  public func write(_ document: Document, diagnostics: inout Diagnostics) -> String {
    var renderer = TextRenderer(style: style, options: options, language: document.language(default: style.base.language))
    let layout = renderer.render(document)
    return TextWriter.finish(layout.render(width: width))
  }

  /// The line width used: the option, else the style, never below 10 columns.
  public var width: Int { max(options.columns ?? style.text.columns, 10) }

  /// The text of `document` with `style` (a shortcut for tests).
  public static func write(_ document: Document, style: Style = Style()) -> String {
    var diagnostics = Diagnostics()
    return TextWriter(style: style).write(document, diagnostics: &diagnostics)
  }

  /// Lines joined into the final text: control characters (C0 and C1, escape sequences, carriage
  /// returns) removed from everything written, tab and newline aside; trailing spaces removed, no
  /// blank lines at either end, one newline at the end.
  static func finish(_ lines: [String]) -> String {
    var trimmed = lines.map { line -> Substring in
      // Trailing spaces and tabs trimmed by bytes: a space or tab never joins the cluster
      // before it, so this is the trim by characters, without grapheme breaking from the end.
      let s = line.strippingControlCharacters
      let utf8 = s.utf8
      var end = utf8.endIndex
      while end > utf8.startIndex {
        let before = utf8.index(before: end)
        guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
        end = before
      }
      return s[..<end]
    }
    while trimmed.last?.isEmpty == true { trimmed.removeLast() }
    let start = trimmed.firstIndex { !$0.isEmpty } ?? trimmed.endIndex
    return trimmed[start...].joined(separator: "\n") + "\n"
  }
}
