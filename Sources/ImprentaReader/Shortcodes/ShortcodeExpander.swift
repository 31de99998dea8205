import ImprentaModel

/// Turns one shortcode into model nodes.
public protocol ShortcodeHandler: Sendable {
  /// The nodes `shortcode` becomes; problems go to `context.warning`.
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput
}

/// The registry of shortcode handlers: Hugo's built-ins, then a site's mapping; anything else is
/// a warning `unknown-shortcode` and becomes a container (or span) of class `shortcode-<name>`
/// holding its inner content, so nothing is lost.
public struct ShortcodeExpander: Sendable {
  /// Handlers by shortcode name.
  public var handlers: [String: any ShortcodeHandler]
  /// What a site's own shortcodes become (checked before the built-ins: the site knows best).
  public var mapping: ShortcodeMapping

  /// Creates an expander with Hugo's built-in handlers and `mapping`.
  public init(mapping: ShortcodeMapping = .init()) {
    handlers = ShortcodeExpander.builtIn
    self.mapping = mapping
  }

  /// Hugo's own shortcodes.
  public static let builtIn: [String: any ShortcodeHandler] = [
    "figure": FigureShortcode(),
    "youtube": VideoShortcode.youtube,
    "vimeo": VideoShortcode.vimeo,
    "x": XShortcode(),
    "tweet": XShortcode(),
    "twitter": XShortcode(),
    "gist": GistShortcode(),
    "instagram": InstagramShortcode(),
    "highlight": HighlightShortcode(),
    "ref": RefShortcode(),
    "relref": RefShortcode(),
    "param": ParamShortcode(),
    "details": DetailsShortcode(),
    "qr": QRShortcode(),
  ]

  /// Expands one shortcode.
  public func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    if let rule = mapping.rules[shortcode.name] {
      return MappedShortcode(rule: rule).expand(shortcode, context: &context)
    }
    if let handler = handlers[shortcode.name] {
      return handler.expand(shortcode, context: &context)
    }
    let hint = ShortcodeGuess.hint(name: shortcode.name, entry: ShortcodeGuess.entry(for: shortcode, rawBody: context.rawBody()))
    if let url = ShortcodeGuess.url(of: shortcode) {
      // An iframe-like shortcode: its URL is what a reader can use (a card with a QR code in PDF, a link elsewhere).
      context.report(.unknownShortcode, "unknown shortcode '\(shortcode.name)': kept as a link to its URL; \(hint)", at: shortcode.range)
      let embed = Embed(kind: .other, provider: shortcode.name, url: url, title: shortcode.arguments["title"] ?? "", range: shortcode.range)
      return context.placement == .block ? .blocks([.embed(embed)]) : .inlines(ShortcodeOutput.inlines(of: [.embed(embed)]))
    }
    context.report(.unknownShortcode, "unknown shortcode '\(shortcode.name)': its content is kept; \(hint)", at: shortcode.range)
    return UnknownShortcode.keep(shortcode, context: &context)
  }
}

/// What an unknown shortcode becomes: its inner content in a container (or span) of class
/// `shortcode-<name>`; one without a body whose `url`, `src`, `href`, `link` or first argument is
/// an http(s) URL becomes an embed of that URL (see `ShortcodeGuess.url`).
enum UnknownShortcode {
  static func keep(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let attributes = Attributes(classes: ["shortcode-" + shortcode.name])
    switch context.placement {
    case .block:
      return .blocks([.container(Container(attributes: attributes, blocks: context.bodyBlocks(), range: shortcode.range))])
    case .inline:
      return .inlines([.span(Span(attributes: attributes, content: context.bodyInlines(), range: shortcode.range))])
    }
  }
}
