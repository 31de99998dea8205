/// Content that lives elsewhere and cannot play on paper or in most e-readers (a video, a post,
/// a gist), or a QR code of a text. Backends show a link (text, EPUB) or a card with the title
/// and a QR code of `url` (PDF).
public struct Embed: Sendable, Hashable {
  /// What the embedded thing is, for the card's wording and icon.
  public enum Kind: String, Sendable, Hashable {
    /// A video (YouTube, Vimeo).
    case video
    /// A social-media post (X, Instagram).
    case post
    /// Source code hosted elsewhere (a GitHub gist).
    case code
    /// A QR code of `url` (which may be any text, not only a URL); no card, just the code.
    case qr
    /// Anything else (an iframe, a form, a site shortcode mapped to `embed`).
    case other
  }

  /// Video, post, code, QR or other.
  public var kind: Kind
  /// Who hosts it, lower-case (`youtube`, `vimeo`, `x`, `gist`, `instagram`, `qr`, or a site shortcode's name).
  public var provider: String
  /// The address (or, for `.qr`, the text) to link to and encode.
  public var url: String
  /// A human title for the card or link text; may be empty (then show the URL).
  public var title: String
  /// Where it came from (the shortcode's position).
  public var range: SourceRange

  /// Creates an embed.
  public init(kind: Kind, provider: String, url: String, title: String = "", range: SourceRange = .unknown) {
    self.kind = kind
    self.provider = provider
    self.url = url
    self.title = title
    self.range = range
  }

  /// The title, else the URL: what a link or card shows.
  public var displayTitle: String { title.isEmpty ? url : title }
}
