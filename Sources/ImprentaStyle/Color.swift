import ImprentaModel

/// An sRGB colour with alpha, from `#rgb`, `#rrggbb`, `#rrggbbaa` or a CSS basic colour name.
public struct Color: Sendable, Hashable, CustomStringConvertible {
  /// Red, 0 to 1.
  public var red: Double
  /// Green, 0 to 1.
  public var green: Double
  /// Blue, 0 to 1.
  public var blue: Double
  /// Alpha, 0 (transparent) to 1.
  public var alpha: Double

  /// Creates a colour from components in 0…1.
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Creates a colour from a 24-bit `0xRRGGBB` value.
  public init(hex: UInt32) {
    self.init(red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255, blue: Double(hex & 0xff) / 255)
  }

  /// Black.
  public static let black = Color(hex: 0x000000)
  /// White.
  public static let white = Color(hex: 0xffffff)
  /// Fully transparent: "no colour".
  public static let none = Color(red: 0, green: 0, blue: 0, alpha: 0)

  static let names: [String: UInt32] = [
    "black": 0x000000, "white": 0xffffff, "gray": 0x808080, "grey": 0x808080, "silver": 0xc0c0c0,
    "red": 0xff0000, "maroon": 0x800000, "green": 0x008000, "lime": 0x00ff00, "blue": 0x0000ff,
    "navy": 0x000080, "teal": 0x008080, "aqua": 0x00ffff, "purple": 0x800080, "fuchsia": 0xff00ff,
    "olive": 0x808000, "yellow": 0xffff00, "orange": 0xffa500,
  ]

  /// Parses a colour; nil when the text is not one.
  public init?(parsing text: String) {
    let s = text.trimmingCharacters(in: " \t").lowercased()
    if s == "none" || s == "transparent" {
      self = .none
      return
    }
    if let v = Color.names[s] {
      self.init(hex: v)
      return
    }
    guard s.hasPrefix("#") else { return nil }
    let digits = Array(s.dropFirst())
    guard digits.allSatisfy(\.isHexDigit) else { return nil }
    func component(_ i: Int, _ width: Int) -> Double {
      let part = String(digits[i..<(i + width)])
      let v = Double(UInt8(width == 1 ? part + part : part, radix: 16)!)
      return v / 255
    }
    switch digits.count {
    case 3: self.init(red: component(0, 1), green: component(1, 1), blue: component(2, 1))
    case 6: self.init(red: component(0, 2), green: component(2, 2), blue: component(4, 2))
    case 8: self.init(red: component(0, 2), green: component(2, 2), blue: component(4, 2), alpha: component(6, 2))
    default: return nil
    }
  }

  /// Whether the colour is fully transparent.
  public var isNone: Bool { alpha == 0 }

  /// `#rrggbb` (or `#rrggbbaa` when not opaque), as CSS takes it.
  public var description: String {
    func hex(_ v: Double) -> String {
      let n = Int((min(max(v.isFinite ? v : 0, 0), 1) * 255).rounded())  // always two hex digits
      let s = String(n, radix: 16)
      return n < 16 ? "0" + s : s
    }
    return "#" + hex(red) + hex(green) + hex(blue) + (alpha < 1 ? hex(alpha) : "")
  }
}
