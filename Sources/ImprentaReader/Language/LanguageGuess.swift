// What the language detector concluded about a text, and on what evidence.

/// A language detected from a text's prose (see `LanguageDetector`).
public struct LanguageGuess: Sendable, Hashable {
  /// How the language was told.
  public enum Basis: String, Sendable, Hashable {
    /// By the writing system alone (Hebrew, Arabic, Cyrillic, Greek, Han, kana, hangul,
    /// Devanagari, Thai letters), with a few letters that only one language of a script uses.
    case script
    /// By comparing the text's character n-grams with each Latin-script language's profile.
    case ngrams
  }

  /// The BCP 47 primary language tag, e.g. "es".
  public var tag: String
  /// How sure the detector is, from 0 (a coin toss) to 1 (no doubt).
  public var confidence: Double
  /// How many words were looked at (for Chinese, Japanese and Thai, two characters count as one).
  public var words: Int
  /// The next best language, when there was one in the running.
  public var runnerUp: String?
  /// How the language was told.
  public var basis: Basis

  public init(tag: String, confidence: Double, words: Int, runnerUp: String? = nil, basis: Basis) {
    self.tag = tag
    self.confidence = confidence
    self.words = words
    self.runnerUp = runnerUp
    self.basis = basis
  }
}
