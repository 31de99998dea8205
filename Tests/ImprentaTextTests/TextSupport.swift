import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaText
import Testing

/// The plain text of a Markdown snippet, read as a page would be.
func text(_ markdown: String, columns: Int = 72, language: String = "en") throws -> String {
  var diagnostics = Diagnostics()
  var document = try PageReader().read(markdown: markdown, diagnostics: &diagnostics)
  if document.metadata.language.isEmpty { document.metadata.language = language }
  var style = Style()
  style.text.columns = columns
  return TextWriter(style: style).write(document, diagnostics: &diagnostics)
}

/// The body text of a snippet without a title block (`hideTitle`).
func body(_ markdown: String, columns: Int = 72, language: String = "en") throws -> String {
  try text("---\nhideTitle: true\n---\n" + markdown, columns: columns, language: language)
}
