import ImprentaModel

/// `{{< instagram ID >}}` → an embedded post.
struct InstagramShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    guard let id = shortcode.arguments.value("id", or: 0), !id.isEmpty else {
      context.report(.shortcodeArgument, "instagram without a post id", at: shortcode.range)
      return .none
    }
    return .blocks([.embed(Embed(kind: .post, provider: "instagram", url: "https://www.instagram.com/p/\(id)/", title: "Instagram post \(id)", range: shortcode.range))])
  }
}
