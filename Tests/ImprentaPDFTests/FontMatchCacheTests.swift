import CPangoCairo
import Testing

@testable import ImprentaPDF

/// Fontconfig's matches and sorts answered once per pattern (`FontMatchCache`): what the cache
/// answers is what fontconfig answers, font for font and in order, the first time and after.
@Suite struct FontMatchCacheTests {
  /// The files of a font set's fonts, in order.
  static func files(_ set: UnsafeMutablePointer<FcFontSet>?) -> [String] {
    guard let set else { return [] }
    defer { FcFontSetDestroy(set) }
    return (0..<Int(set.pointee.nfont)).map { file(set.pointee.fonts[$0]) }
  }

  static func file(_ pattern: OpaquePointer?) -> String {
    var value: UnsafeMutablePointer<FcChar8>?
    guard let pattern, FcPatternGetString(pattern, FC_FILE, 0, &value) == FcResultMatch, let value else { return "" }
    return String(cString: value)
  }

  @Test func answersAreFontconfigsOwnAndRepeatedFromTheCache() {
    _ = TextEngine()  // fontconfig's configuration loaded, as for a build
    let config = FcConfigGetCurrent()
    var sets: [UnsafeMutablePointer<FcFontSet>?] = [FcConfigGetFonts(config, FcSetSystem)]
    let before = FontMatchCache.counts
    var asked = 0
    for name in ["Noto Serif:lang=es:weight=80", "DejaVu Sans:lang=he:slant=100", "sans-serif:lang=zh", "monospace:lang=en", "Nonexistent Family:lang=und-zsye"] {
      guard let p = FcNameParse(name) else { continue }
      defer { FcPatternDestroy(p) }
      FcConfigSubstitute(config, p, FcMatchPattern)
      FcDefaultSubstitute(p)
      func answers() -> (match: String, sorted: [String], trimmed: [String], charset: Int) {
        var result = FcResultMatch
        let matched = FcFontSetMatch(config, &sets, 1, p, &result)
        defer { if let matched { FcPatternDestroy(matched) } }
        var charset: OpaquePointer?
        let trimmed = FontMatchCacheTests.files(FcFontSetSort(config, &sets, 1, p, FcTrue, &charset, &result))
        let count = charset.map { Int(FcCharSetCount($0)) } ?? -1
        if let charset { FcCharSetDestroy(charset) }
        return (FontMatchCacheTests.file(matched), FontMatchCacheTests.files(FcFontSetSort(config, &sets, 1, p, FcFalse, nil, &result)), trimmed, count)
      }
      FontMatchCache.setEnabled(false)
      let plain = answers()
      FontMatchCache.setEnabled(true)
      let first = answers(), again = answers()
      #expect(!plain.sorted.isEmpty && !plain.match.isEmpty)
      #expect(first.match == plain.match && again.match == plain.match, "\(name)")
      #expect(first.sorted == plain.sorted && again.sorted == plain.sorted, "\(name)")
      #expect(first.trimmed == plain.trimmed && again.trimmed == plain.trimmed, "\(name)")
      #expect(first.charset == plain.charset && again.charset == plain.charset, "\(name)")
      asked += 3
    }
    // Questions asked again were answered from the cache (tests running beside this one may
    // fill and empty it meanwhile, so not necessarily all).
    #expect(FontMatchCache.counts.hits - before.hits >= 1)
    #expect(asked == 15)
  }

  @Test func aFullTableDropsItsAnswersAndGoesOn() {
    // 600 questions (more than the table holds): answered ones are dropped when it is full,
    // and every answer is still fontconfig's.
    _ = TextEngine()
    let config = FcConfigGetCurrent()
    var sets: [UnsafeMutablePointer<FcFontSet>?] = [FcConfigGetFonts(config, FcSetSystem)]
    for k in 0..<300 {
      guard let p = FcNameParse("Noto Serif:lang=es:size=\(5 + Double(k) / 8)") else { continue }
      defer { FcPatternDestroy(p) }
      FcConfigSubstitute(config, p, FcMatchPattern)
      FcDefaultSubstitute(p)
      var result = FcResultMatch
      let first = FontMatchCacheTests.files(FcFontSetSort(config, &sets, 1, p, FcFalse, nil, &result))
      let again = FontMatchCacheTests.files(FcFontSetSort(config, &sets, 1, p, FcFalse, nil, &result))
      let matched = FcFontSetMatch(config, &sets, 1, p, &result)
      #expect(!first.isEmpty && first == again && FontMatchCacheTests.file(matched) == first.first)
      if let matched { FcPatternDestroy(matched) }
    }
  }
}
