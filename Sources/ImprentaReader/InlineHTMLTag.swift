import ImprentaModel

/// One raw HTML token among a paragraph's inlines, as cmark-gfm hands it over: a start tag, an
/// end tag, or something else (a comment, a declaration, a processing instruction). Only its kind
/// and name are read here; libxml2 reads the rest when the tag is parsed with its partner.
struct InlineHTMLTag {
  enum Kind { case start, end, other }

  /// Elements that never have content or an end tag.
  static let void: Set<String> = [
    "area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
  ]

  /// The token as written.
  let html: String
  let range: SourceRange
  let kind: Kind
  /// The lower-case element name; empty for `.other`.
  let name: String
  /// Whether the tag ends with `/>`.
  let selfClosing: Bool

  init(_ html: String, range: SourceRange) {
    self.html = html
    self.range = range
    var s = Substring(html)
    s = s.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    guard s.hasPrefix("<"), !s.hasPrefix("<!"), !s.hasPrefix("<?") else {
      (kind, name, selfClosing) = (.other, "", false)
      return
    }
    s = s.dropFirst()
    let isEnd = s.hasPrefix("/")
    if isEnd { s = s.dropFirst() }
    let name = s.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":") }.lowercased()
    guard !name.isEmpty else {
      (kind, self.name, selfClosing) = (.other, "", false)
      return
    }
    self.name = name
    kind = isEnd ? .end : .start
    selfClosing = !isEnd && html.trimmingCharacters(in: " \t\n").hasSuffix("/>")
  }

  /// A tag that is a whole fragment alone: a void element, `<x/>`, a comment or a declaration.
  var standsAlone: Bool {
    switch kind {
    case .other: return true
    case .start: return selfClosing || InlineHTMLTag.void.contains(name)
    case .end: return false
    }
  }

  /// A start tag whose content a browser never shows as text (`<script>`, `<style>`, `<iframe>`…):
  /// left unclosed, it runs to the end of the paragraph, and all of it is dropped.
  var hidesWhatFollows: Bool {
    kind == .start && !standsAlone && (RawHTMLParser.dropped.contains(name) || name == "iframe")
  }
}
