import Foundation
import ImprentaModel
import ImprentaTestSupport
import Testing

/// The month names and date orders of `DateNames.swift` are CLDR's, read through ICU (Foundation's
/// `DateFormatter`) when the table is generated, never typed by hand. Dates are written from the
/// table at run time, so outputs do not depend on the ICU of the machine that builds them.
@Suite("Date names")
struct DateNamesTests {
  /// The languages of the table (ICU locale identifiers; the table's keys are them lower-cased).
  static let languages = [
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi",
    "fil", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "km", "kn", "ko", "ky",
    "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "nb", "ne", "nl", "nn", "pa", "pl", "pt", "pt-PT", "ro", "ru",
    "si", "sk", "sl", "sq", "sr", "sr-Latn", "sv", "sw", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zh-Hans",
    "zh-Hant", "zu",
  ]

  /// ICU's long date pattern (`yMMMMd`) as a `Localization.dateFormat`, or nil when it has a
  /// field the template has no place for (an era, a weekday).
  static func template(_ pattern: String) -> String? {
    var out = ""
    let chars = Array(pattern)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "'" {
        // A quoted literal; '' is an apostrophe.
        if i + 1 < chars.count, chars[i + 1] == "'" {
          out.append("'")
          i += 2
          continue
        }
        i += 1
        while i < chars.count {
          if chars[i] == "'" {
            if i + 1 < chars.count, chars[i + 1] == "'" {
              out.append("'")
              i += 2
              continue
            }
            break
          }
          out.append(chars[i])
          i += 1
        }
        i += 1
        continue
      }
      guard c.isASCII, c.isLetter else {
        out.append(c)
        i += 1
        continue
      }
      var n = 0
      while i + n < chars.count, chars[i + n] == c { n += 1 }
      i += n
      switch (c, n) {
      case ("d", 1): out += "{d}"
      case ("d", 2): out += "{dd}"
      case ("M", 1): out += "{m}"
      case ("M", 2): out += "{mm}"
      case ("M", 4): out += "{month}"
      case ("y", _): out += "{yyyy}"
      default: return nil
      }
    }
    return out
  }

  /// The table as ICU gives it: language → (date format, month names in the form a date uses).
  static func fromICU() -> [(key: String, format: String, months: [String])] {
    languages.compactMap { id in
      let locale = Locale(identifier: id)
      guard let pattern = DateFormatter.dateFormat(fromTemplate: "yMMMMd", options: 0, locale: locale), let format = template(pattern) else { return nil }
      let formatter = DateFormatter()
      formatter.locale = locale
      formatter.calendar = Calendar(identifier: .gregorian)
      let months = formatter.monthSymbols ?? []
      guard months.count == 12 else { return nil }
      return (id.lowercased(), format, months)
    }
  }

  /// `DateNames.swift` as the generator writes it.
  static func source() -> String {
    // Invisible characters (no-break spaces, direction marks) written as escapes, to be seen.
    func quoted(_ s: String) -> String {
      var out = "\""
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\\", "\"": out += "\\" + String(scalar)
        case _ where scalar.value > 0x7F && [.spaceSeparator, .format, .control].contains(scalar.properties.generalCategory):
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
    var out = """
      // Generated from CLDR through ICU (Foundation's DateFormatter, long date `yMMMMd`, Gregorian
      // calendar) by `IMPRENTA_UPDATE_DATES=1 swift test --filter DateNamesTests`: do not edit.
      // Month names are in the form a date uses (Russian марта, Finnish maaliskuuta, Catalan de març).

      extension DateNames {
        /// Language (an ICU locale identifier, lower-cased) → date format and month names.
        static let table: [String: DateNames] = [

      """
    for entry in fromICU() {
      out += "    \(quoted(entry.key)): DateNames(format: \(quoted(entry.format)), months: [\(entry.months.map(quoted).joined(separator: ", "))]),\n"
    }
    out += "  ]\n}\n"
    return out
  }

  @Test("DateNames.swift is ICU's data (IMPRENTA_UPDATE_DATES=1 rewrites it)")
  func tableIsICUs() throws {
    let url = Repository.root.appendingPathComponent("Sources/ImprentaModel/DateNames+Table.swift")
    let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    let wanted = Self.source()
    if current != wanted, ProcessInfo.processInfo.environment["IMPRENTA_UPDATE_DATES"] == "1" {
      try wanted.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(current == wanted, "DateNames+Table.swift differs from this toolchain's ICU: run IMPRENTA_UPDATE_DATES=1 swift test --filter DateNamesTests")
    #expect(Self.fromICU().count == Self.languages.count, "a language's long date has a field the template cannot hold")
  }

  @Test(arguments: [
    ("ru", "5 марта 2026\u{202F}г."), ("de-DE", "5. März 2026"), ("th", "5 มีนาคม 2026"), ("ko-KR", "2026년 3월 5일"),
    ("it", "5 marzo 2026"), ("uk", "5 березня 2026\u{202F}р."), ("hu", "2026. március 5."), ("vi", "ngày 5 tháng 3, 2026"),
    ("pt-BR", "5 de março de 2026"), ("sr-Latn", "5. mart 2026."), ("sr", "5. март 2026."), ("zh-TW", "2026年3月5日"),
    ("fi", "5. maaliskuuta 2026"), ("pl", "5 marca 2026"), ("en-US", "March 5, 2026"), ("xx", "March 5, 2026"),
  ])
  func datesAreWrittenInTheirLanguage(_ language: String, _ written: String) throws {
    let date = try #require(PageDate(parsing: "2026-03-05"))
    #expect(Localization.forLanguage(language).format(date) == written)
  }

  @Test func everyLanguageOfTheTableWritesEveryMonth() throws {
    for entry in Self.fromICU() {
      let localization = Localization.forLanguage(entry.key)
      for month in 1...12 {
        let date = try #require(PageDate(parsing: String(format: "2026-%02d-09", month)))
        let text = localization.format(date)
        #expect(text.contains("2026") && text.contains("9") && !text.contains("{"), "\(entry.key): \(text)")
      }
    }
  }
}
