/// Options of the plain-text writer that are not a matter of style.
public struct TextOptions: Sendable, Hashable {
  /// Overrides `style.text.columns` when set (useful for a terminal of known width).
  public var columns: Int?
  /// Whether link URLs are numbered (`text [1]`) and listed at the end. When false a link is
  /// written as its text alone. Autolinks always show their URL.
  public var listsLinks: Bool

  /// Creates options; the defaults are what `imprenta build --format txt` uses.
  public init(columns: Int? = nil, listsLinks: Bool = true) {
    self.columns = columns
    self.listsLinks = listsLinks
  }
}
