import ImprentaModel

/// `{{< figure src alt caption link title attr attrlink class >}}` → a figure. The caption is
/// Markdown; the title leads it in bold; the attribution follows, linked to `attrlink`.
struct FigureShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    guard let src = a.value("src", or: 0), !src.isEmpty else {
      context.report(.shortcodeArgument, "figure without 'src': nothing to show", at: shortcode.range)
      return .none
    }
    var caption: [Inline] = []
    if let title = a["title"], !title.isEmpty {
      caption.append(.strong(Styled([.text(Text(title, range: shortcode.range))], range: shortcode.range)))
    }
    if let text = a["caption"], !text.isEmpty {
      if !caption.isEmpty { caption.append(.text(Text(" "))) }
      caption += context.inlines(markdown: text, at: shortcode.range)
    }
    if let attr = a["attr"], !attr.isEmpty {
      if !caption.isEmpty { caption.append(.text(Text(" "))) }
      let credit = context.inlines(markdown: attr, at: shortcode.range)
      if let link = a["attrlink"], !link.isEmpty {
        caption.append(.link(Link(destination: link, content: credit, range: shortcode.range)))
      } else {
        caption += credit
      }
    }
    let alt = a["alt"] ?? caption.plainText
    let classes = (a["class"] ?? "").split(separator: " ").map(String.init)
    let image = Image(source: src, alt: alt, title: a["title"] ?? "", range: shortcode.range)
    let figure = Figure(image: image, caption: caption, link: a["link"] ?? "", attributes: Attributes(id: a["id"] ?? "", classes: classes), range: shortcode.range)
    return .blocks([.figure(figure)])
  }
}
