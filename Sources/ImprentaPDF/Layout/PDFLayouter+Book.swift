import ImprentaModel
import ImprentaStyle

/// A book's structure as the PDF layout needs it: which top-level block of the merged document
/// opens each part or chapter (`Book.mergedWithOrigins`), so chapters start on pages of their own,
/// empty parts get a page of their own, and running heads and page numbers follow the divisions.
struct BookPlan {
  /// A part, chapter or the front matter's opening, at a top-level block of the merged document.
  struct Division {
    var role: Book.Entry.Role
    var level: Int
    var title: String
    /// A part whose page says nothing but its title: set as a part title page.
    var titleOnly: Bool
  }
  /// The book's title (running heads of left-hand pages outside parts).
  var title: String
  /// The division opening at each top-level block index.
  var divisions: [Int: Division]

  /// The plan of `book`, whose merged document's blocks come from `origins`.
  init(_ book: Book, origins: [Book.MergedOrigin]) {
    title = book.title
    divisions = [:]
    var previous = -1
    for (i, origin) in origins.enumerated() where origin.entry != previous {
      previous = origin.entry
      let entry = book.entries[origin.entry]
      let body = entry.document.blocks.filter {
        switch $0 {
        case .footnoteDefinition: return false
        case .heading(let h): return !(h.level == 1 && h.content.plainText == entry.document.metadata.title)
        default: return true
        }
      }
      let title = entry.document.metadata.title.isEmpty ? entry.document.outline.first?.content.plainText ?? "" : entry.document.metadata.title
      divisions[i] = Division(role: entry.role, level: entry.level, title: title, titleOnly: entry.role == .part && body.isEmpty)
    }
  }

  /// The anchor marking where division `index` opens (its page is found in `anchorPages`).
  static func anchor(_ index: Int) -> String { "imprenta-division-\(index)" }
}

extension PDFLayouter {
  /// Before top-level block `index`: opens the division starting there, if any (a new page, a
  /// right-hand one when the style says so; an empty part's title set a third down its page).
  mutating func openDivision(at index: Int) {
    guard let plan = book, let division = plan.divisions[index] else { return }
    pendingDivision = index
    guard division.role != .front, style.book.breaksPages else { return }
    pendingSpace = 0
    pendingKeep = 0
    breakNextPage = true
    rightHandNext = style.book.rightHand
    if division.titleOnly {
      var spacer = Slice(height: geometry.textHeight * 0.3)
      spacer.position = FlowPosition(path: [index], offset: 0)
      emit(spacer)
    }
  }

  /// Whether the document is laid out as a book with a printed table of contents.
  var bookContents: Bool { book != nil && style.book.contents }

  /// The label printed on page `index` (0-based, body pages): roman in a book's front matter (after
  /// the covers), then 1, 2, … from the first chapter.
  func pageLabel(_ index: Int, frontMatter: Int) -> String {
    guard book != nil, frontMatter > 0 else { return String(index + 1) }
    if index < frontMatter { return PDFWriter.roman(index + 1 + coverPageCount) }
    return String(index - frontMatter + 1)
  }

  /// The pages the style's front covers take (they come before the body and count in roman).
  var coverPageCount: Int { style.cover.front || bookCover ? (style.cover.inside.isEmpty ? 1 : 2) : 0 }

  /// The page geometry as pages are filled: in a book, the covers before the body decide which
  /// pages are right-hand ones (margins, chapter openings, running heads).
  var pageGeometry: PageGeometry {
    var g = geometry
    if book != nil { g.pageOffset = coverPageCount }
    return g
  }

  /// The page of the first part or chapter: the pages before it are the book's front matter.
  func frontMatterPages(_ layout: PageLayout) -> Int {
    guard let plan = book else { return 0 }
    let first = plan.divisions.filter { $0.value.role != .front }.keys.min()
    guard let first, let page = layout.anchorPages[BookPlan.anchor(first)] else { return 0 }
    return page
  }

  /// The running heads of a book: the chapter's title on right-hand pages, the part's (or the
  /// book's) on left-hand ones; none on the page a part or chapter opens on, nor in the front
  /// matter; nothing at all on a blank page. Page numbers are the page labels.
  func bookRunningHeads(_ layout: inout PageLayout) {
    guard let plan = book else { return }
    var opening: [Int: [BookPlan.Division]] = [:]
    for (index, division) in plan.divisions.sorted(by: { $0.key < $1.key }) {
      if let page = layout.anchorPages[BookPlan.anchor(index)] { opening[page, default: []].append(division) }
    }
    var part: (level: Int, title: String)? = nil
    var chapter: String? = nil
    var shaped: [RunningLineKey: TextBlock] = [:]
    for i in layout.pages.indices {
      let opens = opening[i] ?? []
      for d in opens {
        switch d.role {
        case .front: break
        case .part:
          part = (d.level, d.title)
          chapter = nil
        case .chapter:
          if let p = part, p.level >= d.level { part = nil }
          chapter = d.title
        }
      }
      guard !layout.blankPages.contains(i) else { continue }
      let inFront = i < layout.frontMatterPages
      let rightHand = pageGeometry.isRightHand(page: i)
      for (rs, isHeader) in [(style.header, true), (style.footer, false)] {
        var text: String
        switch rs.content {
        case "title", "section": text = rightHand ? chapter ?? part?.title ?? plan.title : part?.title ?? plan.title
        case "page": text = pageLabel(i, frontMatter: layout.frontMatterPages)
        case "title-page": text = "\(plan.title) · \(pageLabel(i, frontMatter: layout.frontMatterPages))"
        default: text = ""
        }
        if isHeader && (!opens.isEmpty || inFront || i == 0) { text = "" }
        if !isHeader && i == 0 { text = "" }
        guard !text.isEmpty else { continue }
        // A head at the outer edge: mirrored on left-hand pages.
        var outer = rs
        if !rightHand && rs.align == .right { outer.align = .left } else if !rightHand && rs.align == .left { outer.align = .right }
        addRunningLine(text, style: outer, header: isHeader, page: i, into: &layout, shaped: &shaped)
      }
    }
  }
}
