import Foundation
import ImprentaModel

/// Images an SVG carries inside itself (`<image href="data:…">`), measured from their headers
/// before librsvg decodes any of them: librsvg decodes whatever a `data:` URL holds, whatever
/// its size, so a 1 MB SVG could hold a 900-megapixel PNG.
///
/// `measure(href:)` is the check for one reference (the SVG sanitizer calls it for each `href`
/// it keeps); `check(svg:)` finds every `data:` URL of an SVG document and measures each.
public enum NestedImageBudget {
  /// What a nested image reference costs, or why it is refused.
  public enum Measure: Equatable, Sendable {
    /// Not a `data:` URL: librsvg, given no base file, loads nothing for it.
    case notData
    /// A decodable image and the pixels decoding it (and anything nested in it) costs.
    case pixels(Int)
    /// Never decoded: the budget it is over (nil when it is not an image Imprenta can measure).
    case refused(String, Budget?)
  }

  /// How deep SVG images inside SVG images may go.
  static let maximumDepth = 3

  /// Measures the image a `href` points at (an attribute value, entities already decoded):
  /// a `data:` URL is decoded (percent-escapes, base64) and its header read. PNG, JPEG, GIF and
  /// WebP are measured against `Budget.imagePixels` (and a JPEG's scans against
  /// `Budget.jpegScans`); an SVG is checked as a whole; anything else is refused.
  public static func measure(href: String, depth: Int = 0) -> Measure {
    // Browsers' and librsvg's URL parsing drops leading spaces and controls, and tabs and line
    // breaks anywhere.
    let url = String(String.UnicodeScalarView(href.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })).trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
    guard url.prefix(5).lowercased() == "data:" else { return .notData }
    guard let comma = url.firstIndex(of: ",") else { return .refused("a data: URL without data", nil) }
    let header = url[url.index(url.startIndex, offsetBy: 5)..<comma].lowercased()
    let isBase64 = header.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces) == "base64" }
    let payload = String(url[url.index(after: comma)...])
    let raw = Array((payload.removingPercentEncoding ?? payload).utf8)
    let bytes: [UInt8]
    if isBase64 {
      guard let d = Data(base64Encoded: Data(raw.filter { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D) }), options: .ignoreUnknownCharacters) else {
        return .refused("a data: URL that is not base64", nil)
      }
      bytes = [UInt8](d)
    } else {
      bytes = raw
    }
    return measure(bytes: bytes, declaredSVG: header.hasPrefix("image/svg"), depth: depth)
  }

  /// Measures decoded image bytes.
  static func measure(bytes: [UInt8], declaredSVG: Bool, depth: Int) -> Measure {
    let header = ImageHeader(bytes)
    if declaredSVG || header?.format == .svg {
      guard depth < maximumDepth else { return .refused("SVG images nested \(maximumDepth) deep", nil) }
      switch check(svg: bytes, depth: depth + 1) {
      case .success(let pixels): return .pixels(pixels)
      case .failure(let refusal): return .refused(refusal.reason, refusal.budget)
      }
    }
    guard let header, header.width > 0, header.height > 0 else { return .refused("an image of an unknown format", nil) }
    if header.isTooLarge { return .refused("an image of \(header.width)×\(header.height) pixels", .imagePixels) }
    if header.format == .jpeg {
      let scans = ImageHeader.jpegScanCount(bytes)
      if scans > Budget.jpegScans.limit { return .refused("a JPEG of \(scans) scans", .jpegScans) }
    }
    return .pixels(header.pixels)
  }

  /// Why an SVG is not drawn.
  public struct Refusal: Error, Equatable, Sendable {
    /// What is wrong (`an image of 30000×30000 pixels`).
    public var reason: String
    /// The budget it is over, if any.
    public var budget: Budget?
  }

  /// Checks a whole SVG before librsvg parses it: its size against `Budget.svgBytes`, then every
  /// `data:` URL it holds (found after character references and internal entities are
  /// expanded, as librsvg's XML parser would) with `measure(href:)`. Returns the pixels of all
  /// nested images together.
  public static func check(svg bytes: [UInt8], depth: Int = 0) -> Result<Int, Refusal> {
    if bytes.count > Budget.svgBytes.limit { return .failure(Refusal(reason: "the SVG is \(bytes.count) bytes", budget: .svgBytes)) }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let expanded = expandEntities(text) else {
      return .failure(Refusal(reason: "the SVG declares entities that cannot be checked", budget: nil))
    }
    var total = 0
    for href in dataURLs(in: expanded) {
      switch measure(href: href, depth: depth) {
      case .notData: continue
      case .pixels(let p):
        total += p
        if total > Budget.documentPixels.limit {
          return .failure(Refusal(reason: "the images inside the SVG have \(total) pixels together", budget: .documentPixels))
        }
      case .refused(let why, let budget): return .failure(Refusal(reason: "inside the SVG, \(why)", budget: budget))
      }
    }
    return .success(total)
  }

  /// Every `data:` URL that starts an attribute value or a CSS `url(…)`, up to the quote or
  /// parenthesis that closes it. Case, and spaces or line breaks before it, do not hide one.
  static func dataURLs(in text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var urls: [String] = []
    var i = 0
    // ASCII letters in either case (`| 0x20` maps only `D` and `d` to `d`, and so on).
    func letter(_ k: Int, _ c: Unicode.Scalar) -> Bool { scalars[k].value | 0x20 == c.value }
    while i + 5 <= scalars.count {
      guard letter(i, "d"), letter(i + 1, "a"), letter(i + 2, "t"), letter(i + 3, "a"), scalars[i + 4] == ":" else {
        i += 1
        continue
      }
      // What opens the value: a quote or `(`, perhaps after whitespace.
      var k = i - 1
      while k >= 0 && (scalars[k].value <= 0x20) { k -= 1 }
      let opener: Unicode.Scalar = k >= 0 ? scalars[k] : " "
      guard opener == "\"" || opener == "'" || opener == "(" || opener == "=" else {
        i += 5
        continue
      }
      let closers: Set<Unicode.Scalar> = opener == "(" ? [")", "\"", "'"] : opener == "=" ? ["\"", "'", ">", " "] : [opener]
      var j = i
      while j < scalars.count && !closers.contains(scalars[j]) { j += 1 }
      var url = String.UnicodeScalarView()
      url.append(contentsOf: scalars[i..<j])
      urls.append(String(url))
      i = j
    }
    return urls
  }

  /// The text with character references, the five predefined entities and internal entities
  /// (`<!ENTITY name "value">`) expanded; nil when an entity cannot be expanded safely
  /// (parameter or external entities, values that refer to other entities).
  static func expandEntities(_ text: String) -> String? {
    var entities: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
    if text.contains("<!ENTITY") {
      let pattern = #"<!ENTITY\s+(%\s+)?([^\s"']+)\s+(?:(SYSTEM|PUBLIC)|"([^"]*)"|'([^']*)')"#
      guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
      let ns = text as NSString
      let found = re.matches(in: text, range: NSRange(location: 0, length: ns.length))
      let declared = text.components(separatedBy: "<!ENTITY").count - 1
      guard found.count == declared else { return nil }
      for m in found {
        guard m.range(at: 1).location == NSNotFound, m.range(at: 3).location == NSNotFound else { return nil }
        let valueRange = m.range(at: 4).location != NSNotFound ? m.range(at: 4) : m.range(at: 5)
        let value = ns.substring(with: valueRange)
        guard !value.contains("&") || !value.replacingOccurrences(of: #"&#[0-9]+;|&#x[0-9a-fA-F]+;"#, with: "", options: .regularExpression).contains("&") else { return nil }
        entities[ns.substring(with: m.range(at: 2))] = value
      }
    }
    // One pass: a replacement text is not scanned again (values holding `&` were refused above,
    // except character references, which are expanded in their value first).
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "&", let semi = scalars[i..<min(scalars.count, i + 40)].firstIndex(of: ";") else {
        out.append(scalars[i])
        i += 1
        continue
      }
      let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semi]))
      if let v = characterReference(name) {
        out.append(v)
      } else if let value = entities[name] {
        out.append(contentsOf: (expandCharacterReferences(value)).unicodeScalars)
      } else {
        out.append(contentsOf: scalars[i...semi])
      }
      i = semi + 1
    }
    return String(out)
  }

  private static func expandCharacterReferences(_ s: String) -> String {
    guard s.contains("&#") else { return s }
    var out = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == "&", let semi = scalars[i..<min(scalars.count, i + 40)].firstIndex(of: ";"),
        let v = characterReference(String(String.UnicodeScalarView(scalars[(i + 1)..<semi])))
      {
        out.append(v)
        i = semi + 1
      } else {
        out.append(scalars[i])
        i += 1
      }
    }
    return String(out)
  }

  /// `#65` or `#x41` as its scalar.
  private static func characterReference(_ name: String) -> Unicode.Scalar? {
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    return value.flatMap(Unicode.Scalar.init)
  }
}
