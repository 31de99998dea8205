import ImprentaModel

/// `{{< param "key" >}}` (or `"a.b"`) → the page's parameter, else the site's, as text.
struct ParamShortcode: ShortcodeHandler {
  func expand(_ shortcode: Shortcode, context: inout ShortcodeContext) -> ShortcodeOutput {
    guard let key = shortcode.arguments.value("name", or: 0), !key.isEmpty else {
      context.report(.shortcodeArgument, "param without a key", at: shortcode.range)
      return .none
    }
    let path = key.split(separator: ".").map(String.init)
    let page = context.page
    let typed: [String: String] = [
      "title": page.title, "description": page.description, "summary": page.summary, "slug": page.slug,
      "linktitle": page.linkTitle, "subtitle": page.subtitle,
    ]
    if path.count == 1, let v = typed[key.lowercased()], !v.isEmpty { return .text(v) }
    let pageParams = page.param("params").flatMap { v -> [KeyValue<MetaValue>]? in
      if case .table(let t) = v { return t }
      return nil
    } ?? []
    for params in [page.params, pageParams, context.site.params] {
      if let v = ParamShortcode.lookup(path, in: params) { return .text(v.description) }
    }
    context.report(.missingParam, "no parameter '\(key)' in the page or the site", at: shortcode.range)
    return .none
  }

  /// The value at a dotted path, keys compared without case (Hugo lower-cases them).
  static func lookup(_ path: [String], in params: [KeyValue<MetaValue>]) -> MetaValue? {
    guard let first = path.first, let v = params.first(where: { $0.key.lowercased() == first.lowercased() })?.value else { return nil }
    if path.count == 1 { return v }
    if case .table(let t) = v { return lookup(Array(path.dropFirst()), in: t) }
    return nil
  }
}
