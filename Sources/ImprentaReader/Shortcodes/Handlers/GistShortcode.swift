import ImprentaModel

/// `{{< gist USER ID [FILE] >}}` → a link to the gist (its code is not fetched).
struct GistShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    guard let user = a.value("user", or: 0), let id = a.value("id", or: 1), !user.isEmpty, !id.isEmpty else {
      context.report(.shortcodeArgument, "gist needs a user and an id", at: shortcode.range)
      return .none
    }
    var url = "https://gist.github.com/\(user)/\(id)"
    var title = "Gist \(id) by \(user)"
    if let file = a.value("file", or: 2), !file.isEmpty {
      url += "#file-" + file.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
      title = "\(file), gist by \(user)"
    }
    return .blocks([.embed(Embed(kind: .code, provider: "gist", url: url, title: title, range: shortcode.range))])
  }
}
