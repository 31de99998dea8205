import ImprentaModel

/// How Markdown is read, as Hugo's Goldmark settings say (`markup.goldmark` in the site
/// configuration, and the top-level `enableEmoji`). The defaults are Hugo's.
public struct MarkupOptions: Sendable, Hashable {
  /// A pair of passthrough delimiters (`\[` and `\]`, `$$` and `$$`).
  public struct Delimiters: Sendable, Hashable {
    /// What opens the passage.
    public var open: String
    /// What closes it.
    public var close: String
    /// Creates a pair.
    public init(_ open: String, _ close: String) {
      self.open = open
      self.close = close
    }
  }

  /// Smart quotes, dashes and ellipses (`extensions.typographer`).
  public var typographer = true
  /// Bare URLs (`www.x.org`, `https://x.org`) become links (`extensions.linkify`).
  public var linkify = true
  /// `:wave:` becomes 👋 (Hugo's top-level `enableEmoji`; off by default).
  public var enableEmoji = false
  /// `Term` / `: definition` lists (`extensions.definitionList`).
  public var definitionLists = true
  /// `## Title {#id .class}` (`parser.attribute.title`).
  public var headingAttributes = true
  /// A `{.class #id}` line after a paragraph, list, table, quote or code block applies to it
  /// (`parser.attribute.block`; off in Hugo by default).
  public var blockAttributes = false
  /// Headings get ids from their text (`parser.autoHeadingID`).
  public var autoHeadingID = true
  /// Defined terms get ids from their text (`parser.autoDefinitionTermID`; off by default).
  public var autoDefinitionTermID = false
  /// Passages kept exactly as written, between these delimiters on their own lines
  /// (`extensions.passthrough.delimiters.block`, when `passthrough.enable` is true).
  public var passthroughBlock: [Delimiters] = []
  /// Passages kept exactly as written inside running text (`extensions.passthrough.delimiters.inline`).
  public var passthroughInline: [Delimiters] = []

  /// Hugo's defaults.
  public init() {}

  /// The settings of a Hugo site configuration's top-level values (`markup`, `enableEmoji`);
  /// keys are matched without regard to case, as Hugo does; what is not set keeps its default.
  public init(hugoConfig values: [KeyValue<MetaValue>]) {
    let config = MetaValue.table(values)
    if let v = config.value(at: ["enableemoji"])?.boolValue { enableEmoji = v }
    let goldmark = config.value(at: ["markup", "goldmark"])
    let extensions = goldmark?.value(at: ["extensions"])
    if let v = extensions?.value(at: ["typographer"]) {
      // A bool in older Hugo, a table with `disable` since 0.112.
      if let b = v.boolValue { typographer = b } else if let d = v.value(at: ["disable"])?.boolValue { typographer = !d }
    }
    if let v = extensions?.value(at: ["linkify"])?.boolValue { linkify = v }
    if let v = extensions?.value(at: ["definitionlist"])?.boolValue { definitionLists = v }
    if let passthrough = extensions?.value(at: ["passthrough"]), passthrough.value(at: ["enable"])?.boolValue == true {
      passthroughBlock = MarkupOptions.delimiters(passthrough.value(at: ["delimiters", "block"]))
      passthroughInline = MarkupOptions.delimiters(passthrough.value(at: ["delimiters", "inline"]))
    }
    let parser = goldmark?.value(at: ["parser"])
    if let v = parser?.value(at: ["attribute", "block"])?.boolValue { blockAttributes = v }
    if let v = parser?.value(at: ["attribute", "title"])?.boolValue { headingAttributes = v }
    if let v = parser?.value(at: ["autoheadingid"])?.boolValue { autoHeadingID = v }
    if let v = parser?.value(at: ["autodefinitiontermid"])?.boolValue { autoDefinitionTermID = v }
  }

  /// `[['\[', '\]'], ['$$', '$$']]` → pairs; malformed entries and empty delimiters are skipped.
  static func delimiters(_ value: MetaValue?) -> [Delimiters] {
    guard case .list(let pairs)? = value else { return [] }
    return pairs.compactMap { pair in
      guard case .list(let two) = pair, two.count == 2, case .string(let open) = two[0], case .string(let close) = two[1],
        !open.isEmpty, !close.isEmpty, !open.contains("\n"), !close.contains("\n")
      else { return nil }
      return Delimiters(open, close)
    }
  }
}

extension MetaValue {
  /// The value at a path of table keys, matched without regard to case.
  func value(at path: [String]) -> MetaValue? {
    var current = self
    for key in path {
      guard case .table(let pairs) = current, let next = pairs.first(where: { $0.key.lowercased() == key }) else { return nil }
      current = next.value
    }
    return current
  }

  /// A boolean, or a string that says one.
  var boolValue: Bool? {
    switch self {
    case .bool(let b): return b
    case .string(let s) where s.lowercased() == "true": return true
    case .string(let s) where s.lowercased() == "false": return false
    default: return nil
    }
  }
}
