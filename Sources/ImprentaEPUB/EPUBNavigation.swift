import ImprentaHTML
import ImprentaModel

/// One entry of the table of contents.
struct TOCEntry: Hashable {
  var label: String
  var href: String
  var children: [TOCEntry] = []

  /// Entries nested by heading level: each heading goes under the nearest earlier, shallower one.
  static func nest(_ flat: [(level: Int, entry: TOCEntry)]) -> [TOCEntry] {
    var i = 0
    func take(deeperThan level: Int) -> [TOCEntry] {
      var out: [TOCEntry] = []
      while i < flat.count, flat[i].level > level {
        var e = flat[i].entry
        let l = flat[i].level
        i += 1
        e.children = take(deeperThan: l)
        out.append(e)
      }
      return out
    }
    var out: [TOCEntry] = []
    while i < flat.count { out += take(deeperThan: Int.min) }
    return out
  }

  var depth: Int { 1 + (children.map(\.depth).max() ?? 0) }
}

/// The navigation document (nested TOC and landmarks) and the NCX older readers use.
struct EPUBNavigation {
  var title: String
  var language: String
  /// The book's writing direction (`dir="rtl"` on the page).
  var direction: WritingDirection = .ltr
  var localization: Localization
  var entries: [TOCEntry]
  /// Landmarks: `epub:type` and href, in reading order.
  var landmarks: [(type: String, label: String, href: String)]
  /// The printed pages (label, href of the marker), for the `page-list` nav.
  var pages: [(label: String, href: String)] = []

  /// `nav.xhtml`, in `OEBPS/`.
  func navDocument() -> [UInt8] {
    func list(_ entries: [TOCEntry]) -> XMLElementValue {
      XMLElementValue("ol", [:], entries.map { e in
        var li = XMLElementValue("li", [:], [XMLElementValue("a", ["href": e.href], text: e.label)])
        if !e.children.isEmpty { li.children.append(.element(list(e.children))) }
        return li
      })
    }
    var toc = XMLElementValue("nav", ["epub:type": "toc", "id": "toc", "role": "doc-toc"], [XMLElementValue("h1", text: localization.contents)])
    toc.children.append(.element(list(entries)))
    let marks = XMLElementValue("nav", ["epub:type": "landmarks", "hidden": "hidden"], [
      XMLElementValue("ol", [:], landmarks.map { m in XMLElementValue("li", [:], [XMLElementValue("a", ["epub:type": m.type, "href": m.href], text: m.label)]) })
    ])
    var navs = [toc, marks]
    if !pages.isEmpty {
      navs.append(XMLElementValue("nav", ["epub:type": "page-list", "hidden": "hidden"], [
        XMLElementValue("ol", [:], pages.map { p in XMLElementValue("li", [:], [XMLElementValue("a", ["href": p.href], text: p.label)]) })
      ]))
    }
    let page = XMLElementValue("html", ["xmlns": EPUBPackager.xhtmlNamespace, "xmlns:epub": EPUBPackager.epubNamespace, "lang": language, "xml:lang": language], [
      XMLElementValue("head", [:], [
        XMLElementValue("meta", ["charset": "UTF-8"]),
        XMLElementValue("title", text: title),
        XMLElementValue("link", ["rel": "stylesheet", "type": "text/css", "href": EPUBPackager.stylesheetHref]),
      ]),
      XMLElementValue("body", ["epub:type": "frontmatter"], navs),
    ])
    return page.directed(direction).serialize(html: true)
  }

  /// `toc.ncx`, in `OEBPS/`.
  func ncx(identifier: String) -> [UInt8] {
    var order = 0, count = 0
    // Entries pointing at one place (a part and its first chapter, a heading that is no anchor)
    // share one play order, as the NCX requires.
    var orderOf: [String: Int] = [:]
    func points(_ entries: [TOCEntry]) -> [XMLElementValue] {
      entries.map { e in
        count += 1
        let play: Int
        if let known = orderOf[e.href] { play = known } else {
          order += 1
          play = order
          orderOf[e.href] = order
        }
        var p = XMLElementValue("navPoint", ["id": "np-\(count)", "playOrder": String(play)], [
          XMLElementValue("navLabel", [:], [XMLElementValue("text", text: e.label)]),
          XMLElementValue("content", ["src": e.href]),
        ])
        p.children += points(e.children).map { .element($0) }
        return p
      }
    }
    let depth = entries.map(\.depth).max() ?? 1
    let root = XMLElementValue("ncx", ["xmlns": "http://www.daisy.org/z3986/2005/ncx/", "version": "2005-1", "xml:lang": language], [
      XMLElementValue("head", [:], [
        XMLElementValue("meta", ["name": "dtb:uid", "content": identifier]),
        XMLElementValue("meta", ["name": "dtb:depth", "content": String(depth)]),
        XMLElementValue("meta", ["name": "dtb:totalPageCount", "content": String(pages.count)]),
        XMLElementValue("meta", ["name": "dtb:maxPageNumber", "content": "0"]),
      ]),
      XMLElementValue("docTitle", [:], [XMLElementValue("text", text: title)]),
      XMLElementValue("navMap", [:], points(entries)),
    ])
    return root.serialize()
  }
}
