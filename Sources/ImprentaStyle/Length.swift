import ImprentaModel

/// A length with its unit, as a style file writes it: `11pt`, `4mm`, `0.5in`, `2cm`, `12px`, `1.2em`.
public struct Length: Sendable, Hashable, CustomStringConvertible {
  /// Units a style may use.
  public enum Unit: String, Sendable, Hashable, CaseIterable {
    /// Points (1/72 in).
    case pt
    /// Millimetres.
    case mm
    /// Centimetres.
    case cm
    /// Inches.
    case `in`
    /// CSS pixels (1/96 in).
    case px
    /// Multiples of the base font size.
    case em
  }
  /// The number.
  public var value: Double
  /// The unit.
  public var unit: Unit

  /// Creates a length.
  public init(_ value: Double, _ unit: Unit) {
    self.value = value
    self.unit = unit
  }

  /// A length in points.
  public static func pt(_ v: Double) -> Length { Length(v, .pt) }
  /// A length in millimetres.
  public static func mm(_ v: Double) -> Length { Length(v, .mm) }
  /// A length in ems.
  public static func em(_ v: Double) -> Length { Length(v, .em) }

  /// Parses `11pt`, `4 mm`, `1.2em`; a bare number means points. Nil when not a length.
  public init?(parsing text: String) {
    let s = text.trimmingCharacters(in: " \t")
    var numberEnd = s.startIndex
    for (i, c) in zip(s.indices, s) {
      if c.isNumber || c == "." || (i == s.startIndex && (c == "-" || c == "+")) { numberEnd = s.index(after: i) } else { break }
    }
    guard let v = Double(s[..<numberEnd]), v.isFinite else { return nil }
    let unitText = s[numberEnd...].trimmingCharacters(in: " \t").lowercased()
    if unitText.isEmpty {
      self.init(v, .pt)
    } else if let u = Unit(rawValue: unitText) {
      self.init(v, u)
    } else {
      return nil
    }
  }

  /// The length in points, with `em` taken against `em` points.
  public func points(em: Double) -> Double {
    switch unit {
    case .pt: return value
    case .mm: return value * 72 / 25.4
    case .cm: return value * 720 / 25.4
    case .in: return value * 72
    case .px: return value * 0.75
    case .em: return value * em
    }
  }

  /// The length in ems, with absolute units taken against a base of `base` points.
  public func ems(base: Double) -> Double {
    unit == .em ? value : points(em: base) / base
  }

  public var description: String {
    let v = value == value.rounded() ? String(Int(value)) : String(value)
    return v + unit.rawValue
  }
}
