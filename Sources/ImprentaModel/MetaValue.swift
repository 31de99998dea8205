/// A front-matter value that has no typed field of its own, kept in source order.
public indirect enum MetaValue: Sendable, Hashable, CustomStringConvertible {
  /// A string (Hugo's string fields are always kept as strings, never re-typed).
  case string(String)
  /// A whole number.
  case integer(Int)
  /// A decimal number.
  case number(Double)
  /// A boolean.
  case bool(Bool)
  /// A date or date-time, as written.
  case date(PageDate)
  /// A list.
  case list([MetaValue])
  /// A table, with its keys in source order.
  case table([KeyValue<MetaValue>])

  /// The value as text: strings as they are, numbers and dates as written, lists joined by commas.
  public var description: String {
    switch self {
    case .string(let s): return s
    case .integer(let i): return String(i)
    case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    case .bool(let b): return b ? "true" : "false"
    case .date(let d): return d.text
    case .list(let items): return items.map(\.description).joined(separator: ", ")
    case .table(let pairs): return pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }
  }

  /// The strings of a list, or the one string of a scalar.
  public var strings: [String] {
    switch self {
    case .list(let items): return items.map(\.description)
    default: return [description]
    }
  }

  /// The value under `key` in a table.
  public subscript(key: String) -> MetaValue? {
    if case .table(let pairs) = self { return pairs.first { $0.key == key }?.value }
    return nil
  }
}
