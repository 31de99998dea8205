import CLCMS

/// Converts sRGB colours and pixels to the output profile's CMYK with littleCMS (relative
/// colorimetric with black point compensation, the usual intent for documents), with the print
/// rules littleCMS does not know:
/// - neutral greys (text, rules, table lines) print in black ink alone, and a near-black such as
///   `#1a1a1a` as pure K (0/0/0/100), so small text has no colour fringes when plates shift;
/// - a near-black filling a large area becomes rich black (`richBlack`), which looks deep on paper.
final class CMYKConverter {
  /// Greys whose channels differ by at most this are neutral (in 0…1): 3 of 255, so a pale
  /// tint such as a table stripe `#f3f7f8` keeps its hue.
  static let neutralTolerance = 3.5 / 255
  /// Neutral colours at or below this value print as 100 % K.
  static let nearBlack = 0.15
  /// A deep black for large areas: 60/40/40/100 (240 %, well under a 300 % ink limit).
  static let richBlack: [Double] = [0.6, 0.4, 0.4, 1]

  private let transform8: cmsHTRANSFORM
  private let transformDouble: cmsHTRANSFORM
  private var cache: [[Double]: [Double]] = [:]

  /// nil when the profile is not a CMYK output profile littleCMS can read.
  init?(profile: OutputProfile) {
    guard profile.isCMYKOutput else { return nil }
    let output = profile.bytes.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }
    guard let output else { return nil }
    defer { cmsCloseProfile(output) }
    guard let srgb = cmsCreate_sRGBProfile() else { return nil }
    defer { cmsCloseProfile(srgb) }
    let flags = cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION)
    guard let t8 = cmsCreateTransform(srgb, imprenta_TYPE_RGB_8, output, imprenta_TYPE_CMYK_8, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags) else {
      return nil
    }
    guard
      let td = cmsCreateTransform(srgb, imprenta_TYPE_RGB_DBL, output, imprenta_TYPE_CMYK_DBL, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags)
    else {
      cmsDeleteTransform(t8)
      return nil
    }
    transform8 = t8
    transformDouble = td
  }

  deinit {
    cmsDeleteTransform(transform8)
    cmsDeleteTransform(transformDouble)
  }

  /// Whether `rgb` (0…1) is a grey.
  static func isNeutral(_ rgb: [Double]) -> Bool {
    (rgb.max() ?? 0) - (rgb.min() ?? 0) <= neutralTolerance
  }

  /// The CMYK (0…1 each) of an sRGB colour (0…1 each). `largeArea`: the colour fills a large
  /// area, where a near-black becomes rich black.
  func cmyk(_ rgb: [Double], largeArea: Bool = false) -> [Double] {
    let rgb = rgb.map { min(1, max(0, $0)) }
    if CMYKConverter.isNeutral(rgb) {
      let v = rgb.reduce(0, +) / 3
      if v <= CMYKConverter.nearBlack { return largeArea ? CMYKConverter.richBlack : [0, 0, 0, 1] }
      // White stays paper; greys in black ink alone, lighter as the value rises.
      return [0, 0, 0, v >= 0.999 ? 0 : ((1 - v) * 10000).rounded() / 10000]
    }
    if let known = cache[rgb] { return known }
    var input = rgb
    var output = [Double](repeating: 0, count: 4)
    cmsDoTransform(transformDouble, &input, &output, 1)
    // littleCMS gives CMYK as percentages.
    let result = output.map { (min(100, max(0, $0)) * 100).rounded() / 10000 }
    cache[rgb] = result
    return result
  }

  /// Interleaved 8-bit RGB pixels as interleaved 8-bit CMYK (the same profile and intent as colours).
  func cmyk(pixels rgb: [UInt8]) -> [UInt8] {
    let n = rgb.count / 3
    var out = [UInt8](repeating: 0, count: n * 4)
    guard n > 0 else { return out }
    rgb.withUnsafeBytes { input in
      out.withUnsafeMutableBytes { output in
        cmsDoTransform(transform8, input.baseAddress, output.baseAddress, cmsUInt32Number(n))
      }
    }
    return out
  }
}
