import ImprentaModel
import ImprentaStyle

/// Writes the stylesheet of XHTML pages and EPUB content documents from a `Style`:
/// one style, every format.
///
/// Alignment, indents and rules are logical (`text-align: start`, `padding-inline-start`,
/// `border-inline-start`), so one stylesheet lays out left-to-right and right-to-left pages, the
/// latter mirrored.
///
/// Font sizes are in `em` relative to the base size and spacing in `em` relative to the element's
/// own size, so a reading system that changes the text size keeps the proportions. The CSS holds no
/// `<`, `>` or `&`, so it reads the same inline in XHTML parsed as XML or as HTML.
public struct CSSWriter: Sendable {
  /// What the stylesheet is for.
  public enum Target: Sendable, Hashable {
    /// A standalone page in a browser: the base size is fixed and the text column centred.
    case standalone
    /// An EPUB: the reading system chooses the base size and the margins.
    case epub
  }

  /// The style to write.
  public var style: Style
  /// What the stylesheet is for.
  public var target: Target

  /// Creates a writer.
  public init(style: Style, target: Target = .standalone) {
    self.style = style
    self.target = target
  }

  /// The stylesheet text.
  public func css() -> String {
    var rules: [(String, [(String, String)])] = []
    let base = style.base.font.size.points(em: 12)
    func em(_ l: Length, of size: Double = base) -> String { num(l.points(em: base) / size) + "em" }

    var body = font(style.base.font, base: base, size: target == .standalone ? num(base) + "pt" : "1em")
    body += [
      ("line-height", num(style.base.lineHeight)), ("text-align", CSSWriter.align(style.base.align)),
      ("hyphens", style.base.hyphenate ? "auto" : "manual"), ("-epub-hyphens", style.base.hyphenate ? "auto" : "manual"),
    ]
    if target == .standalone { body += [("max-width", "38em"), ("margin", "0 auto"), ("padding", "1em")] }
    rules.append(("body", body))

    for level in 1...6 {
      let h = style.heading(level)
      let size = h.font.size.points(em: base)
      rules.append((
        "h\(level)",
        font(h.font, base: base, size: num(size / base) + "em") + [
          ("line-height", num(h.lineHeight)), ("text-align", CSSWriter.align(h.align)), ("hyphens", "manual"),
          ("margin", "\(em(h.spaceBefore, of: size)) 0 \(em(h.spaceAfter, of: size)) 0"), ("page-break-after", "avoid"),
        ]))
    }
    rules.append(("p", [("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"), ("text-indent", em(style.paragraph.firstLineIndent))]))
    rules.append(("a", [("color", style.link.color.description), ("text-decoration", style.link.underline ? "underline" : "none")]))

    // Title block.
    let t = style.title
    let titleSize = t.font.size.points(em: base)
    rules.append((".title-block", [("text-align", CSSWriter.align(t.align)), ("margin", "0 0 \(em(t.spaceAfter)) 0")]))
    rules.append((".title-block .title", font(t.font, base: base, size: num(titleSize / base) + "em") + [("margin", "0 0 0.3em 0"), ("line-height", "1.15")]))
    rules.append((".title-block .subtitle", font(t.subtitleFont, base: base, size: num(t.subtitleFont.size.points(em: base) / base) + "em")))
    rules.append((".title-block .authors, .title-block .date", [("margin", "0.2em 0"), ("text-indent", "0")]))

    // Code.
    let c = style.code
    let codeFamily = families(c.font.family)
    rules.append(("code, kbd, samp", [("font-family", codeFamily), ("font-size", num(c.font.size.ems(base: base)) + "em"), ("color", c.font.color.description), ("background-color", c.background.description), ("padding", "0.1em 0.2em"), ("hyphens", "none")]))
    rules.append(("pre", [
      ("font-family", codeFamily), ("font-size", num(c.font.size.ems(base: base)) + "em"), ("line-height", "1.3"),
      ("background-color", c.background.description), ("padding", em(c.padding)), ("text-align", "start"),
      ("white-space", "pre-wrap"), ("overflow-wrap", "break-word"), ("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"),
    ]))
    rules.append(("pre code", [("font-size", "1em"), ("padding", "0"), ("background-color", "transparent")]))

    // Quotes.
    let q = style.blockquote
    rules.append(("blockquote", [
      ("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"), ("padding-inline-start", em(q.indent)),
      ("border-inline-start", "\(num(q.borderWidth.points(em: base)))pt solid \(q.borderColor)"), ("color", q.color.description),
      ("font-style", CSSWriter.keyword(q.slant, FontStyle.slants, else: "normal")),
    ]))

    // Admonitions: a rule at the start of the line, a tinted box, the title in bold in the rule's colour.
    let ad = style.admonition
    rules.append(("aside.admonition", [
      ("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"), ("padding", "\(em(ad.padding)) \(em(ad.padding)) 0.05em \(em(ad.padding))"),
      ("border-inline-start", "\(num(ad.borderWidth.points(em: base)))pt solid \(ad.noteColor)"), ("background-color", ad.noteBackground.description),
      ("page-break-inside", "avoid"),
    ]))
    rules.append((".admonition-title", [("font-weight", "bold"), ("color", ad.noteColor.description), ("text-indent", "0")]))
    for family in Admonition.Family.allCases where family != .note {
      let (rule, background) = ad.colors(family)
      rules.append(("aside.admonition-\(family.rawValue)", [("border-inline-start-color", rule.description), ("background-color", background.description)]))
      rules.append(("aside.admonition-\(family.rawValue) .admonition-title", [("color", rule.description)]))
    }

    // Lists.
    let l = style.list
    rules.append(("ul, ol", [("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"), ("padding-inline-start", em(l.indent))]))
    rules.append(("li ul, li ol", [("margin-bottom", "0")]))
    for (depth, bullet) in l.bullets.prefix(3).enumerated() {
      let selector = Array(repeating: "ul", count: depth + 1).joined(separator: " ")
      rules.append((selector, [("list-style-type", listStyle(bullet))]))
    }
    rules.append(("ul.loose li, ol.loose li", [("margin-top", em(l.itemSpacing))]))
    rules.append(("li.task", [("list-style-type", "none")]))
    rules.append(("dl", [("margin-block", "0 \(em(style.paragraph.spaceAfter))")]))
    rules.append(("dt", [("font-weight", "bold")]))
    rules.append(("dd", [("margin-block", "0 \(em(l.itemSpacing))"), ("margin-inline", "\(em(l.indent)) 0")]))
    rules.append(("li.task input", [("margin-block", "0"), ("margin-inline", "-1.3em 0.4em")]))

    // Tables.
    let tb = style.table
    let rule = "\(num(tb.ruleWidth.points(em: base)))pt solid \(tb.ruleColor)"
    rules.append(("table", [("border-collapse", "collapse"), ("font-size", num(tb.fontSize.ems(base: base)) + "em"), ("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"), ("text-align", "start")]))
    rules.append(("th, td", [("border", rule), ("padding", em(tb.cellPadding)), ("vertical-align", "top")]))
    rules.append(("th", [("background-color", tb.headerBackground.description), ("font-weight", "bold")]))
    rules.append(("tbody tr:nth-child(even)", [("background-color", tb.stripeBackground.description)]))

    // Figures.
    let f = style.figure
    rules.append(("figure", [("margin", "0 0 \(em(style.paragraph.spaceAfter)) 0"), ("text-align", "center"), ("page-break-inside", "avoid")]))
    rules.append(("img", [("max-width", "100%"), ("height", "auto")]))
    rules.append(("figure img", [("max-height", num(f.maxHeight * 100) + "vh")]))
    rules.append(("figcaption", [("font-size", num(f.captionSize.ems(base: base)) + "em"), ("color", f.captionColor.description), ("text-align", CSSWriter.align(f.captionAlign)), ("margin-top", "0.3em")]))
    rules.append((".image-missing", [("font-style", "italic"), ("color", f.captionColor.description)]))

    // Rules and notes.
    rules.append(("hr", [("border", "none"), ("border-top", rule), ("margin", "1em 0")]))
    rules.append(("sup, sub", [("line-height", "0")]))
    rules.append((".footnote-ref a", [("text-decoration", "none")]))
    rules.append((".footnotes", [("font-size", num(style.footnote.fontSize.ems(base: base)) + "em"), ("margin-top", "2em"), ("border-top", rule)]))
    rules.append((".footnotes h2", [("font-size", "1.2em")]))
    rules.append((".footnote-back", [("text-decoration", "none")]))

    if target == .epub {
      rules.append((".titlepage", [("text-align", "center"), ("margin-top", "20%")]))
      rules.append((".cover", [("text-align", "center"), ("margin", "0"), ("padding", "0")]))
      rules.append((".cover img", [("max-height", "95vh")]))
    }

    return rules.map { selector, declarations in
      selector + " {\n" + declarations.map { "  \($0.0): \($0.1);\n" }.joined() + "}\n"
    }.joined()
  }

  // MARK: - Values

  /// Declarations of a font look: families, size, weight, slant, colour.
  func font(_ f: FontStyle, base: Double, size: String) -> [(String, String)] {
    [
      ("font-family", families(f.family)), ("font-size", size), ("font-weight", CSSWriter.keyword(f.weight, FontStyle.weights, else: "normal")),
      ("font-style", CSSWriter.keyword(f.slant, FontStyle.slants, else: "normal")), ("color", f.color.description),
    ]
  }

  /// A CSS family list, each name a quoted string, with a generic family last.
  func families(_ names: [String]) -> String {
    let joined = names.map(CSSWriter.string)
    let all = names.joined(separator: " ").lowercased()
    let generic = all.contains("mono") || all.contains("courier") ? "monospace" : all.contains("sans") ? "sans-serif" : "serif"
    return (joined + [generic]).joined(separator: ", ")
  }

  /// A style alignment as CSS: `left` and `right` are the start and end of the line, so a page
  /// written right to left (`dir="rtl"`) sets its text, headings and captions from the right.
  static func align(_ a: TextAlignment) -> String {
    switch a {
    case .left: return "start"
    case .right: return "end"
    case .center: return "center"
    case .justify: return "justify"
    }
  }

  /// A list bullet as a CSS `list-style-type`.
  func listStyle(_ bullet: String) -> String {
    switch bullet {
    case "•", "*": return "disc"
    case "◦", "○": return "circle"
    case "▪", "■", "-": return "square"
    default: return CSSWriter.string(bullet + " ")
    }
  }

  /// One of `allowed` (a keyword from a style value), else `fallback`: a keyword is never free text.
  static func keyword(_ value: String, _ allowed: [String], else fallback: String) -> String {
    allowed.contains(value) ? value : fallback
  }

  /// `text` as a CSS string: in double quotes, with `"`, `\`, control characters, `<`, `>` and `&`
  /// written as hexadecimal escapes, so a style value stays one value (it never closes the string,
  /// the declaration or an inline `<style>`) and the CSS holds no markup characters.
  static func string(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
      switch s {
      case "\"", "\\", "<", ">", "&", _ where s.isControlCharacter || s.value == 0x2028 || s.value == 0x2029:
        out += "\\" + String(s.value, radix: 16) + " "
      default:
        out.unicodeScalars.append(s)
      }
    }
    return out + "\""
  }
}

/// A number with at most three decimals and no trailing zeros (`1.905`, `2`).
func num(_ d: Double) -> String {
  guard d.isFinite, abs(d) < 1e9 else { return "0" }  // a Style built in code may hold anything
  let r = (d * 1000).rounded() / 1000
  if r == r.rounded() { return String(Int(r)) }
  var s = String(r)
  while s.hasSuffix("0") { s.removeLast() }
  return s
}
