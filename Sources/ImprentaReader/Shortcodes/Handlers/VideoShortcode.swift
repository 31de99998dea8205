import ImprentaModel

/// `{{< youtube ID >}}`, `{{< vimeo id=ID title="…" >}}` → an embedded video: one handler, the
/// provider's name and URL form as data.
struct VideoShortcode: ShortcodeHandler {
  /// The shortcode's and provider's name (`youtube`, `vimeo`).
  let provider: String
  /// How the provider is named in a default title.
  let label: String
  /// The watch URL of a video id.
  let url: @Sendable (String) -> String

  static let youtube = VideoShortcode(provider: "youtube", label: "YouTube") { "https://www.youtube.com/watch?v=\($0)" }
  static let vimeo = VideoShortcode(provider: "vimeo", label: "Vimeo") { "https://vimeo.com/\($0)" }

  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    guard let id = shortcode.arguments.value("id", or: 0), !id.isEmpty else {
      context.report(.shortcodeArgument, "\(provider) without a video id", at: shortcode.range)
      return .none
    }
    let title = shortcode.arguments["title"] ?? "\(label) video \(id)"
    return .blocks([.embed(Embed(kind: .video, provider: provider, url: url(id), title: title, range: shortcode.range))])
  }
}
