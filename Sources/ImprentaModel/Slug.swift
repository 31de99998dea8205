/// Heading anchor ids as Hugo's default Markdown renderer (Goldmark, `autoHeadingIDType: github`) makes them.
public enum Slug {
  /// The id for a heading's text: letters and digits lower-cased (accents kept), `_` kept, spaces
  /// and `-` become `-`, everything else dropped. `¿Qué es la Alianza?` → `qué-es-la-alianza`.
  public static func github(_ text: String) -> String {
    // Scalars gathered in an array and made a String once: appending to a String's scalar view
    // copied the string each time (a 2 MB heading took minutes).
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.trimmingCharacters(in: " \t\n\r").unicodeScalars {
      if scalar == "-" || scalar == " " {
        out.append("-")
      } else if scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
        if scalar.isASCII {
          out.append(Unicode.Scalar(UInt8(ascii: scalar) | (scalar.properties.isUppercase ? 0x20 : 0)))
        } else {
          out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      }
    }
    return String(String.UnicodeScalarView(out))
  }
}

/// Hands out unique ids within one document, as Hugo does: `id`, then `id-1`, `id-2`…
public struct UniqueIDs: Sendable {
  private var used: Set<String> = []
  /// The next suffix to try for each base id: 20,000 identical headings cost linear time, not
  /// a count from 1 for each.
  private var nextSuffix: [String: Int] = [:]

  /// Creates an empty set of ids.
  public init() {}

  /// Marks an id as taken without changing it (an explicit `{#id}`).
  public mutating func reserve(_ id: String) {
    used.insert(id)
  }

  /// A unique id built from `base` (`heading` when `base` is empty).
  public mutating func make(from base: String) -> String {
    let root = base.isEmpty ? "heading" : base
    var candidate = root
    var n = nextSuffix[root] ?? 1
    while used.contains(candidate) {
      candidate = "\(root)-\(n)"
      n += 1
    }
    if candidate != root { nextSuffix[root] = n }
    used.insert(candidate)
    return candidate
  }
}

extension StringProtocol {
  /// The text without leading and trailing characters of `set` (a Foundation-free trim).
  public func trimmingCharacters(in set: String) -> String {
    let chars = Set(set.unicodeScalars)
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !chars.contains($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !chars.contains($0) })!
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
