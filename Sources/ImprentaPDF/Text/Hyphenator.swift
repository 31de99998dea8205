import CHyphen
import Foundation
import Glibc

/// Finds where libhyphen's patterns for a language allow a word to break with a hyphen: byte
/// offsets the line breaker may break at (it draws the hyphen). Words under `minimumLetters`
/// letters are left whole.
final class Hyphenator {
  private let dict: UnsafeMutablePointer<HyphenDict>
  let minimumLetters = 5

  /// Where Debian's `hyphen-*` packages put their patterns.
  static let dictionaryFolder = "/usr/share/hyphen"

  /// The dictionary file for a BCP 47 tag, or nil when none is installed: the tag's region
  /// (`pt-BR` → `hyph_pt_BR.dic`), else the language's usual one (`es` → Spain's, `en` → the
  /// US's, `sv` → Sweden's), else the language alone (`hyph_de.dic`), else its home region (`hyph_pl_PL.dic`), else
  /// any region (`hyph_ca_ES.dic`). `no` is Norwegian Bokmål (`nb`), as Debian names it.
  static func dictionaryPath(for language: String) -> String? {
    let parts = language.replacingOccurrences(of: "_", with: "-").split(separator: "-")
    guard var primary = parts.first?.lowercased(), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    if primary == "no" || primary == "nob" { primary = "nb" }
    if primary == "nno" { primary = "nn" }
    var names: [String] = []
    if parts.count > 1, parts[1].count == 2 { names.append("hyph_\(primary)_\(parts[1].uppercased()).dic") }
    // The usual dictionary where the language's own region code differs from its name.
    let home = ["es": "ES", "en": "US", "nb": "NO", "nn": "NO", "sv": "SE", "da": "DK", "cs": "CZ", "el": "GR", "uk": "UA", "ca": "ES", "gl": "ES", "sl": "SI", "et": "EE"]
    if let region = home[primary] { names.append("hyph_\(primary)_\(region).dic") }
    names += ["hyph_\(primary).dic", "hyph_\(primary)_\(primary.uppercased()).dic"]
    for name in names where FileManager.default.fileExists(atPath: "\(dictionaryFolder)/\(name)") { return "\(dictionaryFolder)/\(name)" }
    let installed = ((try? FileManager.default.contentsOfDirectory(atPath: dictionaryFolder)) ?? []).sorted()
    return installed.first { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }.map { "\(dictionaryFolder)/\($0)" }
  }

  /// Whether a language is written without hyphenation: Chinese, Japanese and Korean break
  /// between characters (or words) and never hyphenate; Thai, Lao, Khmer and Burmese break
  /// between words with no hyphen; Arabic-script languages (Arabic, Persian, Urdu, Pashto,
  /// Sorani, Sindhi, Uyghur), Hebrew, Yiddish and Dhivehi are not hyphenated either. No
  /// dictionary is looked for, nor missed.
  static func isUnhyphenated(language: String) -> Bool {
    let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    return [
      "zh", "ja", "ko", "th", "lo", "km", "my", "yue", "wuu", "cmn",
      "ar", "fa", "ur", "ps", "ckb", "sd", "ug", "he", "yi", "dv",
    ].contains(primary)
  }

  /// Converts words to the dictionary's character set when it is not UTF-8 (Debian's German,
  /// Danish, Swedish, Norwegian, Dutch, Portuguese and Galician dictionaries are ISO 8859-1,
  /// Czech and Polish ISO 8859-2, Greek ISO 8859-7, Russian KOI8-R): given UTF-8, libhyphen
  /// matched their patterns against the wrong bytes ("Schlüss-els", "подд-ержку", no Greek at all).
  private let converter: iconv_t?

  init?(language: String) {
    guard let path = Hyphenator.dictionaryPath(for: language) else { return nil }
    let charset = Hyphenator.charset(of: path)
    var converter: iconv_t? = nil
    if charset.uppercased() != "UTF-8" {
      let c = iconv_open(charset, "UTF-8")
      guard let c, c != iconv_t(bitPattern: -1) else { return nil }
      converter = c
    }
    guard let d = hnj_hyphen_load(path) else {
      if let converter { iconv_close(converter) }
      return nil
    }
    dict = d
    self.converter = converter
    memo = HyphenationMemo.shared(for: path)
  }

  deinit {
    hnj_hyphen_free(dict)
    if let converter { iconv_close(converter) }
  }

  /// The character set a dictionary names on its first line (libhyphen's convention).
  static func charset(of path: String) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { return "UTF-8" }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 64)) ?? Data()
    let line = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    return line.isEmpty ? "UTF-8" : line
  }

  /// `text` in the dictionary's character set, NUL-terminated; nil when a character has no
  /// place in it (the word is then not hyphenated).
  private func encoded(_ text: String) -> [CChar]? {
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    guard let converter else { return input + [0] }
    var output = [CChar](repeating: 0, count: input.count + 4)
    var inLeft = input.count, outLeft = output.count - 1
    let status = input.withUnsafeMutableBufferPointer { i in
      output.withUnsafeMutableBufferPointer { o in
        var ip: UnsafeMutablePointer<CChar>? = i.baseAddress
        var op: UnsafeMutablePointer<CChar>? = o.baseAddress
        iconv(converter, nil, nil, nil, nil)
        let r = iconv(converter, &ip, &inLeft, &op, &outLeft)
        return r == Int(bitPattern: UInt(bitPattern: -1)) ? -1 : 0
      }
    }
    guard status == 0, inLeft == 0 else { return nil }
    output.removeSubrange((output.count - 1 - outLeft)...)
    return output + [0]
  }

  /// Hyphenation points of space-separated tokens, shared with every hyphenator of the same
  /// dictionary (the layout's and the prefetch thread's hyphenate the same paragraphs).
  let memo: HyphenationMemo

  /// Where lines may break with a hyphen in `text`: byte offsets (a break before that byte), in
  /// order, inside every word of at least `minimumLetters` letters. The text is not changed: the
  /// line breaker draws the hyphen where it breaks.
  ///
  /// Text is split at spaces (never part of a word) and each token is hyphenated once: walking
  /// `Character`s is slow, and the words of a book repeat.
  func points(in text: String) -> [Int] {
    var out: [Int] = []
    var offset = 0
    let utf8 = text.utf8
    var start = utf8.startIndex
    // Token by token, found in place (no array of slices per paragraph).
    while true {
      let end = utf8[start...].firstIndex(of: 0x20) ?? utf8.endIndex
      let length = utf8.distance(from: start, to: end)
      if length >= minimumLetters {
        let key = HyphenationMemo.Token(text: Substring(utf8[start..<end]))
        let found: [Int]
        if let hit = memo.tokens[key] {
          found = hit
        } else {
          found = hyphenateToken(key.text)
          memo.tokens[HyphenationMemo.Token(text: Substring(String(key.text)))] = found
        }
        for p in found { out.append(offset + p) }
      }
      offset += length + 1
      guard end < utf8.endIndex else { break }
      start = utf8.index(after: end)
    }
    return out
  }

  /// `text` with a soft hyphen at each hyphenation point (to read them in tests and messages).
  func hyphenate(_ text: String) -> String {
    Hyphenator.marked(text, points(in: text))
  }

  /// `text` with a soft hyphen inserted before each byte offset of `points`.
  static func marked(_ text: String, _ points: [Int]) -> String {
    var bytes = Array(text.utf8)
    for p in points.reversed() where p > 0 && p < bytes.count { bytes.insert(contentsOf: [0xC2, 0xAD], at: p) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One token: the hyphenation points of its runs of letters, as byte offsets in the token.
  private func hyphenateToken(_ text: Substring) -> [Int] {
    // Below U+0300 (Latin, no combining marks) every character is one scalar: the token is
    // walked by scalars, not by grapheme clusters (several times faster).
    if text.utf8.allSatisfy({ $0 < 0xCC }) {
      // ASCII letters answered without building a `Character` (most of a Spanish page).
      return points(
        ofWordsIn: text, units: text.unicodeScalars, simple: true,
        isLetter: { $0.value < 0x80 ? ($0.value | 0x20) &- 0x61 < 26 : Character($0).isLetter }, width: { UTF8.width($0) })
    }
    return points(
      ofWordsIn: text, units: text, simple: false, isLetter: { $0.isLetter && !Hyphenator.isUnhyphenatedScript($0) }, width: { $0.utf8.count })
  }

  /// The hyphenation points of the runs of letters of `text`, walked by `units` (its characters,
  /// or its scalars when each is a character: `simple`), as byte offsets in `text`.
  private func points<Units: Collection>(
    ofWordsIn text: Substring, units: Units, simple: Bool, isLetter: (Units.Element) -> Bool, width: (Units.Element) -> Int
  ) -> [Int] where Units.Index == String.Index {
    var out: [Int] = []
    var wordStart = -1
    var start = units.startIndex
    var offset = 0
    var i = units.startIndex
    func word(_ end: String.Index) {
      for p in wordPoints(text[start..<end], simple: simple) { out.append(wordStart + p) }
      wordStart = -1
    }
    while i < units.endIndex {
      let u = units[i]
      if isLetter(u) {
        if wordStart < 0 {
          start = i
          wordStart = offset
        }
      } else if wordStart >= 0 {
        word(i)
      }
      offset += width(u)
      units.formIndex(after: &i)
    }
    if wordStart >= 0 { word(units.endIndex) }
    return out
  }

  /// A letter of a script that is never hyphenated (Han, kana, Hangul, Thai, Lao, Khmer,
  /// Myanmar): it ends a word, so a run of Chinese in a Spanish page gets no soft hyphens.
  static func isUnhyphenatedScript(_ c: Character) -> Bool {
    guard let v = c.unicodeScalars.first?.value, v >= 0x0E00 else { return false }
    switch v {
    case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x2E80...0x2FDF, 0x3040...0x31FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFF66...0xFFDC, 0x20000...0x3FFFF:
      return true
    default: return false
    }
  }

  /// One word with soft hyphens (to read its hyphenation points).
  func hyphenateWord(_ word: Substring) -> String {
    Hyphenator.marked(String(word), wordPoints(word))
  }

  /// The hyphenation points of one word, as byte offsets in it. libhyphen with a UTF-8
  /// dictionary marks breaks per character, so the marks are matched against characters, never
  /// bytes. Two letters at least stay on each side. `simple`: every character of the word is one
  /// scalar (it is counted by scalars).
  func wordPoints(_ word: Substring, simple: Bool = false) -> [Int] {
    let key = HyphenationMemo.Token(text: word)
    if let hit = memo.words[key] { return hit }
    // Each character's bytes (its scalar's when `simple`), not a string per character.
    var widths: [Int] = []
    if simple {
      for scalar in word.unicodeScalars { widths.append(UTF8.width(scalar)) }
    } else {
      for character in word { widths.append(character.utf8.count) }
    }
    // No word of a language is hundreds of letters long: such a run is left to line breaking.
    guard widths.count >= minimumLetters, widths.count <= 100 else { return [] }
    // Patterns are written for composed letters: a word typed with combining accents
    // ("i" + U+0301, as text copied from some systems comes) is hyphenated as its composed
    // form ("polít-ica" otherwise). Characters (grapheme clusters) are the same either way.
    let lower = simple ? word.lowercased() : word.lowercased().precomposedStringWithCanonicalMapping
    guard let bytes = encoded(lower) else { return [] }
    let size = Int32(bytes.count - 1)
    var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
    var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    var pos: UnsafeMutablePointer<Int32>? = nil
    var cut: UnsafeMutablePointer<Int32>? = nil
    let failed = hnj_hyphen_hyphenate3(dict, bytes, size, &hyphens, nil, &rep, &pos, &cut, 2, 3, 0, 0)
    imprenta_hyphen_free_reps(rep, pos, cut, size)
    let stored = HyphenationMemo.Token(text: Substring(String(word)))
    // Lower-casing may change the character count (rare): then leave the word alone.
    guard failed == 0, (simple ? lower.unicodeScalars.count : lower.count) == widths.count else {
      memo.words[stored] = []
      return []
    }
    var out: [Int] = []
    var offset = 0
    for (k, width) in widths.enumerated() {
      offset += width
      if k < widths.count - 1, k >= 1, hyphens[k] & 1 == 1, widths.count - k - 1 >= 2 { out.append(offset) }
    }
    memo.words[stored] = out
    return out
  }
}
