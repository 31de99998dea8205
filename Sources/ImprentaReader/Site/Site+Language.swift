import ImprentaModel

extension Site {
  /// Gives every page whose front matter states no language the language of its text, when the
  /// site's configuration says none: each page's own when its prose is long enough to tell, else
  /// its section's, else the site's most common. One note per language says what was found and
  /// how to state it.
  mutating func detectLanguages(diagnostics: inout Diagnostics) {
    var guesses: [Int: String] = [:]
    var counts: [String: Int] = [:]
    for (i, page) in pages.enumerated() where page.document.metadata.language.isEmpty {
      if let guess = LanguageDetector.detect(page.document) {
        guesses[i] = guess.tag
        counts[guess.tag, default: 0] += 1
      }
    }
    let statedCounts = pages.reduce(into: [String: Int]()) { c, p in if !p.document.metadata.language.isEmpty { c[p.document.metadata.language, default: 0] += 1 } }
    let siteLanguage = counts.merging(statedCounts, uniquingKeysWith: +).max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? config.defaultContentLanguage
    // A page too short to tell takes its section's language (the most common guess in its folder).
    var bySection: [String: [String: Int]] = [:]
    for (i, tag) in guesses { bySection[pages[i].sectionPath, default: [:]][tag, default: 0] += 1 }
    var assigned: [String: [String]] = [:]
    for i in pages.indices where pages[i].document.metadata.language.isEmpty {
      let tag = guesses[i] ?? bySection[pages[i].sectionPath]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? siteLanguage
      pages[i].document.metadata.language = tag
      assigned[tag, default: []].append(pages[i].contentPath)
    }
    detectedLanguage = siteLanguage
    for (tag, paths) in assigned.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
      let sample = paths.sorted().prefix(3).joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
      diagnostics.report(.languageDetected,
        "no languageCode in the site configuration: \(paths.count) page(s) read as '\(tag)' from their text (\(sample)); "
          + "set languageCode = '\(siteLanguage)' in the configuration and lang: in the front matter of pages in another language",
        file: config.file)
    }
  }
}
