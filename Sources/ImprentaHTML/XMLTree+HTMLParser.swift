import CLibXML2
import ImprentaModel

extension XMLTree {
  /// The name and attributes of one HTML start tag (`<abbr title="a &amp; b" hidden>`), read by
  /// libxml2's HTML parser: entities resolved, attributes without values given their name.
  /// The parser loads no DTD, fetches nothing and expands no external entity.
  static func parseStartTag(_ fragment: String) -> (name: String, attributes: [KeyValue<String>])? {
    _ = XMLTree.initialized
    let wrapped = "<!DOCTYPE html><html><body>" + fragment + "</body></html>"
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
    let doc: htmlDocPtr? = wrapped.withCString { p in
      htmlReadMemory(p, Int32(wrapped.utf8.count), nil, "UTF-8", options)
    }
    guard let doc else { return nil }
    defer { xmlFreeDoc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return nil }
    // The first element below <body>, however the parser nested it.
    var stack: [xmlNodePtr] = [root]
    var found: xmlNodePtr?
    var bodySeen = false
    while let n = stack.popLast(), found == nil {
      if n.pointee.type == XML_ELEMENT_NODE {
        let name = String(cString: n.pointee.name).lowercased()
        if bodySeen && name != "p" {
          found = n
          break
        }
        if name == "body" { bodySeen = true }
      }
      var children: [xmlNodePtr] = []
      var c = n.pointee.children
      while let x = c {
        children.append(x)
        c = x.pointee.next
      }
      stack += children.reversed()
    }
    guard let element = found else { return nil }
    var attributes: [KeyValue<String>] = []
    var attr = element.pointee.properties
    while let a = attr {
      defer { attr = a.pointee.next }
      let key = a.pointee.name.map { String(cString: $0).lowercased() } ?? ""
      var value = ""
      if let v = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
        value = String(cString: v)
        imprenta_xml_free(v)
      }
      attributes.append(KeyValue(key, value))
    }
    return (String(cString: element.pointee.name).lowercased(), attributes)
  }
}
