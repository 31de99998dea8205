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
///   code-toggle: {as: verbatim, language: toml}   # the raw body as a code block
///   include: {as: include, path: 0}              # another page's body, read here
///   hint: {as: admonition, kind: 0, title: title} # a titled box of a kind
///   tabs: tabs                                    # a group of tab panels
///   tab: {as: tab, label: 0}                      # one panel, its label kept in bold
/// ```
///
/// An argument spec is a position (`0`) or a name (`src`). `language` and `kind` may also be a
/// fixed value: a name the shortcode's use does not have as an argument is the value itself.
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
    /// The raw body as a code block (no Markdown), its language from an argument or fixed.
    case verbatim(language: String?)
    /// The body of the page named by the argument `path`, parsed here.
    case include(path: String)
    /// A titled box: kind from an argument or fixed (`note` when missing), title from an argument.
    case admonition(kind: String?, title: String?)
    /// A group of tab panels: a container of class `tabs` holding its body.
    case tabs
    /// One tab panel: its label (from an argument) in bold, then its body, in a container of class `tab`.
    case tab(label: String)
  }

  /// Rules by shortcode name.
  public var rules: [String: Rule]

  /// Creates a mapping.
  public init(rules: [String: Rule] = [:]) {
    self.rules = rules
  }
}
