import ImprentaModel

/// `{{< details summary="…" open=true >}}body{{< /details >}}` → a container of class `details`
/// whose first block is a container of class `summary` (the summary as a paragraph), then the
/// body. The summary's plain text is also the pair `summary`, and `open` is kept as a pair.
/// Backends that know `details` render a disclosure; others show the summary and the body.
struct DetailsShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    let summaryText = a.value("summary", or: 0) ?? "Details"
    let summary = context.inlines(markdown: summaryText, at: shortcode.range)
    var pairs = [KeyValue("summary", summary.plainText)]
    if let open = a["open"], ["true", "1", "yes"].contains(open.lowercased()) { pairs.append(KeyValue("open", "true")) }
    let classes = ["details"] + (a["class"] ?? "").split(separator: " ").map(String.init)
    let head = Block.container(Container(attributes: Attributes(classes: ["summary"]), blocks: [.paragraph(Paragraph(summary, range: shortcode.range))], range: shortcode.range))
    let container = Container(attributes: Attributes(id: a["name"] ?? "", classes: classes, pairs: pairs), blocks: [head] + context.bodyBlocks(), range: shortcode.range)
    return .blocks([.container(container)])
  }
}
