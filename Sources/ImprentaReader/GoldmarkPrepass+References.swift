import ImprentaModel

// The page's link reference definitions, which a definition's own converter must know.
extension GoldmarkPrepass {
  /// The page's one-line link reference definitions (`[label]: url "title"`), by normalised
  /// label: a definition's text is read by a converter of its own, which must know them.
  func referenceDefinitions() -> [String: String] {
    var out: [String: String] = [:]
    for k in lines.indices where !inFence[k] && !consumed[k] && indent(k) <= 3 {
      let c = content(k)
      guard c.first == UInt8(ascii: "["), let close = c.firstIndex(of: UInt8(ascii: "]")), close + 1 < c.endIndex, c[close + 1] == UInt8(ascii: ":") else { continue }
      let label = GoldmarkPrepass.normalizedLabel(c[(c.startIndex + 1)..<close])
      if !label.isEmpty, out[label] == nil { out[label] = String(decoding: c, as: UTF8.self) }
    }
    return out
  }

  /// A reference label as cmark matches it: case folded, inner white space collapsed.
  static func normalizedLabel<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
  }

  /// The labels `text` may use (`[label]`, `[text][label]`), normalised: each `[` to the next `]`
  /// (found with one backward pass, so 100,000 `[` cost linear time), at most 999 bytes.
  static func bracketedLabels(in text: String) -> Set<String> {
    let bytes = text.utf8Bytes
    guard bytes.contains(UInt8(ascii: "[")) else { return [] }
    var nextClose = Array(repeating: -1, count: bytes.count + 1)
    for i in stride(from: bytes.count - 1, through: 0, by: -1) {
      nextClose[i] = bytes[i] == UInt8(ascii: "]") ? i : nextClose[i + 1]
    }
    var out = Set<String>()
    for i in bytes.indices where bytes[i] == UInt8(ascii: "[") {
      let close = nextClose[i + 1]
      guard close > i, close - i <= 1000 else { continue }
      out.insert(normalizedLabel(bytes[(i + 1)..<close]))
    }
    return out
  }
}
