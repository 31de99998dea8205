import ImprentaModel

/// `{{< x user="U" id="ID" >}}` (also the older `tweet`, with `user`/`id` or one positional id) → an embedded post.
struct XShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    guard let id = a.value("id", or: a["user"] == nil ? 0 : 1), !id.isEmpty else {
      context.report(.shortcodeArgument, "\(shortcode.name) without a post id", at: shortcode.range)
      return .none
    }
    let user = a["user"] ?? ""
    let url = user.isEmpty ? "https://x.com/i/status/\(id)" : "https://x.com/\(user)/status/\(id)"
    let title = user.isEmpty ? "Post \(id) on X" : "Post by @\(user) on X"
    return .blocks([.embed(Embed(kind: .post, provider: "x", url: url, title: title, range: shortcode.range))])
  }
}
