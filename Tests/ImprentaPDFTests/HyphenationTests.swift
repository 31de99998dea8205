import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

@Suite struct HyphenationTests {
  @Test func spanishAccentsAreHandledPerCharacter() throws {
    let h = try #require(Hyphenator(language: "es"))
    let word = h.hyphenateWord("información")
    #expect(word.contains("\u{AD}"))
    #expect(word.replacingOccurrences(of: "\u{AD}", with: "") == "información")
    #expect(word == "in\u{AD}for\u{AD}ma\u{AD}ción")
    let other = h.hyphenateWord("participación")
    #expect(other.replacingOccurrences(of: "\u{AD}", with: "") == "participación")
    #expect(other.unicodeScalars.allSatisfy { $0.value != 0xFFFD })
  }

  /// A word typed with combining accents (NFD) is hyphenated as its composed form, at the same
  /// characters, and the two spellings never share an entry of the memo: the seed site's book
  /// broke "públ-ica" in composed text after the decomposed spelling was seen, and decomposed
  /// text alone was broken "polít-ica".
  @Test func decomposedAccentsHyphenateAsComposedOnes() throws {
    let h = try #require(Hyphenator(language: "es"))
    let composed = "política pública definición"
    let decomposed = composed.decomposedStringWithCanonicalMapping
    #expect(Array(decomposed.utf8) != Array(composed.utf8))
    let nfd = h.points(in: decomposed)
    let nfc = h.points(in: composed)
    /// Each point as the index of the character it comes before.
    func characters(_ points: [Int], in text: String) -> [Int] {
      points.map { p in text.distance(from: text.startIndex, to: text.utf8.index(text.startIndex, offsetBy: p)) }
    }
    #expect(!nfc.isEmpty)
    #expect(characters(nfd, in: decomposed) == characters(nfc, in: composed))
    #expect(Hyphenator.marked(composed, nfc).hasPrefix("po\u{AD}lí\u{AD}tica pú\u{AD}blica"))
    // Seen after the decomposed spelling, in the same process, the composed one is unchanged.
    let fresh = try #require(Hyphenator(language: "es"))
    #expect(fresh.points(in: decomposed) == nfd)
    #expect(fresh.points(in: composed) == nfc)
  }

  @Test func regionalTagsUseTheLanguageDictionary() {
    #expect(Hyphenator.dictionaryPath(for: "es-CO")?.hasSuffix("hyph_es_CO.dic") == true)
    #expect(Hyphenator.dictionaryPath(for: "es")?.hasSuffix("hyph_es_ES.dic") == true)
    #expect(Hyphenator.dictionaryPath(for: "en-GB") != nil)
    #expect(Hyphenator.dictionaryPath(for: "xx") == nil)
    #expect(Hyphenator.dictionaryPath(for: "../x") == nil)
  }

  /// The languages `scripts/setup` installs patterns for are found under Debian's file names,
  /// whatever region the file carries (Docsy's Norwegian pages were set unhyphenated).
  @Test func everyInstalledLanguageIsFound() {
    for (tag, file) in [("no", "hyph_nb_NO.dic"), ("nb-NO", "hyph_nb_NO.dic"), ("pl", "hyph_pl_PL.dic"), ("ru", "hyph_ru_RU.dic"),
      ("sv", "hyph_sv_SE.dic"), ("ca", "hyph_ca_ES.dic"), ("gl", "hyph_gl_ES.dic"), ("de", "hyph_de.dic"), ("pt-BR", "hyph_pt_BR.dic")] {
      #expect(Hyphenator.dictionaryPath(for: tag)?.hasSuffix("/" + file) == true, "\(tag)")
    }
    #expect(Hyphenator(language: "no") != nil && Hyphenator(language: "fr") != nil)
  }

  /// Scripts that are not hyphenated ask for no dictionary (no `no-hyphenation` note).
  @Test func arabicScriptAndHebrewAreNotHyphenated() {
    for tag in ["fa", "ar-EG", "ur", "he", "he-IL", "yi"] { #expect(Hyphenator.isUnhyphenated(language: tag), "\(tag)") }
    for tag in ["es", "no", "tr"] { #expect(!Hyphenator.isUnhyphenated(language: tag), "\(tag)") }
  }

  @Test func shortWordsAreLeftWhole() throws {
    let h = try #require(Hyphenator(language: "en"))
    #expect(h.hyphenate("the cat sat upon") == "the cat sat upon")
    #expect(h.hyphenate("internationalization").contains("\u{AD}"))
  }

  /// Hyphenation points in the text of every line tagged `tag` (the text itself has none).
  static func softHyphens(_ layout: PageLayout, tag: String) -> Int {
    layout.pages.flatMap(\.items).reduce(0) { n, item in
      guard case .text(let t) = item.kind, item.tags.last?.name == tag, t.index == 0 else { return n }
      return n + t.block.text.hyphenPoints.count + t.block.text.string.count { $0 == "\u{AD}" }
    }
  }

  /// The text of the first block tagged `tag`, a soft hyphen marking each hyphenation point.
  static func marked(_ layout: PageLayout, tag: String) -> [String] {
    layout.pages.flatMap(\.items).compactMap { item -> String? in
      if case .text(let t) = item.kind, item.tags.last?.name == tag, t.index == 0 { return Hyphenator.marked(t.block.text.string, t.block.text.hyphenPoints) }
      return nil
    }
  }

  @Test func noHyphensInHeadingsCodeOrURLs() throws {
    let md = """
      ---
      title: T
      lang: en
      ---

      ## Internationalization considerations extraordinarily

      Internationalization considerations, see <https://example.com/internationalization/considerations>
      and `internationalization_considerations_extraordinarily`.

      ```
      internationalization considerations extraordinarily
      ```
      """
    let (layout, _) = PDFTest.layout(try PDFTest.document(md))
    #expect(Self.softHyphens(layout, tag: "H2") == 0)
    #expect(Self.softHyphens(layout, tag: "Code") == 0)
    let paragraph = Self.marked(layout, tag: "P").first ?? ""
    #expect(paragraph.hasPrefix("In\u{AD}ter"))
    #expect(paragraph.contains("https://example.com/internationalization/considerations"))
    #expect(paragraph.contains("internationalization_considerations_extraordinarily"))
  }

  @Test func languageWithoutDictionaryIsANote() throws {
    let doc = try PDFTest.document("---\ntitle: T\nlang: xx\n---\n\nSome words.\n")
    let (_, diagnostics) = PDFTest.layout(doc)
    #expect(diagnostics.items.contains { $0.severity == .note && $0.code == .noHyphenation })
  }
}

@Suite struct ChapterLanguageHyphenationTests {
  /// A book's chapter in English inside a Spanish book is hyphenated with English patterns, and
  /// the Spanish text after it with Spanish ones again.
  @Test func aContainerInAnotherLanguageIsHyphenatedByIt() throws {
    let english = "Internationalization considerations extraordinarily understandable"
    let spanish = "Información participación extraordinariamente comprensible"
    let en = try #require(Hyphenator(language: "en")), es = try #require(Hyphenator(language: "es"))
    #expect(en.hyphenate(english) != es.hyphenate(english))
    let doc = Document(
      relativeName: "libro", metadata: Metadata(title: "Libro", language: "es"),
      blocks: [
        .container(Container(attributes: Attributes(), blocks: [.paragraph(Paragraph([.text(Text(english))]))], language: "en")),
        .paragraph(Paragraph([.text(Text(spanish))])),
      ])
    let (layout, _) = PDFTest.layout(doc)
    let paragraphs = HyphenationTests.marked(layout, tag: "P")
    #expect(paragraphs.contains(en.hyphenate(english)))
    #expect(paragraphs.contains(es.hyphenate(spanish)))
  }
}

/// Dictionaries in another character set than UTF-8 (Debian's German and Danish are ISO 8859-1,
/// Czech ISO 8859-2, Greek ISO 8859-7, Russian KOI8-R) hyphenate words with letters outside
/// ASCII where their patterns say (read as UTF-8, they gave "Schlüss-els", "се-ртификат",
/// "dův-ěryhodný" and nothing in Greek).
@Suite struct HyphenationCharsetTests {
  @Test(arguments: [
    ("de", "öffentlichen", "öf-fent-li-chen"), ("de", "Schlüssels", "Schlüs-sels"),
    ("ru", "сертификат", "сер-тифи-кат"), ("cs", "důvěryhodný", "dů-vě-ryhodný"),
  ])
  func nonUTF8Dictionaries(_ language: String, _ word: String, _ expected: String) throws {
    let h = try #require(Hyphenator(language: language), "no \(language) dictionary installed")
    let marked = h.hyphenateWord(Substring(word)).replacingOccurrences(of: "\u{AD}", with: "-")
    #expect(marked == expected)
  }

  @Test func greekIsHyphenated() throws {
    let h = try #require(Hyphenator(language: "el"))
    #expect(h.hyphenateWord("πιστοποιητικό").contains("\u{AD}"))
  }
}
