import ImprentaModel

/// `{{< vimeo ID >}}` or `{{< vimeo id=ID title="…" >}}` → an embedded video.
struct VimeoShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    guard let id = shortcode.arguments.value("id", or: 0), !id.isEmpty else {
      context.warning("shortcode-argument", "vimeo without a video id", at: shortcode.range)
      return .none
    }
    let title = shortcode.arguments["title"] ?? "Vimeo video \(id)"
    return .blocks([.embed(Embed(kind: .video, provider: "vimeo", url: "https://vimeo.com/\(id)", title: title, range: shortcode.range))])
  }
}
