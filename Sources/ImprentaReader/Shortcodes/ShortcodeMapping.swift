import ImprentaModel

/// What a site's own shortcodes (Go templates under `layouts/shortcodes/`, which cannot run here)
/// become, as the project file says under `shortcodes:`.
///
/// ```yaml
/// shortcodes:
///   notice: note                 # a container of class `notice` holding the body
///   tip: {as: note, class: hint} # … of class `hint`
///   img: {as: image, src: 0, alt: alt, caption: caption}   # numbers are positions
///   video: {as: embed, url: src, title: title, kind: video}
///   toc: drop                    # nothing
///   abbr: {as: text, text: title}  # the argument's text (else the body) as running text
/// ```
public struct ShortcodeMapping: Sendable, Hashable {
  /// One site shortcode's translation. Argument specs are names (`src`) or positions (`0`).
  public enum Rule: Sendable, Hashable {
    /// A figure: the image from `src`, alt text and Markdown caption from the other arguments (or the body).
    case image(src: String, alt: String?, caption: String?)
    /// An embed of `kind` whose URL (and optional title) come from arguments.
    case embed(url: String, title: String?, kind: Embed.Kind)
    /// A container of `className` holding the body (`note` and `container` in the file).
    case container(className: String)
    /// Nothing at all.
    case drop
    /// Running text: an argument's value, or the body when `argument` is nil.
    case text(argument: String?)
  }

  /// Rules by shortcode name.
  public var rules: [String: Rule]

  /// Creates a mapping.
  public init(rules: [String: Rule] = [:]) {
    self.rules = rules
  }
}

/// Applies a mapping rule.
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
      let attributes = Attributes(classes: [className])
      if context.placement == .inline {
        return .inlines([.span(Span(attributes: attributes, content: context.bodyInlines(), range: shortcode.range))])
      }
      return .blocks([.container(Container(attributes: attributes, blocks: context.bodyBlocks(), range: shortcode.range))])
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
      guard let url = a.value(spec: urlSpec), !url.isEmpty else {
        context.report(.shortcodeArgument, "'\(shortcode.name)' has no URL argument '\(urlSpec)'", at: shortcode.range)
        return .none
      }
      let title = titleSpec.flatMap { a.value(spec: $0) } ?? ""
      return .blocks([.embed(Embed(kind: kind, provider: shortcode.name, url: url, title: title, range: shortcode.range))])
    }
  }
}
