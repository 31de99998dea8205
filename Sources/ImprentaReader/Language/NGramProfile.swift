// Character n-gram fingerprints and the out-of-place distance between them (Cavnar & Trenkle,
// "N-Gram-Based Text Categorization", 1994: the method of libtextcat, whose profiles we ship).

import Foundation

/// A language's ranked n-grams (from `LanguageProfiles`), indexed by the shared vocabulary.
struct LanguageProfile {
  /// How many n-grams a profile keeps, and the penalty for one a profile lacks.
  static let size = 400

  let tag: String
  /// The n-grams, most frequent first.
  let ordered: [String]
  /// The rank of each vocabulary n-gram in this language (0 = most frequent), or -1 when absent.
  let rankByID: [Int16]

  /// Every n-gram some shipped profile has, with its id.
  static let vocabulary: [String: Int] = {
    var ids: [String: Int] = [:]
    for p in parsed { for g in p.grams where ids[g] == nil { ids[g] = ids.count } }
    return ids
  }()

  /// The shipped profiles, parsed once.
  static let all: [LanguageProfile] = parsed.map { p in
    var ranks = [Int16](repeating: -1, count: vocabulary.count)
    for (i, g) in p.grams.enumerated() where ranks[vocabulary[g]!] < 0 { ranks[vocabulary[g]!] = Int16(i) }
    return LanguageProfile(tag: p.tag, ordered: p.grams, rankByID: ranks)
  }

  private static var parsed: [(tag: String, grams: [String])] {
    LanguageProfiles.latin.map { (tag: $0.tag, grams: $0.ngrams.split(separator: " ").prefix(size).map(String.init)) }
  }
}

/// The n-grams of a text sample, ranked and counted against the shipped vocabulary.
struct NGramSample {
  /// The longest n-gram counted.
  static let longest = 5

  /// Vocabulary ids of the n-grams seen at least twice, most frequent first (ties in code-point
  /// order, so the result never depends on hashing), at most `LanguageProfile.size` of them.
  /// N-grams seen once are noise in a few paragraphs, and ones no profile has (a page's own
  /// topic words) cost every language the same: either would crowd out the telling ones.
  let ranked: [Int]
  /// How often each vocabulary n-gram occurs, by id, for the cost.
  let counts: [(id: Int, count: Int)]
  /// How many n-gram occurrences no profile has.
  let unknown: Int

  /// Counts every n-gram of 1…5 characters of `_word_` (`_` marks the word's edges).
  init(words: [[Unicode.Scalar]]) {
    var tally: [String: Int] = [:]
    let edge: Unicode.Scalar = "_"
    for word in words {
      let padded = [edge] + word + [edge]
      for start in padded.indices {
        var gram = String.UnicodeScalarView()
        for end in start..<min(start + Self.longest, padded.count) {
          gram.append(padded[end])
          tally[String(gram), default: 0] += 1
        }
      }
    }
    let vocabulary = LanguageProfile.vocabulary
    var known: [(gram: String, id: Int, count: Int)] = []
    var unknown = 0
    for (g, n) in tally {
      if let id = vocabulary[g] { known.append((g, id, n)) } else { unknown += n }
    }
    known.sort { a, b in a.count != b.count ? a.count > b.count : a.gram.unicodeScalars.lexicographicallyPrecedes(b.gram.unicodeScalars) }
    ranked = known.lazy.filter { $0.count >= 2 }.prefix(LanguageProfile.size).map(\.id)
    counts = known.map { ($0.id, $0.count) }
    self.unknown = unknown
  }

  /// How far this sample is from a language: the sum, over the sample's ranked n-grams, of how
  /// far apart their ranks are, or `LanguageProfile.size` when the language lacks one. Lower is closer.
  func distance(to language: LanguageProfile) -> Int {
    var total = 0
    for (i, id) in ranked.enumerated() {
      let r = Int(language.rankByID[id])
      total += r < 0 ? LanguageProfile.size : abs(i - r)
    }
    return total
  }

  /// A second opinion that weighs every n-gram occurrence, the rare ones too: the sum of
  /// log(rank + 2) in the language's profile, or log(size + 2) + 1 when it lacks the n-gram
  /// (frequency falls roughly as 1/rank, so this is a negative log-likelihood). Lower is closer.
  func cost(in language: LanguageProfile) -> Double {
    let missing = Self.logRank[LanguageProfile.size] + 1
    var total = Double(unknown) * missing
    for (id, n) in counts {
      let r = Int(language.rankByID[id])
      total += Double(n) * (r < 0 ? missing : Self.logRank[r])
    }
    return total
  }

  private static let logRank: [Double] = (0...LanguageProfile.size).map { log(Double($0 + 2)) }
}
