// Tells a text's language from its prose, for pages whose site never says which it is.

import ImprentaModel

/// Detects the language of a text: by writing system for the scripts one language (or a few
/// telltale letters) owns, and by character n-gram profiles (libtextcat's, see
/// `LanguageProfiles`) for Latin-script text. Deterministic, and bounded: it looks at no more
/// than `windowBytes × windows` bytes of the text, spread over it.
public enum LanguageDetector {
  /// Fewer words than this is too thin to tell: the answer is nil.
  public static let minimumWords = 20
  /// The detector reads this many bytes from each of `windows` places spread over a long text.
  static let windowBytes = 4096
  static let windows = 4
  /// At most this many Latin words go into the n-gram fingerprint.
  static let maximumWords = 600
  /// A "word" longer than this is no prose (a hash, a base64 run, one word repeated).
  static let longestWord = 40
  /// The runner-up must be this much farther than the best, or there is no clear winner.
  static let clearLead = 1.05
  /// Languages whose profiles do not tell them apart reliably (libtextcat itself takes Serbian
  /// for Slovenian): when the best is in one of these groups, it must lead every other member
  /// by `kinLead`, or there is no answer.
  static let closeKin: [Set<String>] = [["sl", "hr", "sr", "bs"]]
  static let kinLead = 1.5
  /// The best profile must be at most this far (as a share of the worst possible distance):
  /// farther, the text is in a language the detector does not know.
  static let farthestFit = 0.7

  /// The language of `text`, or nil when the evidence is too thin (fewer than `minimumWords`
  /// words in one script), mixed, or points at no language clearly.
  public static func detect(_ text: String) -> LanguageGuess? {
    // Sentences first: a line of a few words (a label, a table cell, a name) says little about
    // the language and, repeated down a page, skews its n-grams; such lines count only when
    // the sentences alone are too few.
    var sentences = ScriptSample(), labels = ScriptSample()
    for window in sampledWindows(of: text) {
      for line in window.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
        if isSentence(line) { sentences.add(line) } else { labels.add(line) }
      }
    }
    if let guess = sentences.guess() { return guess }
    sentences.add(labels)
    return sentences.guess()
  }

  /// Whether a line reads as a sentence: at least `sentenceWords` words, or for a script
  /// written without spaces, as many characters as that many words would take.
  static func isSentence(_ line: Substring.UnicodeScalarView) -> Bool {
    var chunks = 0, inChunk = false, scalars = 0
    for s in line {
      scalars += 1
      if s.isWordSpace { inChunk = false } else if !inChunk { inChunk = true; chunks += 1 }
      if chunks >= sentenceWords { return true }
    }
    return chunks == 1 && scalars >= 2 * sentenceWords
  }

  /// How many words make a line a sentence.
  static let sentenceWords = 6

  /// The language of a document's prose (see `Document.prose`).
  public static func detect(_ document: Document) -> LanguageGuess? {
    detect(document.prose)
  }

  /// The pieces of `text` the detector reads: all of it when short, else `windows` slices of
  /// `windowBytes` bytes spread over it, starting and ending at spaces where there are any.
  static func sampledWindows(of text: String) -> [String] {
    let bytes = text.utf8
    let count = bytes.count
    if count <= windowBytes * windows { return [text] }
    var out: [String] = []
    for k in 0..<windows {
      let start = bytes.index(bytes.startIndex, offsetBy: k * (count / windows))
      let end = bytes.index(start, offsetBy: windowBytes, limitedBy: bytes.endIndex) ?? bytes.endIndex
      var slice = bytes[start..<end]
      if k > 0, let space = slice.firstIndex(where: isSpace) { slice = slice[space...] }
      if let space = slice.lastIndex(where: isSpace) { slice = slice[..<space] }
      out.append(String(decoding: slice, as: UTF8.self))
    }
    return out
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
