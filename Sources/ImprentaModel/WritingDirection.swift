/// The direction text is written in: left to right (Latin, Han, …) or right to left (Hebrew, Arabic, …).
public enum WritingDirection: String, Sendable, Hashable, CaseIterable {
  /// Left to right.
  case ltr
  /// Right to left.
  case rtl

  /// A direction as written in front matter or a site configuration (`rtl`, `RTL`, `ltr`); nil for anything else.
  public init?(parsing text: String) {
    switch text.split(whereSeparator: \.isWhitespace).joined().lowercased() {
    case "rtl": self = .rtl
    case "ltr": self = .ltr
    default: return nil
    }
  }

  /// Languages whose script is written right to left (ISO 639 codes).
  static let rtlLanguages: Set<String> = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "khw", "ks", "lrc", "mzn", "nqo", "pnb", "ps", "sd", "syr", "ug", "ur", "yi",
  ]
  /// Script subtags (ISO 15924) written right to left.
  static let rtlScripts: Set<String> = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "yezi"]
  /// Script subtags that make an otherwise right-to-left language left to right (`az-Latn`, `ku-Latn`).
  static let ltrScripts: Set<String> = ["latn", "cyrl", "grek", "hans", "hant"]

  /// The direction of a BCP 47 language tag: a script subtag decides when there is one
  /// (`az-Arab` is right to left, `ur-Latn` left to right), else the language (`he`, `ar-EG`,
  /// `fa`). Empty or unknown tags are left to right.
  public init(language tag: String) {
    let parts = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard let primary = parts.first else {
      self = .ltr
      return
    }
    // The script subtag is the four-letter one right after the language (and its extlang).
    if let script = parts.dropFirst().first(where: { $0.count == 4 && $0.allSatisfy(\.isLetter) }) {
      if WritingDirection.rtlScripts.contains(script) {
        self = .rtl
        return
      }
      if WritingDirection.ltrScripts.contains(script) {
        self = .ltr
        return
      }
    }
    self = WritingDirection.rtlLanguages.contains(primary) ? .rtl : .ltr
  }
}

extension Metadata {
  /// The direction the page is written in: what it says (`direction`), else its language's.
  /// `fallbackLanguage` stands in for a page that does not say its language.
  public func writingDirection(fallbackLanguage: String = "") -> WritingDirection {
    direction ?? WritingDirection(language: language.isEmpty ? fallbackLanguage : language)
  }
}

extension Document {
  /// The direction the document is written in: its own, else its language's (`fallback` when it says none).
  public func direction(defaultLanguage fallback: String = "en") -> WritingDirection {
    metadata.writingDirection(fallbackLanguage: fallback)
  }
}

extension Book {
  /// The direction the book is written in: the book metadata's, else the one its first page
  /// says, else its language's.
  public func direction(defaultLanguage fallback: String = "en") -> WritingDirection {
    metadata.direction ?? entries.first?.document.metadata.direction ?? WritingDirection(language: language.isEmpty ? (metadata.language.isEmpty ? fallback : metadata.language) : language)
  }
}
