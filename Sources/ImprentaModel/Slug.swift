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

extension String {
  /// The text without leading and trailing characters of `set` (a Foundation-free trim); an
  /// ASCII `set` (every caller's) trims bytes, not scalars, and copies the rest once.
  public func trimmingCharacters(in set: String) -> String {
    guard let ascii = ASCIISet(set) else { return Substring(self).trimmingScalars(in: set) }
    let (start, end) = ascii.trimmedBounds(utf8)
    return start == startIndex && end == endIndex ? self : String(self[start..<end])
  }
}

extension Substring {
  /// The text without leading and trailing characters of `set` (a Foundation-free trim).
  public func trimmingCharacters(in set: String) -> String {
    guard let ascii = ASCIISet(set) else { return trimmingScalars(in: set) }
    let (start, end) = ascii.trimmedBounds(utf8)
    return String(self[start..<end])
  }
}

/// A set of ASCII bytes, for trimming by bytes: the ends of a run of ASCII bytes are scalar
/// boundaries, so the bounds found index the text exactly.
struct ASCIISet {
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  init?(_ set: String) {
    for b in set.utf8 {
      guard b < 0x80 else { return nil }
      if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
    }
  }

  func contains(_ b: UInt8) -> Bool {
    b < 64 ? low & (1 << UInt64(b)) != 0 : b < 128 && high & (1 << UInt64(b - 64)) != 0
  }

  func trimmedBounds<View: BidirectionalCollection>(_ bytes: View) -> (View.Index, View.Index) where View.Element == UInt8 {
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end && contains(bytes[start]) { bytes.formIndex(after: &start) }
    while end > start {
      let before = bytes.index(before: end)
      guard contains(bytes[before]) else { break }
      end = before
    }
    return (start, end)
  }
}

extension StringProtocol {
  /// The text without leading and trailing characters of `set` (a Foundation-free trim).
  public func trimmingCharacters(in set: String) -> String {
    trimmingScalars(in: set)
  }

  /// The trim by Unicode scalars, for any `set`.
  func trimmingScalars(in set: String) -> String {
    let chars = Set(set.unicodeScalars)
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !chars.contains($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !chars.contains($0) })!
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
