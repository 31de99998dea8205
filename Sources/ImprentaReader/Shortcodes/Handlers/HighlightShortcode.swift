import ImprentaModel

/// `{{< highlight LANG "OPTIONS" >}}code{{< /highlight >}}` → a code block; the body is verbatim.
struct HighlightShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    let a = shortcode.arguments
    let language = a.value("lang", or: 0) ?? ""
    let options = a.value("options", or: 1) ?? ""
    var code = shortcode.body ?? ""
    if code.hasPrefix("\n") { code.removeFirst() }
    // The closing tag's indentation and line end are not code.
    while let last = code.last, last == " " || last == "\t" { code.removeLast() }
    if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
    let info = options.isEmpty ? language : language + " {" + options + "}"
    let block = Block.codeBlock(CodeBlock(info: info, code: code, range: shortcode.range))
    if context.placement == .inline { return .inlines([.code(InlineCode(code.trimmingCharacters(in: "\n"), range: shortcode.range))]) }
    return .blocks([block])
  }
}
