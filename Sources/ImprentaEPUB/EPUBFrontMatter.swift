import ImprentaHTML
import ImprentaModel

/// The book's generated pages and files: cover page, title page, `container.xml`.
struct EPUBFrontMatter {
  var title: String
  var language: String
  /// The book's writing direction (`dir="rtl"` on the page).
  var direction: WritingDirection = .ltr
  var localization: Localization
  var documents: [Document]

  /// The book's authors when it says them (else every page's).
  var authors: [String]?
  /// The book's subtitle (a single page's otherwise).
  var subtitle: String?
  /// The book's date (the latest page's otherwise).
  var date: PageDate?

  /// Authors, each once (case and spaces ignored), in order.
  var creators: [String] {
    var seen: Set<String> = []
    return (authors ?? documents.flatMap(\.metadata.authors)).map { $0.trimmingCharacters(in: " \t\n") }
      .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
  }

  /// Tags of every page, each once, in order.
  var subjects: [String] {
    var seen: Set<String> = []
    return documents.flatMap(\.metadata.tags).filter { seen.insert($0.lowercased()).inserted }
  }

  func page(_ pageTitle: String, bodyType: String, _ content: [XMLElementValue]) -> [UInt8] {
    XMLElementValue("html", ["xmlns": EPUBPackager.xhtmlNamespace, "xmlns:epub": EPUBPackager.epubNamespace, "lang": language, "xml:lang": language], [
      XMLElementValue("head", [:], [
        XMLElementValue("meta", ["charset": "UTF-8"]),
        XMLElementValue("title", text: pageTitle),
        XMLElementValue("link", ["rel": "stylesheet", "type": "text/css", "href": "../" + EPUBPackager.stylesheetHref]),
      ]),
      XMLElementValue("body", ["epub:type": bodyType], content),
    ]).directed(direction).serialize(html: true)
  }

  /// A page showing the cover image, described by the book's title ("Portada: Título"); a
  /// generated cover says what it shows (title, authors, date), as its text is only in the image.
  func coverPage(image: String, generated: Bool = false) -> [UInt8] {
    var alt = localization.cover + ": " + title
    if generated {
      if let subtitle, !subtitle.isEmpty { alt += ". " + subtitle }
      if !creators.isEmpty { alt += ". " + localization.list(creators) }
      if let d = date ?? documents.compactMap(\.metadata.date).max() { alt += ". " + localization.format(d) }
    }
    return page(title, bodyType: "cover", [
      XMLElementValue("section", ["class": "cover", "epub:type": "cover"], [XMLElementValue("img", ["src": image, "alt": alt, "role": "doc-cover"])])
    ])
  }

  /// A generated title page: title, subtitle, authors, date.
  func titlePage() -> [UInt8] {
    var content = [XMLElementValue("h1", ["class": "title"], text: title)]
    let m = documents[0].metadata
    let sub = subtitle ?? (documents.count == 1 ? m.subtitle : "")
    if !sub.isEmpty { content.append(XMLElementValue("p", ["class": "subtitle"], text: sub)) }
    if !creators.isEmpty {
      let by = localization.by.isEmpty ? "" : localization.by + " "
      content.append(XMLElementValue("p", ["class": "authors"], text: by + localization.list(creators)))
    }
    if let date = date ?? documents.compactMap(\.metadata.date).max() {
      content.append(XMLElementValue("p", ["class": "date"], [XMLElementValue("time", ["datetime": date.isoDay], text: localization.format(date))]))
    }
    return page(title, bodyType: "frontmatter", [XMLElementValue("section", ["class": "titlepage title-block", "epub:type": "titlepage"], content)])
  }

  /// `META-INF/container.xml`: where the package document is.
  static func container() -> [UInt8] {
    XMLElementValue("container", ["xmlns": "urn:oasis:names:tc:opendocument:xmlns:container", "version": "1.0"], [
      XMLElementValue("rootfiles", [:], [
        XMLElementValue("rootfile", ["full-path": "OEBPS/content.opf", "media-type": "application/oebps-package+xml"])
      ])
    ]).serialize()
  }
}
