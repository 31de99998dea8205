import ImprentaModel

/// Applies a mapping rule (`ShortcodeMapping`) to one use of a site's shortcode.
struct MappedShortcode: ShortcodeHandler {
  let rule: ShortcodeMapping.Rule

  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    switch rule {
    case .drop:
      return .none
    case .text(let argument):
      if let argument {
        return .text(a.value(spec: argument) ?? "")
      }
      return context.placement == .block ? .blocks(context.bodyBlocks()) : .inlines(context.bodyInlines())
    case .container(let className):
      return group(Attributes(classes: [className]), shortcode, context: context)
    case .image(let srcSpec, let altSpec, let captionSpec):
      guard let src = a.value(spec: srcSpec), !src.isEmpty else {
        context.report(.shortcodeArgument, "'\(shortcode.name)' has no image argument '\(srcSpec)'", at: shortcode.range)
        return .none
      }
      var caption: [Inline] = []
      if let spec = captionSpec, let text = a.value(spec: spec), !text.isEmpty {
        caption = context.inlines(markdown: text, at: shortcode.range)
      } else if shortcode.body != nil {
        caption = context.bodyInlines()
      }
      let alt = altSpec.flatMap { a.value(spec: $0) } ?? caption.plainText
      let figure = Figure(image: Image(source: src, alt: alt, range: shortcode.range), caption: caption, attributes: Attributes(classes: ["shortcode-" + shortcode.name]), range: shortcode.range)
      return .blocks([.figure(figure)])
    case .embed(let urlSpec, let titleSpec, let kind):
      guard let url = a.value(spec: urlSpec)?.trimmingCharacters(in: " \t\n"), !url.isEmpty else {
        context.report(.shortcodeArgument, "'\(shortcode.name)' has no URL argument '\(urlSpec)'", at: shortcode.range)
        return .none
      }
      var title = titleSpec.flatMap { a.value(spec: $0) } ?? ""
      if title.isEmpty, shortcode.body != nil { title = context.bodyInlines().plainText.trimmingCharacters(in: " \t\n") }
      return .blocks([.embed(Embed(kind: kind, provider: shortcode.name, url: url, title: title, range: shortcode.range))])
    case .verbatim(let languageSpec):
      guard var code = context.rawBody() else {
        context.report(.shortcodeArgument, "'\(shortcode.name)' is mapped as verbatim but has no body (no closing '/\(shortcode.name)')", at: shortcode.range)
        return .none
      }
      let language = languageSpec.flatMap { a.value(specOrFixed: $0) } ?? ""
      if context.placement == .inline { return .inlines([.code(InlineCode(code.trimmingCharacters(in: "\n"), range: shortcode.range))]) }
      if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
      let info = language.filter { !$0.isWhitespace && $0 != "`" && $0 != "{" }
      return .blocks([.codeBlock(CodeBlock(info: info, code: code, range: shortcode.range))])
    case .include(let pathSpec):
      guard let path = a.value(spec: pathSpec), !path.isEmpty else {
        context.report(.shortcodeArgument, "'\(shortcode.name)' has no path argument '\(pathSpec)'", at: shortcode.range)
        return .none
      }
      guard let blocks = context.include(path, at: shortcode.range) else { return .none }
      return .blocks(blocks)
    case .admonition(let kindSpec, let titleSpec):
      let kind = kindSpec.flatMap { a.value(specOrFixed: $0) } ?? shortcode.name
      var title: [Inline] = []
      if let spec = titleSpec, let text = a.value(spec: spec), !text.isEmpty { title = context.inlines(markdown: text, at: shortcode.range) }
      let admonition = Admonition(kind: kind, title: title)
      if context.placement == .inline {
        let label: [Inline] = [.strong(Styled(admonition.label, range: shortcode.range)), .text(Text(": "))]
        return .inlines([.span(Span(attributes: Attributes(classes: ["admonition", admonition.kind]), content: label + context.bodyInlines(), range: shortcode.range))])
      }
      return .blocks([.container(Container(attributes: Attributes(), blocks: context.bodyBlocks(), admonition: admonition, range: shortcode.range))])
    case .tabs:
      return group(Attributes(classes: ["tabs"]), shortcode, context: context)
    case .tab(let labelSpec):
      let text = a.value(spec: labelSpec) ?? ""
      let label = text.isEmpty ? [] : context.inlines(markdown: text, at: shortcode.range)
      if context.placement == .inline {
        let head: [Inline] = label.isEmpty ? [] : [.strong(Styled(label, range: shortcode.range)), .text(Text(" "))]
        return .inlines([.span(Span(attributes: Attributes(classes: ["tab"]), content: head + context.bodyInlines(), range: shortcode.range))])
      }
      // A bold label paragraph, not a heading: tabs are alternatives, not sections (no outline or
      // table-of-contents entries, no "macos-1" ids), and no heading level has to be guessed.
      let head: [Block] = label.isEmpty ? [] : [.paragraph(Paragraph([.strong(Styled(label, range: shortcode.range))], range: shortcode.range))]
      let pairs = label.isEmpty ? [] : [KeyValue("label", label.plainText)]
      return .blocks([.container(Container(attributes: Attributes(classes: ["tab"], pairs: pairs), blocks: head + context.bodyBlocks(), range: shortcode.range))])
    }
  }

  /// The body in a container (a span in running text) with `attributes`.
  private func group(_ attributes: Attributes, _ shortcode: Shortcode, context: ShortcodeContext) -> ShortcodeOutput {
    if context.placement == .inline {
      return .inlines([.span(Span(attributes: attributes, content: context.bodyInlines(), range: shortcode.range))])
    }
    return .blocks([.container(Container(attributes: attributes, blocks: context.bodyBlocks(), range: shortcode.range))])
  }
}

extension ShortcodeArguments {
  /// A mapping's value that is an argument or fixed: a number is a position (nil when missing); a
  /// name is that named argument when the shortcode has it, else the name itself (`language: toml`).
  public func value(specOrFixed spec: String) -> String? {
    if let i = Int(spec) { return self[i] }
    return self[spec] ?? spec
  }
}
