import ImprentaModel

/// The front matter of a page, split from its body.
struct FrontMatter {
  /// The formats Hugo accepts.
  enum Format: String {
    case yaml, toml, json
  }
  /// The format, or nil when the page has none.
  var format: Format?
  /// The keys and values, in source order (TOML and JSON: key order).
  var values: [KeyValue<MetaValue>]
  /// Line (1-based) of each top-level key, for diagnostics about typed fields.
  var keyLines: [String: Int]
  /// The Markdown after the front matter.
  var body: Substring
  /// How many lines precede the body (to map Markdown line numbers back to the file).
  var bodyLineOffset: Int
}

/// Splits and parses front matter in YAML (`---`), TOML (`+++`) or JSON (`{`).
enum FrontMatterReader {
  /// Reads the front matter at the start of `text`; throws `invalid-front-matter` with the position.
  static func read(_ text: String, file: String) throws -> FrontMatter {
    let none = FrontMatter(format: nil, values: [], keyLines: [:], body: text[...], bodyLineOffset: 0)
    if text.hasPrefix("---") || text.hasPrefix("+++") {
      let fence = String(text.prefix(3))
      // Lines are found one at a time up to the closing fence: the body (most of the page) is
      // never split (splitting a whole page into lines was a fifth of a text export's time).
      var lines: [Substring] = []
      var start = text.startIndex
      var closing: Int?
      while start < text.endIndex {
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        let line = text[start..<end]
        let l = line.trimmingCharacters(in: " \t\r")
        if lines.isEmpty {
          guard l == fence else { return none }
        } else if l == fence || (fence == "---" && l == "...") {
          closing = lines.count
          start = end < text.endIndex ? text.index(after: end) : end
          break
        }
        lines.append(line)
        start = end < text.endIndex ? text.index(after: end) : end
      }
      guard let end = closing else {
        throw ImprentaError(.invalidFrontMatter, "front matter opened with '\(fence)' is never closed", file: file, line: 1, column: 1)
      }
      let inner = lines[1..<end].joined(separator: "\n")
      let bodyStart = start
      let (values, keyLines): ([KeyValue<MetaValue>], [String: Int])
      if fence == "---" {
        (values, keyLines) = try YAMLFrontMatter.parse(inner, file: file, lineOffset: 1)
      } else {
        (values, keyLines) = try TOMLFrontMatter.parse(inner, file: file, lineOffset: 1)
      }
      return FrontMatter(format: fence == "---" ? .yaml : .toml, values: values, keyLines: keyLines, body: text[bodyStart...], bodyLineOffset: end + 1)
    }
    // `{{<` / `{{%` at the very start is a shortcode, not JSON front matter.
    if text.hasPrefix("{") && !text.hasPrefix("{{") {
      let end = try JSONFrontMatter.objectEnd(text, file: file)
      let inner = String(text[...end])
      let (values, keyLines) = try JSONFrontMatter.parse(inner, file: file)
      var rest = text[text.index(after: end)...]
      var offset = inner.utf8.count(where: { $0 == 10 })
      // The rest of the closing line belongs to the front matter.
      if let nl = rest.firstIndex(of: "\n") {
        rest = rest[rest.index(after: nl)...]
        offset += 1
      } else {
        rest = rest[rest.endIndex...]
      }
      return FrontMatter(format: .json, values: values, keyLines: keyLines, body: rest, bodyLineOffset: offset)
    }
    return none
  }
}

/// Front-matter keys whose values Hugo always reads as strings (`title: 1.10` stays "1.10").
enum StringField {
  static let keys: Set<String> = [
    "title", "subtitle", "description", "summary", "slug", "url", "linkTitle", "lang", "languageCode",
    "author", "type", "layout", "translationKey",
  ]
}
