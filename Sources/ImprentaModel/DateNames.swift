/// How a language writes a date on a title block: its long date format and the month names it
/// uses there. The data is CLDR's, taken from ICU when `DateNames+Table.swift` is generated (see
/// `DateNamesTests`), so every output writes the same date whatever ICU the machine has.
public struct DateNames: Sendable, Hashable {
  /// The format, as `Localization.dateFormat`: `{d}` `{dd}` the day, `{m}` `{mm}` the month's
  /// number, `{month}` its name, `{yyyy}` the year.
  public var format: String
  /// Month names, January first, in the form a date uses (Russian марта, not март).
  public var months: [String]

  /// Creates an entry.
  public init(format: String, months: [String]) {
    self.format = format
    self.months = months
  }

  /// The names for a BCP 47 tag (`ru`, `de-DE`, `sr-Latn`, `zh-TW`), or nil when the table has
  /// none: the tag's language and script or region first (`sr-latn`, `pt-pt`), then its language;
  /// Chinese by script (`zh-TW`, `zh-HK` traditional; `zh`, `zh-CN` simplified).
  public static func forLanguage(_ tag: String) -> DateNames? {
    let parts = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard var language = parts.first else { return nil }
    // Codes ICU has retired, and Norwegian as Bokmål.
    language = ["iw": "he", "in": "id", "tl": "fil", "no": "nb"][language] ?? language
    if language == "zh" {
      let traditional = parts.contains("hant") || parts.contains { ["tw", "hk", "mo"].contains($0) }
      return table[traditional ? "zh-hant" : "zh-hans"]
    }
    if parts.count > 1, let names = table[language + "-" + parts[1]] { return names }
    return table[language]
  }
}
