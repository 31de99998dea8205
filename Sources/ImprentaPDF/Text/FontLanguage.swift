/// The language tag Pango is given for a document's language, so fontconfig picks the fallback
/// font whose glyph forms the language uses: Han characters are drawn differently in Chinese
/// (simplified and traditional), Japanese and Korean, and Noto CJK has one face for each.
/// fontconfig matches a bare `zh` to the Japanese face, so Chinese tags name their region:
/// `zh`, `zh-Hans` → `zh-cn`; `zh-Hant` → `zh-tw`; `zh-HK`, `zh-TW`, `zh-SG` stay.
enum FontLanguage {
  static func tag(for language: String) -> String {
    let parts = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard parts.first == "zh" else { return language }
    if let region = parts.dropFirst().first(where: { $0.count == 2 }) { return "zh-" + region }
    return parts.contains("hant") ? "zh-tw" : "zh-cn"
  }
}
