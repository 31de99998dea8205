import ImprentaModel
// TEMPORARY placeholder until the langdetect branch is merged.
public struct LanguageGuess: Sendable, Hashable { public var tag: String }
public enum LanguageDetector {
  public static func detect(_ document: Document) -> LanguageGuess? { nil }
}
