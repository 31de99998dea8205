import ImprentaModel

extension XHTMLRenderer {
  /// A titled box: `<aside class="admonition KIND admonition-FAMILY">` (in EPUB with the
  /// `epub:type` its family has in the structural semantics vocabulary), its title first as
  /// `<p class="admonition-title">` (the kind, capitalised, when the shortcode gave none), then the body.
  mutating func renderAdmonition(_ c: Container, into parent: XMLNode) {
    guard let a = c.admonition else { return }
    let node = parent.element("aside")
    var attributes = c.attributes
    attributes.classes = ["admonition", a.kind, "admonition-" + a.family.rawValue] + attributes.classes.filter { $0 != a.kind && $0 != "admonition" }
    setAttributes(attributes, on: node, range: c.range)
    if flavor == .epub { node.set("epub:type", XHTMLRenderer.epubType(a.family)) }
    renderInlines(a.label, into: node.element("p", ["class": "admonition-title"]), range: c.range)
    render(c.blocks, into: node)
  }

  /// The vocabulary's word for a family: `tip` for advice, `warning` for care and harm, `notice` otherwise.
  static func epubType(_ family: Admonition.Family) -> String {
    switch family {
    case .tip: return "tip"
    case .warning, .danger: return "warning"
    case .note: return "notice"
    }
  }
}
