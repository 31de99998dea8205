import Foundation
import ImprentaHTML
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import Testing

/// Reads Markdown and writes standalone XHTML, returning the text and the diagnostics of both steps.
func xhtml(_ markdown: String, style: Style = Style()) throws -> (String, Diagnostics) {
  var diagnostics = Diagnostics()
  let document = try PageReader().read(markdown: markdown, diagnostics: &diagnostics)
  let bytes = XHTMLWriter(style: style, options: .init(stylesheet: .none)).write(document, environment: .empty, diagnostics: &diagnostics)
  return (String(decoding: bytes, as: UTF8.self), diagnostics)
}

/// The body of a page (between `<main>` and `</main>`), for short expectations.
func body(_ page: String) -> String {
  guard let start = page.range(of: "<main>"), let end = page.range(of: "</main>") else { return page }
  return String(page[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The errors libxml2's XML parser finds in `text` (none for well-formed XML); loads nothing external.
func xmlErrors(_ text: String) -> [String] { XMLCheck.errors(text) }
