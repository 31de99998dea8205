/// How a book (several pages made one publication: `--book`, `book: true`) is set in print.
public struct BookStyle: Sendable, Hashable {
  /// Where a chapter or part starts: `right` (a new right-hand page, a blank left-hand page
  /// before it when needed), `page` (a new page) or `none` (it runs on).
  public var chapterStart = "page"
  /// Whether a book gets a printed table of contents (its depth is `toc.depth`).
  public var contents = true

  /// Whether chapters start on a page of their own.
  public var breaksPages: Bool { chapterStart != "none" }
  /// Whether they start on a right-hand page.
  public var rightHand: Bool { chapterStart == "right" }
}
