import ImprentaModel

/// `{{< youtube ID >}}` or `{{< youtube id=ID title="…" >}}` → an embedded video.
struct YouTubeShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    guard let id = shortcode.arguments.value("id", or: 0), !id.isEmpty else {
      context.warning("shortcode-argument", "youtube without a video id", at: shortcode.range)
      return .none
    }
    let title = shortcode.arguments["title"] ?? "YouTube video \(id)"
    return .blocks([.embed(Embed(kind: .video, provider: "youtube", url: "https://www.youtube.com/watch?v=\(id)", title: title, range: shortcode.range))])
  }
}
