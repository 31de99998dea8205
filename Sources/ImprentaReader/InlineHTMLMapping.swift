import ImprentaModel

/// Sanitised HTML from inside a paragraph → model inlines, so no backend parses raw HTML:
/// `br` a hard break, `img` an image, `a` a link, `em`/`i`, `strong`/`b`, `s`/`del` and
/// `code` their own kinds, other kept phrasing elements (`sub`, `kbd`, `abbr`, `span`…) a span
/// naming its element. Elements that are not phrasing (`div`, `p`…) leave their content.
///
/// The Markdown inlines inside a fragment (emphasis, links, breaks…) were replaced by markers
/// before parsing; each marker found in the text gets its inline back.
struct InlineHTMLMapping {
  /// The fragment's place in the page (every inline made from it gets it).
  let range: SourceRange
  /// The Markdown inlines the markers stand for, by number.
  let slots: [Inline]

  static let markerOpen: Unicode.Scalar = "\u{E002}"
  static let markerClose: Unicode.Scalar = "\u{E003}"

  /// Phrasing elements that become a span naming them (obsolete ones renamed).
  static let spans: [String: String] = [
    "abbr": "abbr", "bdi": "bdi", "bdo": "bdo", "cite": "cite", "dfn": "dfn", "ins": "ins", "kbd": "kbd", "mark": "mark",
    "q": "q", "rp": "rp", "rt": "rt", "ruby": "ruby", "samp": "samp", "small": "small", "span": "span", "sub": "sub",
    "sup": "sup", "time": "time", "u": "u", "var": "var", "big": "span", "font": "span", "center": "span",
  ]
  /// Attributes a span keeps as pairs (id and class go to their own fields).
  static let pairs: Set<String> = ["title", "lang", "dir", "cite", "datetime"]

  /// The marker standing for slot `n`.
  static func marker(_ n: Int) -> String {
    String(markerOpen) + String(n) + String(markerClose)
  }

  /// `text` as HTML character data; marker characters in the page itself are replaced, so a page
  /// cannot name a slot.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case markerOpen, markerClose: out.unicodeScalars.append("\u{FFFD}")
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  func inlines(_ nodes: [HTMLNode]) -> [Inline] {
    var out: [Inline] = []
    for node in nodes { append(node, insideLink: false, to: &out) }
    return out
  }

  func append(_ node: HTMLNode, insideLink: Bool, to out: inout [Inline]) {
    switch node {
    case .text(let s):
      appendText(s, to: &out)
    case .element(let name, let attributes, let children):
      func value(_ key: String) -> String? { attributes.first { $0.key == key }?.value }
      func content(insideLink inner: Bool = insideLink) -> [Inline] {
        var c: [Inline] = []
        for child in children { append(child, insideLink: inner, to: &c) }
        return c
      }
      let kept = keptAttributes(attributes)
      switch name {
      case "br":
        out.append(.hardBreak(range))
      case "img":
        // No source left (none written, or refused by the sanitiser with a warning): no image.
        guard let src = value("src"), !src.isEmpty else { return }
        out.append(.image(Image(source: src, alt: value("alt") ?? "", title: value("title") ?? "", range: range)))
      case "a":
        guard let href = value("href"), !href.isEmpty, !insideLink else {
          out += wrapped(content(), kept)
          return
        }
        var link = kept
        link.pairs.removeAll { $0.key == "title" }
        out += wrapped([.link(Link(destination: href, title: value("title") ?? "", content: content(insideLink: true), range: range))], link)
      case "em", "i":
        out += wrapped([.emphasis(Styled(content(), range: range))], kept)
      case "strong", "b":
        out += wrapped([.strong(Styled(content(), range: range))], kept)
      case "s", "del", "strike":
        out += wrapped([.strikethrough(Styled(content(), range: range))], kept)
      case "code", "tt":
        out += wrapped([.code(InlineCode(content().plainText, range: range))], kept)
      default:
        if let element = InlineHTMLMapping.spans[name] {
          out.append(.span(Span(element: element, attributes: kept, content: content(), range: range)))
        } else {
          out += content()  // Not phrasing (`div`, `p`, `li`…), or `wbr`: the content alone.
        }
      }
    }
  }

  /// Text with its markers replaced by the inlines they stand for.
  func appendText(_ s: String, to out: inout [Inline]) {
    guard s.unicodeScalars.contains(InlineHTMLMapping.markerOpen) else {
      out.append(.text(Text(s, range: range)))
      return
    }
    var text = ""
    var scalars = s.unicodeScalars[...]
    while let c = scalars.first {
      if c == InlineHTMLMapping.markerOpen, let close = scalars.firstIndex(of: InlineHTMLMapping.markerClose),
        let n = Int(String(scalars[scalars.index(after: scalars.startIndex)..<close])), slots.indices.contains(n)
      {
        if !text.isEmpty { out.append(.text(Text(text, range: range))) }
        text = ""
        out.append(slots[n])
        scalars = scalars[scalars.index(after: close)...]
        continue
      }
      text.unicodeScalars.append(c)
      scalars = scalars.dropFirst()
    }
    if !text.isEmpty { out.append(.text(Text(text, range: range))) }
  }

  /// The id, classes and pairs an inline keeps of the sanitiser's attributes.
  func keptAttributes(_ attributes: [KeyValue<String>]) -> Attributes {
    var kept = Attributes()
    for a in attributes {
      switch a.key {
      case "id": kept.id = a.value
      case "class": kept.classes += a.value.split(whereSeparator: \.isWhitespace).map(String.init)
      default: if InlineHTMLMapping.pairs.contains(a.key) { kept.pairs.append(a) }
      }
    }
    return kept
  }

  /// `inlines` inside a span carrying `attributes`, or alone when there are none.
  func wrapped(_ inlines: [Inline], _ attributes: Attributes) -> [Inline] {
    attributes.isEmpty ? inlines : [.span(Span(attributes: attributes, content: inlines, range: range))]
  }
}
