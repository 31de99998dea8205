import CLibXML2
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
func xmlErrors(_ text: String) -> [String] {
  let errors = XMLErrorCollector()
  let context = xmlNewParserCtxt()!
  defer { xmlFreeParserCtxt(context) }
  xmlSetStructuredErrorFunc(Unmanaged.passUnretained(errors).toOpaque()) { ctx, error in
    guard let ctx, let error else { return }
    let collector = Unmanaged<XMLErrorCollector>.fromOpaque(ctx).takeUnretainedValue()
    collector.messages.append("\(error.pointee.line): " + (error.pointee.message.map { String(cString: $0) } ?? "?"))
  }
  defer { xmlSetStructuredErrorFunc(nil, nil) }
  let doc = text.withCString { p in
    xmlCtxtReadMemory(context, p, Int32(text.utf8.count), "page.xhtml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
  }
  if let doc { xmlFreeDoc(doc) } else if errors.messages.isEmpty { errors.messages.append("not parsed") }
  return errors.messages
}

final class XMLErrorCollector: @unchecked Sendable {
  var messages: [String] = []
}
