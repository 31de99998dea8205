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
  /// How a full date is written: `{d}`, `{month}`, `{yyyy}` are replaced (and `{dd}`, `{m}`,
  /// `{mm}`: the day with two digits, the month's number with one or two).
  public var dateFormat: String
  /// The word before authors' names ("by"), or empty.
  public var by: String
  /// The word joining the last two names of a list ("and", "y").
  public var and: String = "and"
  /// What separates names in a list (", ").
  public var listSeparator: String = ", "
  /// Whether a list of three or more names keeps the separator before the joining word ("A, B, and C").
  public var serialComma: Bool = false
  /// The heading over a book's opening text (its home page).
  public var introduction: String = "Introduction"
  /// The word for a printed page ("Page 3"), and the label of a list of pages.
  public var page: String = "Page"
  /// The word before a figure's number.
  public var figure: String = "Figure"
  /// The name of the cover (a landmark, the cover image's description: "Cover: Title").
  public var cover: String = "Cover"
  /// The name of the title page (a landmark).
  public var titlePage: String = "Title page"
  /// An e-book's accessibility summary: what every Imprenta e-book offers.
  public var accessibilitySummary: String = "Reflowable text with a navigable table of contents, headings in order and no hazards."
  /// Added to the summary when every image has a text alternative.
  public var imagesDescribed: String = "Every image has a text alternative."
  /// Added when some have none: `{n}` is how many.
  public var imagesUndescribed: String = "{n} image(s) have no text alternative or are missing: marked decorative, or left out with their alt text shown."
  /// Added when the automated checks passed.
  public var checkedConformance: String = "Checked automatically by Imprenta against EPUB Accessibility 1.1 and WCAG 2.1 AA."

  /// The localisation for a BCP 47 tag (`es-CO` uses `es`); English words for languages not
  /// known, with the language's own dates (`DateNames`: month names and order from CLDR).
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
    default:
      var localization = Localization.english
      if let names = DateNames.forLanguage(tag) {
        localization.months = names.months
        localization.dateFormat = names.format
      }
      return localization
    }
  }

  /// Spanish.
  public static let spanish = Localization(
    notes: "Notas", links: "Enlaces", contents: "Contenido", image: "Imagen",
    months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    dateFormat: "{d} de {month} de {yyyy}", by: "por", and: "y", introduction: "Introducción", page: "Página", figure: "Figura",
    cover: "Portada", titlePage: "Portadilla",
    accessibilitySummary: "Texto adaptable con una tabla de contenido navegable, encabezados en orden y sin riesgos.",
    imagesDescribed: "Todas las imágenes tienen un texto alternativo.",
    imagesUndescribed: "{n} imagen(es) sin texto alternativo o ausentes: marcadas como decorativas, u omitidas mostrando su texto alternativo.",
    checkedConformance: "Comprobado automáticamente por Imprenta según EPUB Accessibility 1.1 y WCAG 2.1 AA.")
  /// English.
  public static let english = Localization(
    notes: "Notes", links: "Links", contents: "Contents", image: "Image",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    dateFormat: "{month} {d}, {yyyy}", by: "by", serialComma: true)
  /// Portuguese.
  public static let portuguese = Localization(
    notes: "Notas", links: "Ligações", contents: "Sumário", image: "Imagem",
    months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    dateFormat: "{d} de {month} de {yyyy}", by: "por", and: "e", introduction: "Introdução", page: "Página", figure: "Figura",
    cover: "Capa", titlePage: "Folha de rosto")
  /// French.
  public static let french = Localization(
    notes: "Notes", links: "Liens", contents: "Table des matières", image: "Image",
    months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    dateFormat: "{d} {month} {yyyy}", by: "par", and: "et", introduction: "Introduction", page: "Page", figure: "Figure",
    cover: "Couverture", titlePage: "Page de titre")

  /// Hebrew.
  public static let hebrew = Localization(
    notes: "הערות", links: "קישורים", contents: "תוכן העניינים", image: "תמונה",
    months: ["ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"],
    dateFormat: "{d} ב{month} {yyyy}", by: "מאת", and: "ו", introduction: "מבוא", page: "עמוד", figure: "איור",
    cover: "כריכה", titlePage: "שער")
  /// Arabic.
  public static let arabic = Localization(
    notes: "ملاحظات", links: "روابط", contents: "المحتويات", image: "صورة",
    months: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    dateFormat: "{d} {month} {yyyy}", by: "بقلم", and: "و", listSeparator: "، ", introduction: "مقدمة", page: "صفحة", figure: "شكل",
    cover: "الغلاف", titlePage: "صفحة العنوان")
  /// Chinese.
  public static let chinese = Localization(
    notes: "注释", links: "链接", contents: "目录", image: "图片",
    months: (1...12).map { "\($0)月" }, dateFormat: "{yyyy}年{month}{d}日", by: "", and: "和", listSeparator: "、",
    introduction: "引言", page: "页", figure: "图", cover: "封面", titlePage: "书名页")
  /// Japanese.
  public static let japanese = Localization(
    notes: "注", links: "リンク", contents: "目次", image: "画像",
    months: (1...12).map { "\($0)月" }, dateFormat: "{yyyy}年{month}{d}日", by: "", and: "、", listSeparator: "、",
    introduction: "はじめに", page: "ページ", figure: "図", cover: "表紙", titlePage: "扉")

  /// Names joined as the language joins them: "A, B y C", "A, B, and C"; each name once (the
  /// first spelling kept, case and surrounding spaces ignored), empty ones left out.
  public func list(_ names: [String]) -> String {
    var seen: Set<String> = []
    let unique = names.map { $0.trimmingCharacters(in: " \t\n") }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    guard unique.count > 1, let last = unique.last else { return unique.first ?? "" }
    var joiner = and
    // Spanish writes "e" before a word that starts with the sound "i" ("Ana e Inés"), not before "hie"/"hia".
    if and == "y" {
      let l = last.lowercased()
      if (l.hasPrefix("i") || l.hasPrefix("hi") || l.hasPrefix("í") || l.hasPrefix("hí")) && !l.hasPrefix("hie") && !l.hasPrefix("hia") { joiner = "e" }
    }
    let head = unique.dropLast().joined(separator: listSeparator)
    if listSeparator == "、" { return head + listSeparator + last }
    let glue = unique.count > 2 && serialComma ? listSeparator.trimmingCharacters(in: " ") + " " : " "
    let word = joiner.count == 1 && !joiner.first!.isASCII ? joiner : joiner + " "
    return head + glue + word + last
  }

  /// A date written out: "8 de diciembre de 2018", "December 8, 2018", "8 марта 2018 г.".
  public func format(_ date: PageDate) -> String {
    func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    return dateFormat
      .replacing("{dd}", with: twoDigits(date.day))
      .replacing("{d}", with: String(date.day))
      .replacing("{mm}", with: twoDigits(date.month))
      .replacing("{m}", with: String(date.month))
      .replacing("{month}", with: months[date.month - 1])
      .replacing("{yyyy}", with: String(date.year))
  }
}
