import ImprentaModel

extension XHTMLRenderer {
  /// The title block: title, subtitle, authors and date from the front matter.
  mutating func renderTitleBlock(into parent: XMLNode) {
    let m = document.metadata
    let header = parent.element("header", ["class": "title-block"])
    header.element("h1", ["class": "title"]).text(m.title)
    if !m.subtitle.isEmpty { header.element("p", ["class": "subtitle"]).text(m.subtitle) }
    if !m.authors.isEmpty {
      let by = localization.by.isEmpty ? "" : localization.by + " "
      header.element("p", ["class": "authors"]).text(by + localization.list(m.authors))
    }
    if let date = m.date {
      header.element("p", ["class": "date"]).element("time", ["datetime": date.isoDay]).text(localization.format(date))
    }
  }
}
