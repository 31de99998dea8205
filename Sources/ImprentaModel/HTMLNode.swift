/// A node of repaired, sanitised HTML: what raw HTML in a page becomes once a reader has parsed it.
///
/// Element and attribute names are lower-case; only safe elements and attributes are kept
/// (the reader drops scripts, event handlers, forms and the like, with a warning).
public indirect enum HTMLNode: Sendable, Hashable {
  /// An element with its attributes in source order and its children.
  case element(name: String, attributes: [KeyValue<String>], children: [HTMLNode])
  /// Text, with entities already resolved.
  case text(String)

  /// The text content of this node and its descendants.
  public var textContent: String {
    switch self {
    case .text(let s): return s
    case .element(_, _, let children): return children.map(\.textContent).joined()
    }
  }
}
