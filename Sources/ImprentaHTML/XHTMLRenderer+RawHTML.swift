import ImprentaModel

/// HTML5 content rules applied to the reader's safe HTML so EPUB validators accept it: obsolete
/// elements renamed, elements out of place turned into `div`/`span`, obsolete attributes dropped.
enum RawHTMLRules {
  static let renamed: [String: String] = ["center": "div", "font": "span", "big": "span", "tt": "code", "strike": "s"]
  static let phrasing: Set<String> = [
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark", "q",
    "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
  ]
  /// Elements whose children must be phrasing content.
  static let phrasingContent: Set<String> = phrasing.union(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary"])
  /// Elements that are only valid inside certain parents.
  static let requiredParent: [String: Set<String>] = [
    "li": ["ul", "ol"], "dt": ["dl"], "dd": ["dl"], "tr": ["table", "thead", "tbody", "tfoot"], "td": ["tr"], "th": ["tr"],
    "thead": ["table"], "tbody": ["table"], "tfoot": ["table"], "caption": ["table"], "colgroup": ["table"], "col": ["colgroup"],
    "figcaption": ["figure"], "summary": ["details"], "rt": ["ruby"], "rp": ["ruby"],
  ]
  /// Elements that only take certain children; anything else is wrapped in the second element.
  static let restrictedChildren: [String: (allowed: Set<String>, wrapper: String)] = [
    "ul": (["li"], "li"), "ol": (["li"], "li"), "dl": (["dt", "dd", "div"], "dd"), "tr": (["td", "th"], "td"),
    "table": (["caption", "colgroup", "thead", "tbody", "tfoot", "tr"], "tr"),
    "thead": (["tr"], "tr"), "tbody": (["tr"], "tr"), "tfoot": (["tr"], "tr"),
  ]
  static let void: Set<String> = ["br", "hr", "img", "wbr", "col"]
  static let global: Set<String> = ["id", "class", "title", "lang", "dir"]
  static let specific: [String: Set<String>] = [
    "a": ["href"], "td": ["colspan", "rowspan", "headers"], "th": ["colspan", "rowspan", "headers", "scope", "abbr"],
    "ol": ["start", "reversed", "type"], "li": ["value"], "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"],
    "ins": ["cite", "datetime"], "time": ["datetime"], "details": ["open"],
  ]
  static let aligned: Set<String> = ["p", "div", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"]
}

extension XHTMLRenderer {
  /// A raw HTML block: the reader's safe nodes, fitted to HTML5's content rules.
  mutating func renderRawHTML(_ raw: RawHTML, into parent: XMLNode) {
    // Whitespace between the block's top-level nodes means nothing; the serialiser lays out blocks.
    let nodes = raw.nodes.filter { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) } else { return true } }
    renderHTMLNodes(nodes, into: parent, phrasing: RawHTMLRules.phrasingContent.contains(parent.name), range: raw.range)
  }

  mutating func renderHTMLNodes(_ nodes: [HTMLNode], into parent: XMLNode, phrasing: Bool, range: SourceRange) {
    for node in nodes { renderHTMLNode(node, into: parent, phrasing: phrasing, range: range) }
  }

  mutating func renderHTMLNode(_ node: HTMLNode, into parent: XMLNode, phrasing: Bool, range: SourceRange) {
    let restriction = RawHTMLRules.restrictedChildren[parent.name]
    switch node {
    case .text(let s):
      guard let restriction else {
        parent.text(s)
        return
      }
      guard !s.allSatisfy(\.isWhitespace) else { return }
      renderHTMLNode(node, into: parent.element(restriction.wrapper), phrasing: false, range: range)
    case .element(let tag, let attributes, let children):
      var name = RawHTMLRules.renamed[tag] ?? tag
      if phrasing && !RawHTMLRules.phrasing.contains(name) { name = "span" }
      if let parents = RawHTMLRules.requiredParent[name], !parents.contains(parent.name) { name = phrasing ? "span" : "div" }
      if let restriction, !restriction.allowed.contains(name) {
        renderHTMLNode(node, into: parent.element(restriction.wrapper), phrasing: false, range: range)
        return
      }
      if name == "a" && parent.hasAncestor(named: "a") {
        renderHTMLNodes(children, into: parent, phrasing: phrasing, range: range)
        return
      }
      if name == "img" {
        func value(_ k: String) -> String? { attributes.first { $0.key == k }?.value }
        let digits = { (v: String?) -> String? in v.flatMap { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } ? $0 : nil } }
        let image = Image(source: value("src") ?? "", alt: value("alt") ?? "", title: value("title") ?? "", range: range)
        renderImage(image, into: parent, width: digits(value("width")), height: digits(value("height")))
        return
      }
      let element = parent.element(name)
      if tag == "center" { element.set("class", "center") }
      setHTMLAttributes(attributes, on: element, tag: tag, parentName: parent.name, range: range)
      if RawHTMLRules.void.contains(name) { return }
      renderHTMLNodes(children, into: element, phrasing: RawHTMLRules.phrasingContent.contains(name), range: range)
    }
  }

  /// Copies the attributes valid on `element` in HTML5; `align` becomes a `text-align` style.
  mutating func setHTMLAttributes(_ attributes: [KeyValue<String>], on element: XMLNode, tag: String, parentName: String, range: SourceRange) {
    let name = element.name
    for a in attributes {
      let v = a.value
      let isInteger = !v.isEmpty && v.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") } && Int(v) != nil
      switch a.key {
      case "id":
        if let id = claim(v, range: range) { element.set("id", id) }
      case "class":
        let existing = element.attribute("class").map { [$0] } ?? []
        element.set("class", (existing + [v]).joined(separator: " "))
      case "lang":
        element.set("lang", v)
        element.set("xml:lang", v)
      case "dir":
        if ["ltr", "rtl", "auto"].contains(v.lowercased()) { element.set("dir", v.lowercased()) }
      case "align":
        let lower = v.lowercased()
        if RawHTMLRules.aligned.contains(name) && ["left", "right", "center", "justify"].contains(lower) {
          element.set("style", "text-align: \(lower)")
        }
      case "colspan", "rowspan", "start", "value":
        if isInteger && (a.key != "value" || parentName == "ol") && RawHTMLRules.specific[name]?.contains(a.key) == true {
          element.set(a.key, v)
        }
      case "type":
        if name == "ol" && ["1", "a", "A", "i", "I"].contains(v) { element.set("type", v) }
      case "scope":
        if name == "th" && ["row", "col", "rowgroup", "colgroup"].contains(v.lowercased()) { element.set("scope", v.lowercased()) }
      case "reversed", "open":
        if RawHTMLRules.specific[name]?.contains(a.key) == true { element.set(a.key, a.key) }
      case "href", "cite":
        if RawHTMLRules.specific[name]?.contains(a.key) == true && URLPolicy.isAllowedLink(v) { element.set(a.key, URLPolicy.written(v)) }
      default:
        if RawHTMLRules.global.contains(a.key) || RawHTMLRules.specific[name]?.contains(a.key) == true {
          element.set(a.key, v)
        } else if a.key.hasPrefix("data-") && a.key.dropFirst(5).allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) && a.key.count > 5 {
          element.set(a.key, v)
        } else if a.key == "aria-label" {
          element.set(a.key, v)
        }
      }
    }
  }
}
