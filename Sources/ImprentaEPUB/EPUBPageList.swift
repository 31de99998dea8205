import ImprentaHTML
import ImprentaModel

/// The page-break markers of a printed edition, per document of the book, and the page list
/// the navigation document gives (`epub:type="page-list"`).
struct EPUBPageList {
  /// A printed page: its label, the document its marker is in and the marker's id.
  struct Page {
    var label: String
    var document: Int
    var id: String
  }
  var byDocument: [Int: PageBreakMarks] = [:]
  var pages: [Page] = []

  /// The markers of `map` (none without one). Ids are `page-` and the label (`page-iv`,
  /// `page-37`), made unique when a label repeats or a heading holds the id.
  static func marks(_ map: PageMap?, documents: [Document]) -> EPUBPageList {
    var out = EPUBPageList()
    guard let map else { return out }
    var taken: Set<String> = []
    for doc in documents {
      doc.forEachBlock { if case .heading(let h) = $0, !h.id.isEmpty { taken.insert(h.id) } }
    }
    for (n, page) in map.pages.enumerated() {
      let d = min(max(page.position.document, 0), max(documents.count - 1, 0))
      let clean = page.label.filter { $0.isLetter || $0.isNumber || $0 == "-" }
      var id = "page-" + (clean.isEmpty ? String(n + 1) : clean)
      var k = 2
      while taken.contains(id) {
        id = "page-\(clean)-\(k)"
        k += 1
      }
      taken.insert(id)
      let mark = PageBreakMarks.Mark(label: page.label, id: id, offset: page.position.offset, order: n)
      out.byDocument[d, default: PageBreakMarks()].byPath[page.position.path, default: []].append(mark)
      out.pages.append(Page(label: page.label, document: d, id: id))
    }
    return out
  }
}
