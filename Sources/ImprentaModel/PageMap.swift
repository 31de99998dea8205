/// Where each page of a printed edition begins in the book's documents: what the PDF layout
/// records as it breaks pages, and what an EPUB of the same book uses for its page-break markers
/// and `page-list` (so a reader can go to the printed page 37).
///
/// A position is a document of the book (its index in `Book.documents`), a block path in it and
/// a character offset in that block's text (see `BlockPath`); the path is empty for the start of
/// the document, before its title.
public struct PageMap: Sendable, Hashable {
  /// A point in the book's documents.
  public struct Position: Sendable, Hashable, Comparable {
    /// The document's index in the book.
    public var document: Int
    /// Block indices from the document's top level down (`BlockPath`); empty: before the title.
    /// A top-level index past the last block means the end of the document.
    public var path: [Int]
    /// Unicode scalars of the block's text before the point (soft hyphens not counted).
    public var offset: Int

    /// Creates a position.
    public init(document: Int, path: [Int], offset: Int = 0) {
      self.document = document
      self.path = path
      self.offset = offset
    }

    public static func < (a: Position, b: Position) -> Bool {
      if a.document != b.document { return a.document < b.document }
      if a.path != b.path { return a.path.lexicographicallyPrecedes(b.path) }
      return a.offset < b.offset
    }
  }

  /// One printed page: its label (`iii`, `37`) and where its text begins.
  public struct Page: Sendable, Hashable {
    /// The printed page label.
    public var label: String
    /// Where the page begins.
    public var position: Position

    /// Creates a page.
    public init(label: String, position: Position) {
      self.label = label
      self.position = position
    }
  }

  /// The printed edition the page numbers come from (`pageBreakSource`).
  public var source: String
  /// Every printed page, in order.
  public var pages: [Page]

  /// Creates a page map.
  public init(source: String, pages: [Page]) {
    self.source = source
    self.pages = pages
  }
}

/// The index path of the block being visited, kept the same way by every backend that walks a
/// document's blocks depth first (each block's `children` in order): a path means the same block
/// to the PDF layout that recorded it and the XHTML renderer that places a marker there.
public struct BlockPath: Sendable, Hashable {
  /// Indices from the top level down to the block being visited.
  public private(set) var path: [Int] = []
  private var next: [Int] = [0]
  /// The top-level indices of the blocks visited, when they are not 0, 1, 2… (an EPUB content
  /// document holds some of a page's blocks).
  public var topLevel: [Int]? = nil
  private var topCursor = 0

  /// A path at the top level.
  public init() {}

  /// Enters the next block at the current depth.
  public mutating func enter() {
    var index = next[next.count - 1]
    next[next.count - 1] += 1
    if path.isEmpty, let topLevel {
      index = topCursor < topLevel.count ? topLevel[topCursor] : (topLevel.last ?? -1) + 1 + topCursor - topLevel.count
      topCursor += 1
    }
    path.append(index)
    next.append(0)
  }

  /// Leaves the block entered last.
  public mutating func leave() {
    guard !path.isEmpty else { return }
    path.removeLast()
    next.removeLast()
  }
}
