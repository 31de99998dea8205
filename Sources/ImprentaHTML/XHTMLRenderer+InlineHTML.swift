import ImprentaModel

/// The raw HTML elements open within one run of inlines.
struct InlineHTMLState {
  let root: XMLNode
  var stack: [(name: String, node: XMLNode)] = []
  /// The element whose content is being dropped (`script`, `iframe`…), until its end tag.
  var skipping: String?

  init(root: XMLNode) { self.root = root }

  /// Where the next inline goes.
  var current: XMLNode { stack.last?.node ?? root }
}

/// Rules for raw HTML tags inside a paragraph: Markdown hands them over one tag at a time.
enum InlineHTMLRules {
  /// Phrasing elements kept (with their safe attributes); obsolete ones are renamed.
  static let kept: [String: String] = [
    "a": "a", "abbr": "abbr", "b": "b", "bdi": "bdi", "bdo": "bdo", "br": "br", "cite": "cite", "code": "code",
    "del": "del", "dfn": "dfn", "em": "em", "i": "i", "img": "img", "ins": "ins", "kbd": "kbd", "mark": "mark",
    "q": "q", "rp": "rp", "rt": "rt", "ruby": "ruby", "s": "s", "samp": "samp", "small": "small", "span": "span",
    "strong": "strong", "sub": "sub", "sup": "sup", "time": "time", "u": "u", "var": "var", "wbr": "wbr",
    "strike": "s", "tt": "code", "big": "span", "font": "span",
  ]
  /// Elements dropped with their content, with a warning.
  static let droppedWithContent: Set<String> = [
    "script", "style", "noscript", "template", "textarea", "select", "object", "applet", "button", "form", "math", "svg",
    "title", "video", "audio", "canvas",
  ]
  /// Empty elements dropped, with a warning.
  static let droppedEmpty: Set<String> = ["input", "embed", "link", "meta", "base", "param", "source", "track", "frame", "keygen"]
  /// Elements with no end tag.
  static let void: Set<String> = ["br", "wbr", "img"]
  /// Attributes every kept element may have.
  static let global: Set<String> = ["id", "class", "title", "lang", "dir"]
  /// Further attributes per element.
  static let specific: [String: Set<String>] = [
    "a": ["href"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"], "time": ["datetime"],
    "img": ["src", "alt", "width", "height"],
  ]
  static let urlAttributes: Set<String> = ["href", "src", "cite"]

  /// The lower-cased tag name of `<name …>` or `</name>`, and whether it is an end tag.
  static func tagName(_ html: String) -> (name: String, isEnd: Bool, selfClosing: Bool)? {
    var s = Substring(html.trimmingCharacters(in: " \t\n"))
    guard s.hasPrefix("<"), !s.hasPrefix("<!"), !s.hasPrefix("<?") else { return nil }
    s = s.dropFirst()
    let isEnd = s.hasPrefix("/")
    if isEnd { s = s.dropFirst() }
    let name = s.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.lowercased()
    guard !name.isEmpty else { return nil }
    return (name, isEnd, html.hasSuffix("/>"))
  }
}

extension XHTMLRenderer {
  /// One raw HTML tag among inlines: opens, closes or drops an element on the local stack.
  mutating func handleInlineHTML(_ h: InlineHTML, state: inout InlineHTMLState) {
    guard let tag = InlineHTMLRules.tagName(h.html) else { return }  // comments, declarations: dropped
    if let skipping = state.skipping {
      if tag.isEnd && tag.name == skipping { state.skipping = nil }
      return
    }
    if tag.isEnd {
      let target = InlineHTMLRules.kept[tag.name] ?? tag.name
      if let i = state.stack.lastIndex(where: { $0.name == target }) { state.stack.removeSubrange(i...) }
      return
    }
    if InlineHTMLRules.droppedWithContent.contains(tag.name) {
      diagnostics.report(.unsafeHTML, "<\(tag.name)> in raw HTML was dropped with its content", file: file, at: h.range)
      if !tag.selfClosing { state.skipping = tag.name }
      return
    }
    if InlineHTMLRules.droppedEmpty.contains(tag.name) {
      diagnostics.report(.unsafeHTML, "<\(tag.name)> in raw HTML was dropped", file: file, at: h.range)
      return
    }
    let parsed = XMLTree.parseStartTag(h.html)
    let attributes = parsed?.attributes ?? []
    if tag.name == "iframe" {
      if !tag.selfClosing { state.skipping = "iframe" }
      renderIframe(attributes, into: state.current, range: h.range)
      return
    }
    guard let name = InlineHTMLRules.kept[tag.name], !(name == "a" && state.current.hasAncestor(named: "a")) else { return }
    let safe = safeAttributes(attributes, for: name, range: h.range)
    if name == "img" {
      let src = safe.first { $0.key == "src" }?.value ?? ""
      let alt = attributes.first { $0.key == "alt" }?.value ?? ""
      let title = safe.first { $0.key == "title" }?.value ?? ""
      let width = safe.first { $0.key == "width" }?.value, height = safe.first { $0.key == "height" }?.value
      renderImage(Image(source: src, alt: alt, title: title, range: h.range), into: state.current, width: width, height: height)
      return
    }
    let node = state.current.element(name)
    for a in safe { node.set(a.key, a.value) }
    if InlineHTMLRules.void.contains(name) || tag.selfClosing { return }
    state.stack.append((name, node))
  }

  /// An `iframe` cannot be shown on paper or in e-books: a link to its source takes its place.
  mutating func renderIframe(_ attributes: [KeyValue<String>], into parent: XMLNode, range: SourceRange) {
    let src = attributes.first { $0.key == "src" }?.value ?? ""
    guard !src.isEmpty, URLPolicy.isAllowedLink(src), !parent.hasAncestor(named: "a") else {
      diagnostics.report(.unsafeHTML, "an <iframe> without a usable source was dropped", file: file, at: range)
      return
    }
    diagnostics.report(.unsafeHTML, "an <iframe> cannot be shown on paper or in e-books: it became a link to \(src)", file: file, at: range)
    let title = attributes.first { $0.key == "title" }?.value ?? ""
    parent.element("a", ["href": src, "class": "embed"]).text(title.isEmpty ? src : title)
  }

  /// The attributes of a raw inline element that are safe and valid on `element`, with warnings
  /// for event handlers and script URLs.
  mutating func safeAttributes(_ attributes: [KeyValue<String>], for element: String, range: SourceRange) -> [KeyValue<String>] {
    var out: [KeyValue<String>] = []
    for a in attributes {
      if a.key.hasPrefix("on") {
        diagnostics.report(.unsafeHTML, "the event handler attribute \(a.key) in raw HTML was dropped", file: file, at: range)
        continue
      }
      if InlineHTMLRules.urlAttributes.contains(a.key), let why = URLPolicy.refusal(a.value, image: a.key == "src") {
        diagnostics.report(.unsafeURL, "an unsafe URL in \(a.key)=\"…\" was dropped: \(why)", file: file, at: range)
        continue
      }
      guard InlineHTMLRules.global.contains(a.key) || InlineHTMLRules.specific[element]?.contains(a.key) == true else { continue }
      if (a.key == "width" || a.key == "height") && (a.value.isEmpty || !a.value.allSatisfy(\.isASCII) || !a.value.allSatisfy(\.isNumber)) { continue }
      if a.key == "id" {
        guard let id = claim(a.value, range: range) else { continue }
        out.append(KeyValue("id", id))
        continue
      }
      if a.key == "dir" && !["ltr", "rtl", "auto"].contains(a.value.lowercased()) { continue }
      out.append(a)
      if a.key == "lang" { out.append(KeyValue("xml:lang", a.value)) }
    }
    return out
  }
}
