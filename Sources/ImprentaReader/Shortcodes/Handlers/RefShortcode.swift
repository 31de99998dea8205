import ImprentaModel

/// `{{< ref "path" >}}` / `{{< relref "path#anchor" >}}` → the target's path as text, usually
/// inside a link destination (`[x]({{< ref "other.md" >}})`). The site reader then resolves it
/// like any link to a page: an internal link when the page is exported, a URL on `baseURL`
/// otherwise, a warning when no such page exists.
struct RefShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    guard let path = shortcode.arguments.value("path", or: 0), !path.isEmpty else {
      context.report(.shortcodeArgument, "\(shortcode.name) without a page path", at: shortcode.range)
      return .none
    }
    // Spaces cannot stand in a Markdown link destination.
    return .text(RefShortcode.marker + path.replacingSpaces())
  }

  /// Marks a destination that came from `ref`/`relref`, so the link resolver knows it names a content file.
  static let marker = "imprenta-ref:"
}

extension String {
  func replacingSpaces() -> String {
    var out = ""
    for c in unicodeScalars {
      if c == " " { out += "%20" } else { out.unicodeScalars.append(c) }
    }
    return out
  }
}
