import ImprentaModel

/// An XML element as a Swift value, for the small generated documents of a package (OPF, NCX,
/// navigation, container): built as values, written by libxml2 like every other page.
package struct XMLElementValue: Sendable, Hashable {
  /// Element or text.
  package indirect enum Child: Sendable, Hashable {
    case element(XMLElementValue)
    case text(String)
  }

  /// The qualified name (`dc:title` works when the prefix is declared on an ancestor).
  package var name: String
  /// Attributes in order; `xmlns:p` declares a prefix, `xmlns` on the root the default namespace.
  package var attributes: [KeyValue<String>]
  package var children: [Child]

  package init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [XMLElementValue] = []) {
    self.name = name
    self.attributes = attributes.map { KeyValue($0.key, $0.value) }
    self.children = children.map { .element($0) }
  }

  package init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
    self.name = name
    self.attributes = attributes.map { KeyValue($0.key, $0.value) }
    children = [.text(text)]
  }

  /// Adds an attribute.
  package mutating func set(_ key: String, _ value: String) { attributes.append(KeyValue(key, value)) }

  /// The document as bytes, with an XML declaration; `html` adds `<!DOCTYPE html>` and XHTML layout.
  package func serialize(html: Bool = false) -> [UInt8] {
    let tree = XMLTree(layout: html ? .xhtml : .data)
    let namespace = attributes.first { $0.key == "xmlns" }?.value
    let root = tree.makeRoot(name, namespace: namespace, doctype: html)
    fill(root, skipping: "xmlns")
    return tree.serialize(declaration: true)
  }

  func fill(_ node: XMLNode, skipping: String? = nil) {
    for a in attributes where a.key.hasPrefix("xmlns:") { node.declareNamespace(prefix: String(a.key.dropFirst(6)), uri: a.value) }
    for a in attributes where a.key != skipping && !a.key.hasPrefix("xmlns:") { node.set(a.key, a.value) }
    for child in children {
      switch child {
      case .element(let e): e.fill(node.element(e.name))
      case .text(let t): node.text(t)
      }
    }
  }
}
