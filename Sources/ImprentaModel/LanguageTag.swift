// The one check on language tags: every tag a page, a project or a site writes (`lang:` in front
// matter, `lang="…"` in raw HTML or an attribute list, a publication's `language`) becomes
// `xml:lang` in EPUB and XHTML and `/Lang` in PDF, where a malformed one makes the output invalid.

/// A BCP 47 language tag, checked for form (not against the registry).
public enum LanguageTag {
  /// `tag` as written into outputs (`en_US` becomes `en-US`; surrounding spaces trimmed), or nil
  /// when it is not a well-formed tag: a first subtag of 2–8 letters (or `x`/`i` for private and
  /// grandfathered tags), then subtags of 1–8 ASCII letters or digits joined by `-`, 64
  /// characters at most. Empty stays empty (no language said).
  public static func wellFormed(_ tag: String) -> String? {
    let trimmed = String(tag.trimmingASCIIWhitespace.map { $0 == "_" ? "-" : $0 })
    if trimmed.isEmpty { return "" }
    guard trimmed.utf8.count <= 64 else { return nil }
    let subtags = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    for (i, s) in subtags.enumerated() {
      guard (1...8).contains(s.utf8.count) else { return nil }
      if i > 0 {
        guard s.utf8.allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        continue
      }
      guard s.utf8.allSatisfy(isLetter) else { return nil }
      // One letter only for private-use (`x-…`) and grandfathered (`i-…`) tags.
      let singleton = s.lowercased() == "x" || s.lowercased() == "i"
      guard s.utf8.count >= 2 || (singleton && subtags.count > 1) else { return nil }
    }
    return trimmed
  }
}
