import ImprentaModel

/// `{{< qr text="…" alt="…" />}}` or `{{< qr >}}text{{< /qr >}}` → a QR code of the text.
struct QRShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    let text = (a.value("text", or: 0) ?? shortcode.body ?? "").trimmingCharacters(in: " \t\n")
    guard !text.isEmpty else {
      context.report(.shortcodeArgument, "qr without text to encode", at: shortcode.range)
      return .none
    }
    let title = a["title"] ?? a["alt"] ?? ""
    return .blocks([.embed(Embed(kind: .qr, provider: "qr", url: text, title: title, range: shortcode.range))])
  }
}
