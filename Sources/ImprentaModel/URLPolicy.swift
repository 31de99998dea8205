// The one URL policy: what every backend (XHTML, EPUB, PDF, text) and the reader may turn into a
// link or an image reference. Readers and backends ask it; none keeps an allow-list of its own.

/// Decides what a URL written by a page's author may become.
public enum URLPolicy {
  /// Schemes that may become a link in any output. Everything else with a scheme (`javascript:`,
  /// `vbscript:`, `data:`, `file:`, `feed:javascript:…`, `blob:`) never becomes a link.
  public static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps", "sftp", "news", "irc", "ircs", "xmpp", "geo", "sms"]

  /// Media types of `data:` images Imprenta decodes itself (never SVG: it may carry script).
  public static let dataImageTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

  /// What a URL is, for the purpose of writing it into an output.
  public enum Kind: Sendable, Hashable {
    /// `#anchor` in the same document.
    case fragment
    /// A link to another document of the same export (`imprenta-page:`).
    case internalPage
    /// A path with no scheme (`images/a.png`, `../b/`, `/documents/x.pdf`).
    case relative
    /// An allowed remote or application URL (`https:`, `mailto:`…).
    case remote
    /// A `data:` raster image Imprenta decodes itself.
    case dataImage
    /// Never written: the reason says why (for the diagnostic).
    case refused(String)
  }

  /// The scheme of `url` as a browser reads it (ASCII whitespace and controls ignored, lower-cased),
  /// or nil when it has none.
  public static func scheme(of url: String) -> String? {
    var scheme = ""
    for s in url.unicodeScalars {
      if s.value <= 0x20 || s.value == 0x7F { continue }  // browsers drop tabs and newlines inside a scheme
      if s == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
      let isLetter = (s >= "a" && s <= "z") || (s >= "A" && s <= "Z")
      let isOther = (s >= "0" && s <= "9") || s == "+" || s == "-" || s == "."
      guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
      scheme.unicodeScalars.append(s)
    }
    return nil
  }

  /// Classifies `url`.
  public static func classify(_ url: String) -> Kind {
    let trimmed = url.trimmingASCIIWhitespace
    if trimmed.hasPrefix("#") { return .fragment }
    if trimmed.hasPrefix(internalLinkScheme) { return .internalPage }
    if trimmed.hasPrefix("//") { return .remote }
    guard let scheme = scheme(of: trimmed) else { return .relative }
    if linkSchemes.contains(scheme) { return .remote }
    if scheme == "data" {
      let type = dataMediaType(trimmed)
      return dataImageTypes.contains(type) ? .dataImage : .refused("a data: URL (\(type.isEmpty ? "no type" : type)) is never written into an output")
    }
    return .refused("\(scheme): URLs are never written into an output")
  }

  /// Whether `url` may be the destination of a link in any output.
  public static func isAllowedLink(_ url: String) -> Bool {
    switch classify(url) {
    case .fragment, .internalPage, .relative, .remote: return true
    case .dataImage, .refused: return false
    }
  }

  /// Whether `url` may be the source of an image (remote images are allowed here; whether an output
  /// may reference them is the backend's decision: EPUB and XHTML never do).
  public static func isAllowedImageSource(_ url: String) -> Bool {
    switch classify(url) {
    case .relative, .remote, .dataImage: return true
    case .fragment, .internalPage, .refused: return false
    }
  }

  /// Why `url` may not become a link (with `image`, the source of an image), for the diagnostic;
  /// nil when it may.
  public static func refusal(_ url: String, image: Bool = false) -> String? {
    if image ? isAllowedImageSource(url) : isAllowedLink(url) { return nil }
    if case .refused(let why) = classify(url) { return why }
    return image ? "\(url) is not the source of an image" : "a data: URL is never written as a link"
  }

  /// Whether `url` points outside the export (a remote resource that outputs must not load).
  public static func isRemote(_ url: String) -> Bool {
    if case .remote = classify(url) { return true }
    return false
  }

  /// The anchor id a URL's fragment names (the part after `#`): percent-decoded as UTF-8, as
  /// browsers match it, so `#%E8%AF%81%E4%B9%A6` names the heading `证书`. A fragment that is not
  /// valid percent-encoding (a lone `%`, bytes that are not UTF-8, control characters) is the id
  /// as written.
  public static func anchorID(fragment: some StringProtocol) -> String {
    let written = String(fragment)
    guard written.utf8.contains(UInt8(ascii: "%")) else { return written }
    func hex(_ b: UInt8) -> UInt8? {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
      default: return nil
      }
    }
    let bytes = Array(written.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "%") {
        guard i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else { return written }
        if high << 4 | low < 0x20 || high << 4 | low == 0x7F { return written }
        out.append(high << 4 | low)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(validating: out, as: UTF8.self) ?? written
  }

  /// `url` as written into an output's `href`: the ASCII characters a URI may not hold (space,
  /// `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`, controls, and a `%` not starting an escape)
  /// percent-encoded, so a link ending in `\` or holding a space is still a valid URI (EPUB
  /// checkers reject the raw form, RSC-020). Letters beyond ASCII stay (IRIs).
  public static func written(_ url: String) -> String {
    let forbidden: Set<UInt8> = [0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7F]
    func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
    let bytes = Array(url.utf8)
    guard bytes.contains(where: { $0 < 0x20 || forbidden.contains($0) || $0 == 0x25 }) else { return url }
    var out: [UInt8] = []
    for (i, b) in bytes.enumerated() {
      let escapes = b == 0x25 && i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
      if b < 0x20 || forbidden.contains(b) || (b == 0x25 && !escapes) {
        let hex = Array("0123456789ABCDEF".utf8)
        out += [0x25, hex[Int(b >> 4)], hex[Int(b & 15)]]
      } else {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The media type of a `data:` URL, lower-cased (`image/png`), or empty.
  static func dataMediaType(_ url: String) -> String {
    guard let colon = url.firstIndex(of: ":") else { return "" }
    let rest = url[url.index(after: colon)...]
    let end = rest.firstIndex(where: { $0 == ";" || $0 == "," }) ?? rest.endIndex
    return String(rest[..<end]).trimmingASCIIWhitespace.lowercased()
  }
}

extension String {
  /// The string without leading and trailing ASCII whitespace and controls.
  var trimmingASCIIWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0.value > 0x20 }), let last = scalars.lastIndex(where: { $0.value > 0x20 }) else { return "" }
    return String(scalars[first...last])
  }
}
