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
  /// `entries`: for a book, the index in `Book.entries` of each document (its placements): the
  /// page map counts the book's entries, and the e-book leaves out those with nothing to show (a
  /// home page with no body), so every page after one was marked a document too far on (the
  /// seed site's book: page 1 in the second chapter, a chapter's pages in the next one's).
  static func marks(_ map: PageMap?, documents: [Document], entries: [Int]? = nil) -> EPUBPageList {
    var out = EPUBPageList()
    guard var map else { return out }
    if let entries { map = mapped(map, entries: entries, lastBlocks: documents.last?.blocks.count ?? 0) }
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

  /// `map` with each position's entry replaced by its document's index; a position in an entry
  /// left out moves to the start of the next document kept (the end of the last one after it).
  static func mapped(_ map: PageMap, entries: [Int], lastBlocks: Int) -> PageMap {
    var out = map
    var documentOf: [Int: Int] = [:]
    for (d, entry) in entries.enumerated() where documentOf[entry] == nil { documentOf[entry] = d }
    for k in out.pages.indices {
      let p = out.pages[k].position
      if let d = documentOf[p.document] {
        out.pages[k].position.document = d
      } else if let d = entries.firstIndex(where: { $0 > p.document }) {
        out.pages[k].position = PageMap.Position(document: d, path: [])
      } else {
        let last = max(entries.count - 1, 0)
        out.pages[k].position = PageMap.Position(document: last, path: [lastBlocks])
      }
    }
    return out
  }
}
