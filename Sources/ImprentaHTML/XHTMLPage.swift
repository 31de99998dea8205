import CLibXML2

/// One rendered XHTML document, kept as a tree until it is written, so a packager can read its
/// ids and rewrite its links first. No C type crosses this API.
package final class XHTMLPage {
  let tree: XMLTree

  init(tree: XMLTree) { self.tree = tree }

  /// Every `id` in the page, in document order.
  package var ids: [String] {
    var out: [String] = []
    tree.root?.forEachElement { if let id = $0.attribute("id") { out.append(id) } }
    return out
  }

  /// The text of the page's body (for sizes and hashes).
  package var bodyText: String { tree.root?.textContent ?? "" }

  /// Calls `transform` with every link's `href`: a new value replaces it, nil turns the link into
  /// a `span` (its text kept). Returns how many links were turned into text.
  @discardableResult
  package func rewriteLinks(_ transform: (String) -> String?) -> Int {
    var links: [XMLNode] = []
    tree.root?.forEachElement { if $0.name == "a", $0.attribute("href") != nil { links.append($0) } }
    var unlinked = 0
    for a in links {
      guard let href = a.attribute("href") else { continue }
      if let new = transform(href) {
        if new != href { a.set("href", new) }
      } else {
        a.removeAttribute("href")
        a.removeAttribute("role")
        xmlUnsetNsProp(a.pointer, xmlSearchNs(tree.doc, a.pointer, "epub"), "type")
        xmlNodeSetName(a.pointer, "span")
        unlinked += 1
      }
    }
    return unlinked
  }

  /// The page as UTF-8 bytes.
  package func serialize(declaration: Bool) -> [UInt8] {
    tree.serialize(declaration: declaration)
  }
}
