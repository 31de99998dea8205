import ImprentaModel

/// Hugo's heading attributes: `## Title {#custom-id .class}` sets the anchor id.
enum HeadingAttributes {
  /// Removes a trailing `{#id …}` from the heading text and returns the id, if there is one.
  static func strip(_ content: inout [Inline]) -> String? {
    guard case .text(var last)? = content.last else { return nil }
    let s = last.string
    guard s.hasSuffix("}"), let open = s.lastIndex(of: "{") else { return nil }
    let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
    var id: String?
    for part in inner.split(separator: " ") {
      if part.hasPrefix("#"), part.count > 1 {
        id = String(part.dropFirst())
      } else if !(part.hasPrefix(".") || part.contains("=")) {
        return nil  // Not an attribute list: leave the text alone.
      }
    }
    guard let id else { return nil }
    last.string = String(s[..<open]).trimmingCharacters(in: " \t")
    if last.string.isEmpty { content.removeLast() } else { content[content.count - 1] = .text(last) }
    return id
  }
}
