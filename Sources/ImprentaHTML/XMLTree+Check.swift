import CLibXML2

/// Well-formedness checks for tests and validators: libxml2's XML parser, loading nothing external.
package enum XMLCheck {
  /// The errors libxml2 reports for `text` (empty for well-formed XML), as `line: message`.
  package static func errors(_ text: String) -> [String] {
    _ = XMLTree.initialized
    let collector = Collector()
    guard let context = xmlNewParserCtxt() else { return ["no parser"] }
    defer { xmlFreeParserCtxt(context) }
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { ctx, error in
      guard let ctx, let error else { return }
      let collector = Unmanaged<Collector>.fromOpaque(ctx).takeUnretainedValue()
      let message = error.pointee.message.map { String(cString: $0) } ?? "?"
      collector.messages.append("\(error.pointee.line): " + message.trimmingCharacters(in: "\n"))
    }
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    let doc = text.withCString { p in
      xmlCtxtReadMemory(context, p, Int32(text.utf8.count), "page.xhtml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
    }
    if let doc { xmlFreeDoc(doc) } else if collector.messages.isEmpty { collector.messages.append("not parsed") }
    return collector.messages
  }

  private final class Collector {
    var messages: [String] = []
  }
}
