import CLibXML2
import ImprentaModel

/// An XML document held as a libxml2 tree: built node by node, serialised by libxml2, freed in `deinit`.
///
/// Every string that enters the tree is first cleaned of characters XML forbids (`XMLText`);
/// `strippedCharacters` counts what was removed so the renderer can warn about the right line.
final class XMLTree {
  /// How the serialiser lays out whitespace.
  enum Layout {
    /// XHTML: a newline between the children of block containers only, and empty non-void
    /// elements written `<p></p>` (an HTML parser reads `<p/>` as an unclosed start tag).
    case xhtml
    /// Data formats (OPF, NCX, container): a newline between children of any element holding only elements.
    case data
  }

  let doc: xmlDocPtr
  let layout: Layout
  /// The namespace new elements are put in (the root's default namespace), if any.
  private(set) var namespace: xmlNsPtr?
  /// How many forbidden characters were removed so far.
  private(set) var strippedCharacters = 0

  /// libxml2 2.9 must be initialised once before threads use it; `static let` runs this exactly once.
  static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// Creates an empty document.
  init(layout: Layout) {
    _ = XMLTree.initialized
    doc = xmlNewDoc("1.0")
    self.layout = layout
  }

  deinit { xmlFreeDoc(doc) }

  /// Creates the root element in `namespace` (a default namespace declaration), with `<!DOCTYPE name>` if asked.
  func makeRoot(_ name: String, namespace uri: String?, doctype: Bool = false) -> XMLNode {
    if doctype { _ = xmlCreateIntSubset(doc, name, nil, nil) }
    let node = xmlNewDocNode(doc, nil, name, nil)!
    _ = xmlDocSetRootElement(doc, node)
    if let uri {
      namespace = xmlNewNs(node, uri, nil)
      xmlSetNs(node, namespace)
    }
    return XMLNode(pointer: node, tree: self)
  }

  /// `text` cleaned, counting what was removed.
  func clean(_ text: String) -> String {
    let (cleaned, removed) = XMLText.clean(text)
    if removed { strippedCharacters += text.unicodeScalars.count - cleaned.unicodeScalars.count }
    return cleaned
  }

  /// The root element.
  var root: XMLNode? {
    xmlDocGetRootElement(doc).map { XMLNode(pointer: $0, tree: self) }
  }

  // MARK: - Serialising

  /// Elements that hold blocks: a newline between their children keeps the file readable
  /// without adding visible space (never `pre`, never phrasing elements).
  static let blockContainers: Set<String> = [
    "html", "head", "body", "section", "header", "footer", "nav", "div", "blockquote", "ul", "ol", "li", "dl",
    "table", "thead", "tbody", "tfoot", "tr", "figure", "aside", "article", "main", "details", "colgroup", "address",
  ]
  /// HTML elements that have no end tag.
  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  ]

  /// The document as bytes, UTF-8, with or without the XML declaration.
  func serialize(declaration: Bool = true) -> [UInt8] {
    if let root { prepare(root) }
    guard let buffer = xmlBufferCreate() else { return [] }
    defer { xmlBufferFree(buffer) }
    var options = Int32(XML_SAVE_NO_XHTML.rawValue)
    if !declaration { options |= Int32(XML_SAVE_NO_DECL.rawValue) }
    guard let context = xmlSaveToBuffer(buffer, "UTF-8", options) else { return [] }
    _ = xmlSaveDoc(context, doc)
    _ = xmlSaveClose(context)
    guard let content = xmlBufferContent(buffer) else { return [] }
    var bytes = Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    return bytes
  }

  /// Adds layout newlines and the empty-text children that keep non-void elements open.
  private func prepare(_ node: XMLNode) {
    let children = node.children
    if children.isEmpty {
      if layout == .xhtml && !XMLTree.voidElements.contains(node.name) { node.appendRawText("") }
      return
    }
    for child in children where child.isElement { prepare(child) }
    // Only where text is whitespace alone: elsewhere a newline could add a visible space.
    guard children.allSatisfy({ $0.isElement || $0.isWhitespaceText }) else { return }
    switch layout {
    case .xhtml: guard XMLTree.blockContainers.contains(node.name) else { return }
    case .data: break
    }
    var previousIsText = false
    for child in children {
      if child.isElement && !previousIsText { child.insertRawTextBefore("\n") }
      previousIsText = !child.isElement
    }
    if !previousIsText { node.appendRawText("\n") }
  }
}

/// A node inside an `XMLTree`: a handle, valid while its tree lives.
struct XMLNode {
  let pointer: xmlNodePtr
  unowned let tree: XMLTree

  /// The local name.
  var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }
  /// Whether this is an element.
  var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
  /// Whether this is a text node holding only whitespace.
  var isWhitespaceText: Bool {
    guard pointer.pointee.type == XML_TEXT_NODE, let content = pointer.pointee.content else { return false }
    var p = content
    while p.pointee != 0 {
      guard [0x20, 0x09, 0x0A, 0x0D].contains(p.pointee) else { return false }
      p += 1
    }
    return true
  }

  /// The child nodes, in order.
  var children: [XMLNode] {
    var out: [XMLNode] = []
    var c = pointer.pointee.children
    while let n = c {
      out.append(XMLNode(pointer: n, tree: tree))
      c = n.pointee.next
    }
    return out
  }

  /// The parent element, if any.
  var parent: XMLNode? {
    guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
    return XMLNode(pointer: p, tree: tree)
  }

  /// Appends a new child element and returns it.
  @discardableResult
  func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) -> XMLNode {
    var namespace = tree.namespace
    var local = name
    if let colon = name.firstIndex(of: ":"), let ns = xmlSearchNs(tree.doc, pointer, String(name[..<colon])) {
      namespace = ns
      local = String(name[name.index(after: colon)...])
    }
    let child = xmlNewDocNode(tree.doc, namespace, local, nil)!
    xmlAddChild(pointer, child)
    let node = XMLNode(pointer: child, tree: tree)
    for (k, v) in attributes { node.set(k, v) }
    return node
  }

  /// Appends text (cleaned of forbidden characters; libxml2 escapes it when writing).
  func text(_ string: String) {
    let cleaned = tree.clean(string)
    guard !cleaned.isEmpty else { return }
    appendRawText(cleaned)
  }

  func appendRawText(_ string: String) {
    let t = xmlNewDocText(tree.doc, string)!
    xmlAddChild(pointer, t)
  }

  func insertRawTextBefore(_ string: String) {
    let t = xmlNewDocText(tree.doc, string)!
    xmlAddPrevSibling(pointer, t)
  }

  /// Sets an attribute (its value cleaned; `xml:` and declared prefixes resolve to their namespace).
  func set(_ name: String, _ value: String) {
    _ = xmlSetProp(pointer, name, tree.clean(value))
  }

  /// The value of an attribute without namespace, or nil.
  func attribute(_ name: String) -> String? {
    guard let v = xmlGetNoNsProp(pointer, name) else { return nil }
    defer { imprenta_xml_free(v) }
    return String(cString: v)
  }

  /// Removes an attribute without namespace.
  func removeAttribute(_ name: String) {
    _ = xmlUnsetProp(pointer, name)
  }

  /// Declares a namespace prefix on this element.
  func declareNamespace(prefix: String, uri: String) {
    _ = xmlNewNs(pointer, uri, prefix)
  }

  /// Whether the element has no children at all.
  var isEmpty: Bool { pointer.pointee.children == nil }

  /// Calls `body` for this node and every element below it, in document order.
  func forEachElement(_ body: (XMLNode) -> Void) {
    guard isElement else { return }
    body(self)
    for c in children { c.forEachElement(body) }
  }

  /// Replaces this element by its children (keeps the content, drops the tag).
  func unwrap() {
    var c = pointer.pointee.children
    while let n = c {
      c = n.pointee.next
      xmlUnlinkNode(n)
      xmlAddPrevSibling(pointer, n)
    }
    xmlUnlinkNode(pointer)
    xmlFreeNode(pointer)
  }

  /// The concatenated text below this node.
  var textContent: String {
    guard let c = xmlNodeGetContent(pointer) else { return "" }
    defer { imprenta_xml_free(c) }
    return String(cString: c)
  }
}
