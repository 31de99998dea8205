import ImprentaModel

/// A book's PDF and its page map.
public struct PDFBook: Sendable {
  /// The files (the publication, and its imposed sheets when imposing).
  public var files: [PDFFile]
  /// Where each printed page begins in the book's documents, for an EPUB of the same book.
  public var pageMap: PageMap
}

extension PDFWriter {
  /// The PDF of a book: its documents merged into one flow (`Book.mergedWithOrigins`), each part
  /// and chapter opening a page (a right-hand one when the style's `book.chapter_start` is
  /// `right`), a printed contents, running heads from the book's structure and roman numbers in
  /// the front matter; with the page map of the pages as printed.
  public func writeBook(_ book: Book, environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> PDFBook {
    try FontFaces.writing { try writeBookAlone(book, environment: environment, diagnostics: &diagnostics) }
  }

  private func writeBookAlone(_ book: Book, environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> PDFBook {
    guard !book.entries.isEmpty else { throw ImprentaError(.noDocuments, "nothing to write", file: "") }
    let (document, origins) = book.mergedWithOrigins()
    let engine = TextEngine()
    let body = layout(document, book: BookPlan(book, origins: origins), engine: engine, environment: environment, diagnostics: &diagnostics)
    let written = try writeFiles(body: body, first: document, engine: engine, environment: environment, diagnostics: &diagnostics)
    let source = book.title.isEmpty ? "PDF" : "\(book.title) (PDF)"
    return PDFBook(files: written.files, pageMap: PDFWriter.pageMap(body, origins: origins, book: book, labels: written.labels, covers: written.covers, source: source))
  }

  /// Every printed page's label and where it begins in the book's documents: body pages where
  /// their first strip comes from (mapped from the merged document back to the book's
  /// documents); a page with no strip (blank, notes carried over) where the next page begins;
  /// front covers at the book's start, back covers at its end.
  static func pageMap(_ body: PageLayout, origins: [Book.MergedOrigin], book: Book, labels: [String], covers: CoverPages, source: String) -> PageMap {
    func position(_ p: FlowPosition) -> PageMap.Position? {
      guard let top = p.path.first else { return PageMap.Position(document: 0, path: []) }
      guard top >= 0, top < origins.count else { return nil }
      let origin = origins[top]
      guard let block = origin.block else { return PageMap.Position(document: origin.entry, path: []) }
      // A language container's children are the document's own blocks.
      if !origin.wrapped.isEmpty, p.path.count > 1, p.path[1] >= 0, p.path[1] < origin.wrapped.count {
        return PageMap.Position(document: origin.entry, path: [origin.wrapped[p.path[1]]] + p.path.dropFirst(2), offset: p.offset)
      }
      return PageMap.Position(document: origin.entry, path: [block] + p.path.dropFirst(), offset: p.offset)
    }
    var starts: [PageMap.Position?] = body.pages.indices.map { body.pageStarts[$0].flatMap(position) }
    let last = book.entries.count - 1
    let end = PageMap.Position(document: last, path: [book.entries[last].document.blocks.count])
    var next = end
    for i in starts.indices.reversed() {
      if let s = starts[i] { next = s } else { starts[i] = next }
    }
    // Never backwards (a footnote page's start is where its notes were called).
    var previous = PageMap.Position(document: 0, path: [])
    var positions = [PageMap.Position](repeating: previous, count: covers.front.count)
    for s in starts {
      let p = max(s ?? end, previous)
      positions.append(p)
      previous = p
    }
    positions += [PageMap.Position](repeating: end, count: covers.back.count)
    let pages = positions.enumerated().map { PageMap.Page(label: $0.offset < labels.count ? labels[$0.offset] : String($0.offset + 1), position: $0.element) }
    return PageMap(source: source, pages: pages)
  }
}
