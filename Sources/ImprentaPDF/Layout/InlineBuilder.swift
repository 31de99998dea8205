import ImprentaModel
import ImprentaStyle

/// Turns inline content into `AttributedText`: looks become attributes, words get hyphenation
/// points (never in code or URLs; an author's soft hyphen becomes one), footnote calls become
/// raised numbers.
struct InlineBuilder {
  let style: Style
  let hyphenator: Hyphenator?
  /// The size text is set in (inline code is sized against it).
  let size: Double
  var hyphenate: Bool
  /// The word an image inside running text is labelled with (`[Image: alt]`, as the text output
  /// and the figure placeholder write it), in the document's language.
  var imageWord = Localization.english.image
  /// Set inline code as an isolated left-to-right run (LRI … PDI) — in right-to-left text
  /// `--flag` keeps its dashes in front.
  var isolatesCode = false
  var out = AttributedText()

  init(style: Style, hyphenator: Hyphenator?, size: Double, hyphenate: Bool) {
    self.style = style
    self.hyphenator = hyphenator
    self.size = size
    self.hyphenate = hyphenate && style.base.hyphenate && hyphenator != nil
  }

  mutating func append(_ inlines: [Inline]) {
    for inline in inlines { append(inline) }
  }

  mutating func appendText(_ s: String) {
    var s = s
    var authored: [Int] = []
    if s.utf8.contains(0xAD) {
      // An author's soft hyphen is a hyphenation point, not a character of the text.
      var bytes: [UInt8] = []
      var previous: UInt8 = 0
      for b in s.utf8 {
        if b == 0xAD && previous == 0xC2 {
          bytes.removeLast()
          authored.append(out.length + bytes.count)
        } else {
          bytes.append(b)
        }
        previous = b
      }
      s = String(decoding: bytes, as: UTF8.self)
    }
    let start = out.length
    out.append(s)
    var points = authored
    if hyphenate, let h = hyphenator { points += h.points(in: s).map { $0 + start } }
    if !points.isEmpty {
      if !authored.isEmpty { points.sort() }
      out.hyphenPoints += points
    }
  }

  /// One inline (exhaustive: a new kind of inline must be handled here).
  mutating func append(_ inline: Inline) {
    switch inline {
    case .text(let t):
      let start = out.length
      appendText(t.string)
      if t.range != .unknown { out.sources.append((start, out.length, t.range)) }
    case .emphasis(let s): styled(.italic, s.content)
    case .strong(let s): styled(.weight(700), s.content)
    case .strikethrough(let s): styled(.strikethrough, s.content)
    case .code(let c):
      let start = out.length
      appendCode(c.code)
      if c.range != .unknown { out.sources.append((start, out.length, c.range)) }
    case .link(let l): appendLink(l)
    case .image(let img):
      let label = imageLabel(img)
      out.with(.italic) { $0.append(label) }
    case .softBreak: out.append(" ")
    case .hardBreak: out.append("\n")
    case .footnoteReference(let f): appendFootnoteCall(f.number)
    case .span(let s) where s.element == "sup" || s.element == "sub":
      // Raised or lowered and smaller, like a footnote call: "2<sup>1008</sup>" read "21008".
      if !s.attributes.id.isEmpty { out.anchors.append((out.length, s.attributes.id)) }
      let start = out.length
      append(s.content)
      let end = out.length
      guard end > start else { return }
      out.attributes.append(TextAttribute(kind: .size(size * 0.68), start: start, end: end))
      out.attributes.append(TextAttribute(kind: .rise(s.element == "sup" ? size * 0.36 : -size * 0.18), start: start, end: end))
    case .span(let s):
      // An element's id is a place links go to (`[General](#general)`).
      if !s.attributes.id.isEmpty { out.anchors.append((out.length, s.attributes.id)) }
      append(s.content)
    }
  }

  /// An image inside running text is not drawn: `[Image: alt]`, or `[Image]` without alt text.
  func imageLabel(_ image: Image) -> String {
    let alt = image.alt.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return alt.isEmpty ? "[\(imageWord)]" : "[\(imageWord): \(alt)]"
  }

  mutating func styled(_ kind: TextAttributeKind, _ content: [Inline]) {
    let start = out.length
    append(content)
    if out.length > start { out.attributes.append(TextAttribute(kind: kind, start: start, end: out.length)) }
  }

  mutating func appendCode(_ code: String) {
    guard !code.isEmpty else { return }
    if isolatesCode { out.append("\u{2066}") }
    let start = out.length
    out.append(code)
    let end = out.length
    if isolatesCode { out.append("\u{2069}") }
    let f = style.code.font
    out.attributes.append(TextAttribute(kind: .family(f.family.joined(separator: ",")), start: start, end: end))
    out.attributes.append(TextAttribute(kind: .size(f.size.points(em: size)), start: start, end: end))
    out.attributes.append(TextAttribute(kind: .color(f.color), start: start, end: end))
    out.attributes.append(TextAttribute(kind: .noHyphens, start: start, end: end))
    if InlineBuilder.looksLikePath(code) { out.attributes.append(TextAttribute(kind: .breaksAfterPunctuation, start: start, end: end)) }
    if !style.code.background.isNone {
      out.attributes.append(TextAttribute(kind: .background(style.code.background), start: start, end: end))
    }
  }

  mutating func appendLink(_ l: Link) {
    let start = out.length
    let text = l.content.plainText
    let looksLikeURL = l.isAutolink || text.contains("://") || text.hasPrefix("www.") || text.contains("@")
    let saved = hyphenate
    if looksLikeURL { hyphenate = false }
    append(l.content)
    hyphenate = saved
    let end = out.length
    guard end > start else { return }
    out.attributes.append(TextAttribute(kind: .color(style.link.color), start: start, end: end))
    if style.link.underline { out.attributes.append(TextAttribute(kind: .underline, start: start, end: end)) }
    if looksLikeURL {
      out.attributes.append(TextAttribute(kind: .noHyphens, start: start, end: end))
      out.attributes.append(TextAttribute(kind: .breaksAfterPunctuation, start: start, end: end))
    }
    switch InlineBuilder.linkKind(l.destination) {
    case .link: out.links.append((start, end, l.destination))
    case .none: break
    case .refused(let why): out.refusedLinks.append((l.destination, l.range, why))
    case .overBudget: out.refusedLinks.append((l.destination, l.range, ""))
    }
  }

  /// Inline code that is a path or a URL (`/usr/share/doc`, `src/main.swift`, `https://…`): lines
  /// may break after its slashes and dots.
  static func looksLikePath(_ code: String) -> Bool {
    guard code.utf8.count > 12, !code.contains(" ") else { return false }
    return code.contains("/") || code.contains("://")
  }

  /// What a destination becomes in the PDF.
  enum LinkKind: Equatable {
    /// A link: an anchor of the export (`#id`, `imprenta-page:`) or a URI the policy allows.
    case link
    /// No link and nothing to say (a relative path: the PDF has no place to resolve it from).
    case none
    /// No link, with a warning: `URLPolicy` refuses the URL (`javascript:`, `data:`, `file:`…).
    case refused(String)
    /// No link, with a warning: the URL is longer than `Budget.linkURLBytes`.
    case overBudget
  }

  /// What `destination` becomes, asked of the one `URLPolicy`.
  static func linkKind(_ destination: String) -> LinkKind {
    if destination.utf8.count > Budget.linkURLBytes.limit { return .overBudget }
    switch URLPolicy.classify(destination) {
    case .fragment: return destination.count > 1 ? .link : .none
    case .internalPage, .remote: return .link
    case .relative: return .none
    case .dataImage: return .refused("a data: URL is never a link")
    case .refused(let why): return .refused(why)
    }
  }

  /// Destinations the PDF can point at: anchors in the document and URIs the policy allows.
  static func isLinkable(_ destination: String) -> Bool { linkKind(destination) == .link }

  mutating func appendFootnoteCall(_ number: Int) {
    let start = out.length
    out.footnoteCalls.append((start, number))
    out.append(String(number))
    let end = out.length
    out.attributes.append(TextAttribute(kind: .size(size * 0.68), start: start, end: end))
    out.attributes.append(TextAttribute(kind: .rise(size * 0.36), start: start, end: end))
    out.attributes.append(TextAttribute(kind: .color(style.link.color), start: start, end: end))
    out.links.append((start, end, "#fn-\(number)"))
    // The call stays on the line of the word it follows ("end." and "1" may otherwise part).
    if let last = out.string.dropLast(String(number).count).unicodeScalars.last, last != " ", last != "\n" {
      out.attributes.append(TextAttribute(kind: .noBreaks, start: start - String(last).utf8.count, end: end))
    }
  }
}
