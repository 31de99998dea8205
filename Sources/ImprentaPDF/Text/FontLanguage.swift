/// The language tag Pango is given for a document's language, so fontconfig picks the fallback
/// font whose glyph forms the language uses: Han characters are drawn differently in Chinese
/// (simplified and traditional), Japanese and Korean, and Noto CJK has one face for each.
/// fontconfig matches a tag by its language and territory, and picks the Japanese face for any
/// it does not list: `ko-KR` (how Hugo sites name Korean) got Noto Sans CJK JP. So Japanese and
/// Korean are given bare (`ja`, `ko`), and Chinese names its region: `zh`, `zh-Hans`, `zh-SG` →
/// `zh-cn`; `zh-Hant` → `zh-tw`; `zh-MO` → `zh-hk`; `zh-HK`, `zh-TW`, `zh-CN` stay.
enum FontLanguage {
  static func tag(for language: String) -> String {
    let parts = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    switch parts.first {
    case "ja", "ko": return parts[0]
    case "zh":
      switch parts.dropFirst().first(where: { $0.count == 2 }) {
      case "cn", "sg": return "zh-cn"
      case "tw": return "zh-tw"
      case "hk", "mo": return "zh-hk"
      default: return parts.contains("hant") ? "zh-tw" : "zh-cn"
      }
    default: return language
    }
  }

  /// `family` (a comma-separated family list) followed by the Noto CJK face of `tag` (a tag
  /// `tag(for:)` gave) in the same style, serif or sans; `family` unchanged for other languages.
  /// Pango gives a character of no script of its own (`。` `，` `（` right after `HTTPS`) the
  /// script of the text before it, and the language of that script (not the document's) when
  /// falling back: a Chinese page's punctuation came out in the Japanese face. Named in the list,
  /// the language's face comes before any fallback.
  static func family(_ family: String, language tag: String) -> String {
    let face: String
    switch tag {
    case "zh-cn": face = "SC"
    case "zh-tw": face = "TC"
    case "zh-hk": face = "HK"
    case "ja": face = "JP"
    case "ko": face = "KR"
    default: return family
    }
    let lower = family.lowercased()
    let serif = lower.contains("serif") && !lower.contains("sans")
    return family + "," + (serif ? "Noto Serif CJK " : "Noto Sans CJK ") + face
  }
}
