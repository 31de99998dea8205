import ImprentaModel

/// A mapping entry for an unknown shortcode, guessed from one use of it, for the warning to show
/// ready to paste (`shortcodes: {code-toggle: {as: verbatim, language: toml}}`): a box word
/// (`hint`, `warning`) → admonition; `tabs`/`tab` → tabs/tab; `include`/`readfile` or a `.md`
/// argument → include; a URL or image argument and no body → embed or image; a raw `{{< >}}` body
/// that reads as code → verbatim; any other body → container; arguments only → text; nothing → drop.
enum ShortcodeGuess {
  static let boxWords: Set<String> = [
    "note", "tip", "hint", "warning", "danger", "info", "caution", "important", "alert", "callout", "notice", "admonition",
    "attention", "error", "success", "warn",
  ]
  static let urlNames = ["url", "src", "href", "link", "source"]
  static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

  /// The URL an unknown shortcode without a body stands for (an iframe's `url=`), if any: kept as an embed.
  static func url(of shortcode: Shortcode) -> String? {
    guard shortcode.body == nil else { return nil }
    let a = shortcode.arguments
    for value in urlNames.compactMap({ a[$0] }) + a.positional.prefix(1) {
      let v = value.trimmingCharacters(in: " \t")
      if v.hasPrefix("https://") || v.hasPrefix("http://") { return v }
    }
    return nil
  }

  /// The entry, as YAML flow text (`{as: verbatim}`).
  static func entry(for shortcode: Shortcode, rawBody: String?) -> String {
    let a = shortcode.arguments
    let name = shortcode.name.lowercased()
    let named = Set(a.named.map(\.key))
    func spec(_ names: [String]) -> String? {
      if let n = names.first(where: named.contains) { return n }
      return a.positional.isEmpty ? nil : "0"
    }
    func table(_ pairs: [(String, String?)]) -> String {
      let fields = pairs.compactMap { k, v in v.map { "\(k): \($0)" } }
      return fields.count == 1 ? String(fields[0].dropFirst(4)) : "{" + fields.joined(separator: ", ") + "}"
    }
    if boxWords.contains(name) {
      let kind = a.positional.first.map { $0.allSatisfy { $0.isLetter } } == true ? "0" : nil
      return table([("as", "admonition"), ("kind", kind), ("title", named.contains("title") ? "title" : nil)])
    }
    if name == "tabs" || name.hasSuffix("-tabs") { return "tabs" }
    if name == "tab" || name.hasSuffix("-tab") { return table([("as", "tab"), ("label", spec(["label", "title", "name"]) ?? "0")]) }
    let firstIsPage = a.positional.first.map { $0.hasSuffix(".md") } ?? false
    if name.contains("include") || name.contains("readfile") || (shortcode.body == nil && firstIsPage) {
      return table([("as", "include"), ("path", spec(["path", "file"]) ?? "0")])
    }
    if shortcode.body == nil {
      for key in urlNames + ["0"] {
        guard let value = a.value(spec: key) else { continue }
        let ext = (value.split(separator: "?").first.map(String.init) ?? value).split(separator: ".").last.map { $0.lowercased() } ?? ""
        if imageExtensions.contains(ext) { return table([("as", "image"), ("src", key), ("alt", named.contains("alt") ? "alt" : nil)]) }
        if value.hasPrefix("https://") || value.hasPrefix("http://") { return table([("as", "embed"), ("url", key), ("title", named.contains("title") ? "title" : nil)]) }
      }
      guard let text = spec(["text", "title"]) else { return "drop" }
      return table([("as", "text"), ("text", text)])
    }
    if !shortcode.isMarkdown, let raw = rawBody, let language = codeLanguage(raw) {
      let lang = named.contains("lang") ? "lang" : named.contains("language") ? "language" : language.isEmpty ? nil : language
      return table([("as", "verbatim"), ("language", lang)])
    }
    return "container"
  }

  /// The whole `shortcodes:` line for `name` and `entry`, ready to paste.
  static func hint(name: String, entry: String) -> String {
    let plain = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && name.first?.isLetter == true
    return "add to imprenta.yaml: shortcodes: {\(plain ? name : "\"\(name)\""): \(entry)}"
  }

  /// The language a raw body looks written in when most of its lines read as code (`toml`, `yaml`,
  /// `json`, or "" for code of no clear kind); nil when it reads as prose.
  static func codeLanguage(_ body: String) -> String? {
    let lines = body.split(separator: "\n").map { $0.trimmingCharacters(in: " \t\r") }.filter { !$0.isEmpty }
    guard !lines.isEmpty else { return nil }
    var toml = 0, yaml = 0, json = 0, other = 0
    for line in lines {
      let key = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "'" || $0 == "\"" }
      let rest = line.dropFirst(key.count).drop { $0 == " " }
      if line.hasPrefix("[") && line.hasSuffix("]") || (!key.isEmpty && rest.hasPrefix("=")) {
        toml += 1
      } else if !key.isEmpty && key.first!.isLowercase && (rest == ":" || rest.hasPrefix(": ")) {
        yaml += 1
      } else if line.hasPrefix("{") || line.hasPrefix("}") || line.hasPrefix("\"") && line.contains("\":") {
        json += 1
      } else if line.hasPrefix("#") && !line.hasPrefix("# ") || line.hasSuffix(";") || line.hasSuffix("{") || line.hasPrefix("<") || line.hasPrefix("- ") && yaml > 0 {
        other += 1
      } else if line.hasPrefix("# ") && (toml + yaml) > 0 {
        other += 1  // a comment among settings
      }
    }
    let code = toml + yaml + json + other
    guard code * 2 >= lines.count else { return nil }
    if toml >= yaml && toml >= json && toml > 0 { return "toml" }
    if yaml >= json && yaml > 0 { return "yaml" }
    return json > 0 ? "json" : ""
  }
}
