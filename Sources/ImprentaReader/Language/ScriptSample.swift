// What the detector counts while it reads a text, and the guess those counts support.

/// Letters and words of a text, by script, and the Latin words kept for the n-gram fingerprint.
struct ScriptSample {
  var words = [Int](repeating: 0, count: LanguageScript.allCases.count)
  var letters = [Int](repeating: 0, count: LanguageScript.allCases.count)
  var latinWords: [[Unicode.Scalar]] = []
  var markers: [String: Int] = [:]
  /// Different words (characters, for scripts without spaces) seen in each script, up to
  /// `minimumWords`: one word repeated is no evidence of a language.
  var distinct = [Set<String>](repeating: [], count: LanguageScript.allCases.count)

  /// Adds what another sample read.
  mutating func add(_ other: ScriptSample) {
    for i in words.indices {
      words[i] += other.words[i]
      letters[i] += other.letters[i]
    }
    latinWords += other.latinWords.prefix(max(0, LanguageDetector.maximumWords - latinWords.count))
    markers.merge(other.markers, uniquingKeysWith: +)
    for i in distinct.indices where distinct[i].count < LanguageDetector.minimumWords {
      distinct[i].formUnion(other.distinct[i].prefix(LanguageDetector.minimumWords))
    }
  }

  /// Reads the words of `text`: whitespace-separated chunks that look like prose (no URL,
  /// path, address, identifier or markup), split into runs of letters of one script.
  mutating func add<S: Sequence<Unicode.Scalar>>(_ text: S) {
    var chunk: [Unicode.Scalar] = []
    for s in text {
      if s.isWordSpace {
        if !chunk.isEmpty { addChunk(chunk); chunk.removeAll(keepingCapacity: true) }
      } else {
        chunk.append(s)
      }
    }
    if !chunk.isEmpty { addChunk(chunk) }
  }

  private mutating func addChunk(_ chunk: [Unicode.Scalar]) {
    guard Self.looksLikeProse(chunk) else { return }
    var run: [Unicode.Scalar] = []
    var runScript: LanguageScript? = nil
    for s in chunk {
      let script = LanguageScript(s)
      if let script, script == runScript || runScript == nil || s.properties.generalCategory == .nonspacingMark {
        run.append(s)
        if runScript == nil { runScript = script }
      } else {
        if let r = runScript { addWord(run, r) }
        run.removeAll(keepingCapacity: true)
        runScript = script
        if script != nil { run.append(s) }
      }
    }
    if let r = runScript, !run.isEmpty { addWord(run, r) }
  }

  private mutating func addWord(_ word: [Unicode.Scalar], _ script: LanguageScript) {
    let seen = distinct[script.rawValue].count < LanguageDetector.minimumWords
    if script.writesWithoutSpaces {
      letters[script.rawValue] += word.count
      if seen { for s in word { distinct[script.rawValue].insert(String(s)) } }
      return
    }
    guard word.count <= LanguageDetector.longestWord else { return }
    if seen { distinct[script.rawValue].insert(String(String.UnicodeScalarView(word)).lowercased()) }
    letters[script.rawValue] += word.count
    words[script.rawValue] += 1
    switch script {
    case .latin:
      if latinWords.count < LanguageDetector.maximumWords { latinWords.append(word) }
    case .cyrillic:
      for s in word { if let tag = LanguageMarkers.cyrillic(s) { markers[tag, default: 0] += 1 } }
    case .arabic:
      for s in word { if let tag = LanguageMarkers.arabic(s) { markers[tag, default: 0] += 1 } }
    default: break
    }
  }

  /// Whether a whitespace-separated chunk can be a word of prose: not a URL, path, e-mail
  /// address, file name, identifier (`snake_case`, `camelCase`, `v2`) or piece of markup.
  static func looksLikeProse(_ chunk: [Unicode.Scalar]) -> Bool {
    var hasLetter = false, hasDigit = false
    var previous: Unicode.Scalar? = nil
    for (i, s) in chunk.enumerated() {
      switch s {
      case "/", "\\", "@", "_", "=", "<", ">", "{", "}", "[", "]", "|", "`", "$", "#", "~", "^", "+", "*", "%", "&":
        return false
      case ".", ":":
        // A dot or colon between letters: a domain, file name, `os.path`, `http:`.
        if let p = previous, p.isWordLetter, i + 1 < chunk.count, chunk[i + 1].isWordLetter { return false }
      default:
        if s.isWordDigit { hasDigit = true }
        if s.isWordLetter {
          hasLetter = true
          if let p = previous, p.isWordLowercase, s.isWordUppercase { return false }
        }
      }
      previous = s
    }
    return !(hasLetter && hasDigit)
  }

  /// The guess these words support, or nil.
  func guess() -> LanguageGuess? {
    var counted = words
    for script in LanguageScript.allCases where script.writesWithoutSpaces {
      counted[script.rawValue] = letters[script.rawValue] / 2
    }
    // Han and kana write one language together (Japanese) or Han alone (Chinese).
    let han = LanguageScript.han.rawValue, kana = LanguageScript.kana.rawValue
    counted[han] += counted[kana]
    counted[kana] = 0
    let total = counted.reduce(0, +)
    guard total >= LanguageDetector.minimumWords else { return nil }
    let ranked = LanguageScript.allCases.sorted { counted[$0.rawValue] > counted[$1.rawValue] }
    let top = ranked[0], second = ranked[1]
    let topWords = counted[top.rawValue]
    let share = Double(topWords) / Double(total)
    // One script must carry most of the text and enough words on its own.
    guard topWords >= LanguageDetector.minimumWords, share >= 0.6, topWords > counted[second.rawValue] else { return nil }
    let variety = top == .han ? distinct[han].count + distinct[kana].count : distinct[top.rawValue].count
    guard variety >= LanguageDetector.minimumWords / 2 else { return nil }
    func scripted(_ tag: String, _ confidence: Double, runnerUp: String? = nil) -> LanguageGuess {
      LanguageGuess(tag: tag, confidence: confidence, words: total, runnerUp: runnerUp, basis: .script)
    }
    switch top {
    case .latin: return ngramGuess(total: total, share: share)
    case .hebrew: return scripted("he", share)
    case .greek: return scripted("el", share)
    case .hangul: return scripted("ko", share)
    case .devanagari: return scripted("hi", share)
    case .thai: return scripted("th", share)
    case .han:
      let kanaShare = Double(letters[kana]) / Double(max(1, letters[han] + letters[kana]))
      return kanaShare >= 0.05 ? scripted("ja", share, runnerUp: "zh") : scripted("zh", share, runnerUp: "ja")
    case .cyrillic: return markerGuess(["ru", "uk"], total: total, share: share)
    case .arabic: return markerGuess(["ar", "fa"], total: total, share: share)
    case .kana, .other: return nil
    }
  }

  /// For a script several languages share: the one whose own letters the text uses, when at
  /// least three of them occur and three in four point the same way.
  private func markerGuess(_ tags: [String], total: Int, share: Double) -> LanguageGuess? {
    let counts = tags.map { markers[$0, default: 0] }
    let sum = counts.reduce(0, +)
    guard sum >= 3, let best = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return nil }
    let lead = Double(counts[best]) / Double(sum)
    guard lead >= 0.75 else { return nil }
    let other = tags[best == 0 ? 1 : 0]
    return LanguageGuess(tag: tags[best], confidence: share * lead, words: total, runnerUp: other, basis: .script)
  }

  /// For Latin-script text: the language whose n-gram profile is nearest, when it is near
  /// enough, clearly nearer than the next, and the per-occurrence cost agrees.
  private func ngramGuess(total: Int, share: Double) -> LanguageGuess? {
    let sample = NGramSample(words: latinWords)
    guard !sample.ranked.isEmpty else { return nil }
    let scored = LanguageProfile.all.map { (tag: $0.tag, distance: sample.distance(to: $0)) }
      .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.tag < $1.tag }
    let cheapest = LanguageProfile.all.map { (tag: $0.tag, cost: sample.cost(in: $0)) }
      .min { $0.cost != $1.cost ? $0.cost < $1.cost : $0.tag < $1.tag }
    let best = scored[0], next = scored[1]
    let worst = Double(sample.ranked.count * LanguageProfile.size)
    let fit = Double(best.distance) / worst
    let lead = Double(next.distance) / Double(max(1, best.distance))
    guard cheapest?.tag == best.tag, fit <= LanguageDetector.farthestFit, lead >= LanguageDetector.clearLead else { return nil }
    if let kin = LanguageDetector.closeKin.first(where: { $0.contains(best.tag) }),
      let nearestKin = scored.dropFirst().first(where: { kin.contains($0.tag) }),
      Double(nearestKin.distance) < Double(best.distance) * LanguageDetector.kinLead
    {
      return nil
    }
    // A lead of `clearLead` is a bare win; 1.5 or more leaves no doubt.
    let margin = min(1, (lead - 1) / 0.5)
    return LanguageGuess(tag: best.tag, confidence: margin * share, words: total, runnerUp: next.tag, basis: .ngrams)
  }
}
