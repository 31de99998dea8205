// Character n-gram fingerprints and the out-of-place distance between them (Cavnar & Trenkle,
// "N-Gram-Based Text Categorization", 1994: the method of libtextcat, whose profiles we ship).

import Foundation

/// A ranked list of a text's most frequent character n-grams.
struct NGramProfile {
  /// How many n-grams a fingerprint keeps, and the penalty for one the other profile lacks.
  static let size = 400
  /// The longest n-gram counted.
  static let longest = 5

  /// Rank (0 = most frequent) of each n-gram.
  let ranks: [String: Int]
  /// The n-grams, most frequent first.
  let ordered: [String]

  /// A profile from n-grams already in rank order (the shipped profiles).
  init(ranked: [Substring]) {
    ordered = ranked.prefix(Self.size).map(String.init)
    var r: [String: Int] = [:]
    for (i, g) in ordered.enumerated() where r[g] == nil { r[g] = i }
    ranks = r
  }

  /// How often each n-gram occurs in the sample this profile was made from (empty for the shipped ones).
  private(set) var counts: [String: Int] = [:]

  /// The fingerprint of some words: every n-gram of 1…5 characters of `_word_`, counted, and
  /// those seen at least twice that some language's profile has ranked by count (ties in
  /// code-point order, so the result never depends on hashing). N-grams seen once are noise in
  /// a few paragraphs, and ones no profile has (a page's own topic words) cost every language
  /// the same: either would crowd out the telling ones.
  init(words: [[Unicode.Scalar]]) {
    var counts: [String: Int] = [:]
    let edge: Unicode.Scalar = "_"
    for word in words {
      let padded = [edge] + word + [edge]
      for start in padded.indices {
        var gram = String.UnicodeScalarView()
        for end in start..<min(start + Self.longest, padded.count) {
          gram.append(padded[end])
          counts[String(gram), default: 0] += 1
        }
      }
    }
    let sorted = counts.filter { $0.value >= 2 && Self.known.contains($0.key) }.sorted { a, b in
      a.value != b.value ? a.value > b.value : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
    }
    self.init(ranked: sorted.prefix(Self.size).map { Substring($0.key) })
    self.counts = counts
  }

  /// How far this (sample) profile is from a language's: the sum, over the sample's n-grams, of
  /// how far apart their ranks are, or `size` when the language lacks one. Lower is closer.
  func distance(to language: NGramProfile) -> Int {
    var total = 0
    for (i, g) in ordered.enumerated() {
      if let j = language.ranks[g] { total += abs(i - j) } else { total += Self.size }
    }
    return total
  }

  /// A second opinion that weighs every n-gram occurrence of the sample, the rare ones too: the
  /// sum of log(rank + 2) in the language's profile, or log(size + 2) + 1 when it lacks the
  /// n-gram (frequency falls roughly as 1/rank, so this is a negative log-likelihood). Lower is closer.
  func cost(in language: NGramProfile) -> Double {
    let missing = Self.logRank[Self.size] + 1
    var total = 0.0
    for (g, n) in counts { total += Double(n) * (language.ranks[g].map { Self.logRank[$0] } ?? missing) }
    return total
  }

  private static let logRank: [Double] = (0...size).map { log(Double($0 + 2)) }

  /// Every n-gram some shipped profile has.
  static let known: Set<String> = Set(languages.flatMap(\.profile.ordered))

  /// The shipped profiles, parsed once.
  static let languages: [(tag: String, profile: NGramProfile)] = LanguageProfiles.latin.map { entry in
    (entry.tag, NGramProfile(ranked: entry.ngrams.split(separator: " ")))
  }
}
