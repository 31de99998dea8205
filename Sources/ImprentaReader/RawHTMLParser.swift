import CLibXML2
import ImprentaModel

/// Raw HTML from a page → repaired, safe `HTMLNode`s.
///
/// libxml2's HTML parser does the repair (unclosed tags, `&oacute;`, bare `&`, attributes
/// without values); this type applies the safety rules and reports each thing it drops.
/// The parser gets no `NOENT` and no network: HTML parsing loads no DTD and expands no
/// external entity.
struct RawHTMLParser {
  /// Elements dropped with everything inside them.
  static let dropped: Set<String> = [
    "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input", "button",
    "select", "textarea", "option", "base", "link", "meta", "frame", "frameset", "head", "title", "param", "svg", "math",
  ]
  /// Elements kept as they are (with safe attributes); anything else is unwrapped, its content kept.
  static let kept: Set<String> = [
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "nav", "ol",
    "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr", "center", "font", "big", "tt", "strike",
  ]
  /// Attributes whose value is a URL (checked for `javascript:` and friends).
  static let urlAttributes: Set<String> = ["href", "src", "cite", "longdesc", "srcset", "poster", "action", "formaction", "xlink:href"]
  /// URL attributes that name an image (a `data:` raster image is allowed there, not in links).
  static let imageAttributes: Set<String> = ["src", "srcset", "poster"]
  /// Attributes kept; others (including every `on*` handler) are dropped.
  static let keptAttributes: Set<String> = [
    "href", "src", "alt", "title", "width", "height", "id", "class", "lang", "dir", "colspan", "rowspan", "align",
    "start", "type", "cite", "datetime", "open", "scope", "headers", "abbr", "reversed", "value",
  ]

  let file: String
  let range: SourceRange

  /// The safe nodes of an HTML fragment; warnings for what was dropped go to `diagnostics`.
  func parse(_ html: String, diagnostics: inout Diagnostics) -> [HTMLNode] {
    let (html, removed, _) = RawHTMLParser.stripDeclarations(html)
    if removed {
      diagnostics.report(.unsafeHTML, "a document type or entity declaration in raw HTML was dropped: entities are never defined or expanded", file: file, at: range)
    }
    let wrapped = "<!DOCTYPE html><html><body>" + html + "</body></html>"
    let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue)
    let doc: htmlDocPtr? = wrapped.withCString { p in
      htmlReadMemory(p, Int32(wrapped.utf8.count), nil, "UTF-8", options)
    }
    guard let doc else { return [.text(html)] }
    defer { xmlFreeDoc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return [] }
    var body: xmlNodePtr? = root.pointee.children
    while let b = body, !(b.pointee.type == XML_ELEMENT_NODE && name(b) == "body") { body = b.pointee.next }
    var reported: Set<String> = []
    var budget = 200_000
    return convertChildren(of: body ?? root, depth: 0, budget: &budget, reported: &reported, diagnostics: &diagnostics)
  }

  func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
  }

  func convertChildren(of parent: xmlNodePtr, depth: Int, budget: inout Int, reported: inout Set<String>, diagnostics: inout Diagnostics) -> [HTMLNode] {
    var out: [HTMLNode] = []
    var child = parent.pointee.children
    while let c = child {
      budget -= 1
      if budget < 0 { break }
      out += convert(c, depth: depth, budget: &budget, reported: &reported, diagnostics: &diagnostics)
      child = c.pointee.next
    }
    return out
  }

  func warnOnce(_ key: String, _ message: String, _ reported: inout Set<String>, _ diagnostics: inout Diagnostics, code: DiagnosticCode = .unsafeHTML) {
    guard reported.insert(key).inserted else { return }
    diagnostics.report(code, message, file: file, at: range)
  }

  func convert(_ node: xmlNodePtr, depth: Int, budget: inout Int, reported: inout Set<String>, diagnostics: inout Diagnostics) -> [HTMLNode] {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      guard let content = xmlNodeGetContent(node) else { return [] }
      defer { imprenta_xml_free(content) }
      return [.text(String(cString: content))]
    case XML_ELEMENT_NODE:
      break
    default:
      return []  // Comments, processing instructions, DTD nodes: dropped quietly.
    }
    let tag = name(node)
    if depth > 100 {
      return [.text(HTMLNode.element(name: tag, attributes: [], children: convertChildren(of: node, depth: depth, budget: &budget, reported: &reported, diagnostics: &diagnostics)).textContent)]
    }
    if tag == "iframe" {
      let src = attribute(node, "src") ?? ""
      guard !src.isEmpty, URLPolicy.isAllowedLink(src) else {
        warnOnce("iframe", "an <iframe> without a usable source was dropped", &reported, &diagnostics)
        return []
      }
      warnOnce("iframe", "an <iframe> cannot be shown on paper or in e-books: it became a link to \(src)", &reported, &diagnostics)
      let title = attribute(node, "title") ?? src
      return [.element(name: "a", attributes: [KeyValue("href", src), KeyValue("class", "embed")], children: [.text(title)])]
    }
    if RawHTMLParser.dropped.contains(tag) {
      warnOnce("element-" + tag, "<\(tag)> in raw HTML was dropped", &reported, &diagnostics)
      return []
    }
    if isHidden(node) {
      warnOnce("hidden", "hidden content in raw HTML (<\(tag)> with hidden or display: none) was dropped: a browser does not show it either", &reported, &diagnostics)
      return []
    }
    let children = convertChildren(of: node, depth: depth + 1, budget: &budget, reported: &reported, diagnostics: &diagnostics)
    guard RawHTMLParser.kept.contains(tag) else { return children }
    var attributes: [KeyValue<String>] = []
    var attr = node.pointee.properties
    while let a = attr {
      defer { attr = a.pointee.next }
      let key = a.pointee.name.map { String(cString: $0).lowercased() } ?? ""
      var value = ""
      if let v = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
        value = String(cString: v)
        imprenta_xml_free(v)
      }
      if key.hasPrefix("on") {
        warnOnce("on-attribute", "event handler attributes (\(key)) in raw HTML were dropped", &reported, &diagnostics)
        continue
      }
      if RawHTMLParser.urlAttributes.contains(key), let why = URLPolicy.refusal(value, image: RawHTMLParser.imageAttributes.contains(key)) {
        warnOnce("url-" + key, "an unsafe URL in \(key)=\"…\" was dropped: \(why)", &reported, &diagnostics)
        continue
      }
      guard RawHTMLParser.keptAttributes.contains(key) || key.hasPrefix("data-") || key.hasPrefix("aria-") else { continue }
      if key == "lang" {
        guard let tag = LanguageTag.wellFormed(value), !tag.isEmpty else {
          if !value.isEmpty { warnOnce("lang", "lang=\"\(value.escapedForLog)\" is not a language tag: dropped", &reported, &diagnostics, code: .invalidLanguageTag) }
          continue
        }
        value = tag
      }
      attributes.append(KeyValue(key, value.isEmpty && !["alt", "value"].contains(key) ? key : value))
    }
    return [.element(name: tag, attributes: attributes, children: children)]
  }

  /// Whether an element is hidden from readers: a `hidden` attribute, or an inline style with
  /// `display: none` or `visibility: hidden` (content written for crawlers, not people).
  func isHidden(_ node: xmlNodePtr) -> Bool {
    if xmlHasProp(node, "hidden") != nil { return true }
    guard let style = attribute(node, "style")?.lowercased().filter({ !$0.isWhitespace }) else { return false }
    return style.contains("display:none") || style.contains("visibility:hidden")
  }

  func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
    guard let v = xmlGetProp(node, key) else { return nil }
    defer { imprenta_xml_free(v) }
    return String(cString: v)
  }

  /// `html` without markup declarations (`<!DOCTYPE x [ … ]>`, `<!ENTITY …>`, `<!ELEMENT`, `<!ATTLIST`,
  /// `<!NOTATION`): raw HTML never defines entities (XXE, billion laughs). Also says whether one was
  /// removed and whether an internal subset was left open (cmark ends an HTML block at the first `>`,
  /// so `]>` may follow as a paragraph of its own).
  static func stripDeclarations(_ html: String) -> (html: String, removed: Bool, openSubset: Bool) {
    let keywords = ["doctype", "entity", "element", "attlist", "notation"]
    guard html.utf8.contains(UInt8(ascii: "!")) else { return (html, false, false) }
    let b = html.utf8Bytes
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var removed = false, open = false
    var i = 0
    while i < b.count {
      if b[i] == UInt8(ascii: "<"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "!") {
        var j = i + 2
        while j < b.count, (b[j] | 0x20) >= UInt8(ascii: "a"), (b[j] | 0x20) <= UInt8(ascii: "z") { j += 1 }
        let word = String(decoding: b[(i + 2)..<j], as: UTF8.self).lowercased()
        if keywords.contains(word) {
          var depth = 0
          var quote: UInt8?
          while j < b.count {
            let c = b[j]
            if let q = quote {
              if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
              quote = c
            } else if c == UInt8(ascii: "[") {
              depth += 1
            } else if c == UInt8(ascii: "]") {
              depth = max(0, depth - 1)
            } else if c == UInt8(ascii: ">") && depth == 0 {
              break
            }
            j += 1
          }
          if j >= b.count && depth > 0 { open = true }
          removed = true
          i = j + 1
          continue
        }
      }
      out.append(b[i])
      i += 1
    }
    return (String(decoding: out, as: UTF8.self), removed, open)
  }
}
