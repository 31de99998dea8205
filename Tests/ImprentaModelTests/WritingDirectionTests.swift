import ImprentaModel
import Testing

@Suite struct WritingDirectionTests {
  @Test func rightToLeftLanguagesAndScripts() {
    for tag in ["he", "he-IL", "yi", "ar", "ar-EG", "fa", "ur", "ps", "sd", "ug", "dv", "ckb", "syr", "HE", "fa_IR", "az-Arab", "pa-Arab", "sr-Hebr", "tmh-Nkoo", "ff-Adlm"] {
      #expect(WritingDirection(language: tag) == .rtl, "\(tag)")
    }
    for tag in ["", "en", "es-CO", "zh-Hans", "ja", "ko", "az", "ku", "ur-Latn", "he-Latn", "hebrew", "x-ar"] {
      #expect(WritingDirection(language: tag) == .ltr, "\(tag)")
    }
  }

  @Test func aDirectionSaidWinsOverTheLanguage() {
    var m = Metadata(language: "en")
    #expect(m.writingDirection() == .ltr)
    m.direction = .rtl
    #expect(m.writingDirection() == .rtl)
    m = Metadata(language: "ar")
    #expect(m.writingDirection() == .rtl)
    m.direction = .ltr
    #expect(m.writingDirection() == .ltr)
    // A page that says no language takes the fallback's direction.
    #expect(Document(metadata: Metadata()).direction(defaultLanguage: "he") == .rtl)
    #expect(Document(metadata: Metadata()).direction(defaultLanguage: "es") == .ltr)
  }

  @Test func aBookHasTheDirectionOfItsLanguage() {
    #expect(Book(title: "ספר", language: "he", entries: []).direction() == .rtl)
    #expect(Book(title: "Libro", language: "es", entries: []).direction() == .ltr)
    var meta = Metadata()
    meta.direction = .rtl
    #expect(Book(title: "x", language: "en", metadata: meta, entries: []).direction() == .rtl)
    // Pages that say their direction (the site's language config) make the book and its merged document so.
    var page = Document(relativeName: "p", metadata: Metadata(title: "p", language: "en"))
    page.metadata.direction = .rtl
    let book = Book(title: "x", language: "en", entries: [.init(document: page, role: .chapter, level: 1)])
    #expect(book.direction() == .rtl)
    #expect(book.merged().direction() == .rtl)
  }

  @Test func parsingFrontMatterWords() {
    #expect(WritingDirection(parsing: "rtl") == .rtl)
    #expect(WritingDirection(parsing: " RTL ") == .rtl)
    #expect(WritingDirection(parsing: "ltr") == .ltr)
    #expect(WritingDirection(parsing: "right") == nil)
  }

  @Test func wordsAndDatesOfRightToLeftAndCJKLanguages() throws {
    let date = try #require(PageDate(parsing: "2018-12-08"))
    #expect(Localization.forLanguage("he").format(date) == "8 בדצמבר 2018")
    #expect(Localization.forLanguage("zh-CN").format(date) == "2018年12月8日")
    #expect(Localization.forLanguage("ja").contents == "目次")
    #expect(Localization.forLanguage("ar-EG").notes == "ملاحظات")
  }
}
