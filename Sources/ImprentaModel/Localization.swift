/// The few words and date formats a backend writes itself, per document language.
public struct Localization: Sendable, Hashable {
  /// The heading over footnotes.
  public var notes: String
  /// The heading over a list of link targets.
  public var links: String
  /// The heading of a table of contents.
  public var contents: String
  /// The word before an image's alt text (`[Image: alt]`).
  public var image: String
  /// Month names, January first.
  public var months: [String]
  /// How a full date is written: `{d}`, `{month}`, `{yyyy}` are replaced.
  public var dateFormat: String
  /// The word before authors' names ("by"), or empty.
  public var by: String

  /// The localisation for a BCP 47 tag (`es-CO` uses `es`); English for languages not known.
  public static func forLanguage(_ tag: String) -> Localization {
    let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
    switch primary {
    case "es": return .spanish
    case "pt": return .portuguese
    case "fr": return .french
    case "he", "iw": return .hebrew
    case "ar": return .arabic
    case "zh": return .chinese
    case "ja": return .japanese
    default: return .english
    }
  }

  /// Spanish.
  public static let spanish = Localization(
    notes: "Notas", links: "Enlaces", contents: "Contenido", image: "Imagen",
    months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    dateFormat: "{d} de {month} de {yyyy}", by: "por")
  /// English.
  public static let english = Localization(
    notes: "Notes", links: "Links", contents: "Contents", image: "Image",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    dateFormat: "{month} {d}, {yyyy}", by: "by")
  /// Portuguese.
  public static let portuguese = Localization(
    notes: "Notas", links: "Ligações", contents: "Sumário", image: "Imagem",
    months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    dateFormat: "{d} de {month} de {yyyy}", by: "por")
  /// French.
  public static let french = Localization(
    notes: "Notes", links: "Liens", contents: "Table des matières", image: "Image",
    months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    dateFormat: "{d} {month} {yyyy}", by: "par")

  /// Hebrew.
  public static let hebrew = Localization(
    notes: "הערות", links: "קישורים", contents: "תוכן העניינים", image: "תמונה",
    months: ["ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"],
    dateFormat: "{d} ב{month} {yyyy}", by: "מאת")
  /// Arabic.
  public static let arabic = Localization(
    notes: "ملاحظات", links: "روابط", contents: "المحتويات", image: "صورة",
    months: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    dateFormat: "{d} {month} {yyyy}", by: "بقلم")
  /// Chinese.
  public static let chinese = Localization(
    notes: "注释", links: "链接", contents: "目录", image: "图片",
    months: (1...12).map { "\($0)月" }, dateFormat: "{yyyy}年{month}{d}日", by: "")
  /// Japanese.
  public static let japanese = Localization(
    notes: "注", links: "リンク", contents: "目次", image: "画像",
    months: (1...12).map { "\($0)月" }, dateFormat: "{yyyy}年{month}{d}日", by: "")

  /// A date written out: "8 de diciembre de 2018", "December 8, 2018".
  public func format(_ date: PageDate) -> String {
    dateFormat
      .replacing("{d}", with: String(date.day))
      .replacing("{month}", with: months[date.month - 1])
      .replacing("{yyyy}", with: String(date.year))
  }
}
