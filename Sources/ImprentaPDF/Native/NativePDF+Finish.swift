/// The document-level objects of a natively written PDF, once every page is written: fonts, the
/// structure tree and its parent tree, link annotations, named destinations, bookmarks, page
/// labels, the XMP packet, the document information and the catalog.
extension NativePDF {
  /// What the document says of itself.
  struct Description {
    var title = ""
    var author = ""
    var subject = ""
    var keywords = ""
    var creator = "Imprenta"
    /// The XMP packet (nil: none).
    var xmp: String?
    var language = ""
    var rightToLeft = false
    /// `D:YYYYMMDDHHmmSS…` for the creation and modification dates.
    var date = ""
    /// Each figure's alternative text, in reading order (empty: none).
    var figureAlts: [String] = []
    /// What each link says, in the order the painter made them.
    var linkDescriptions: [String] = []
  }

  /// The finished file, or nil when the document needs what this writer does not do
  /// (`unsupported`).
  func finish(_ d: Description) -> [UInt8]? {
    guard unsupported == nil else { return nil }
    guard fonts.write(into: writer) else { return nil }
    let structTreeRoot = writeStructure(d)
    writeAnnotations(d.linkDescriptions)
    let dests = writeDestinations()
    let outlines = writeOutline()

    writer.object(pagesNumber, "<</Type /Pages /Kids [" + pages.map { "\($0) 0 R" }.joined(separator: " ") + "] /Count \(pages.count)>>")

    var catalog = "<</Type /Catalog /Pages \(pagesNumber) 0 R /MarkInfo <</Marked true>> /StructTreeRoot \(structTreeRoot) 0 R"
    if !d.language.isEmpty { catalog += " /Lang " + PDFSyntax.text(d.language) }
    catalog += " /ViewerPreferences <</DisplayDocTitle true" + (d.rightToLeft ? " /Direction /R2L" : "") + ">>"
    if let xmp = d.xmp {
      let metadata = writer.reserve()
      writer.stream(metadata, entries: "/Type /Metadata /Subtype /XML", data: Array(xmp.utf8), compress: false)
      catalog += " /Metadata \(metadata) 0 R"
    }
    if let outlines { catalog += " /Outlines \(outlines) 0 R /PageMode /UseOutlines" }
    if let dests { catalog += " /Names <</Dests \(dests) 0 R>>" }
    if let labels = pageLabelTree() { catalog += " /PageLabels " + labels }
    let root = writer.reserve()
    writer.object(root, catalog + ">>")

    var info = "<<"
    for (key, value) in [("Title", d.title), ("Author", d.author), ("Subject", d.subject), ("Keywords", d.keywords), ("Creator", d.creator)] where !value.isEmpty {
      info += " /\(key) " + PDFSyntax.text(value)
    }
    info += " /Producer (Imprenta)"
    if !d.date.isEmpty { info += " /CreationDate " + PDFSyntax.literal(d.date.utf8) + " /ModDate " + PDFSyntax.literal(d.date.utf8) }
    let infoNumber = writer.reserve()
    writer.object(infoNumber, info + ">>")
    return writer.finish(root: root, info: infoNumber)
  }

  // MARK: - Structure

  /// Writes the elements and the parent tree; returns the tree root's object number.
  private func writeStructure(_ d: Description) -> Int {
    for (index, language) in structure.languages { tree.describe(index, alt: nil, language: language) }
    tree.mend(structure)
    var figure = 0
    for i in tree.elements.indices where tree.elements[i].artifact == nil && tree.elements[i].name == "Figure" {
      if figure < d.figureAlts.count, !d.figureAlts[figure].isEmpty { tree.describe(i, alt: d.figureAlts[figure], language: nil) }
      figure += 1
    }
    // A link element says what its annotation says.
    for (k, a) in annotations.enumerated() where k < d.linkDescriptions.count && !d.linkDescriptions[k].isEmpty {
      tree.describe(a.element, alt: d.linkDescriptions[k], language: nil)
    }
    let elements = tree.elements
    var numbers = [Int](repeating: 0, count: elements.count)
    for i in elements.indices where elements[i].artifact == nil && elements[i].mergedInto == nil { numbers[i] = writer.reserve() }
    let treeRoot = writer.reserve(), parentTree = writer.reserve()
    var roots: [Int] = []
    for (i, e) in elements.enumerated() where numbers[i] != 0 {
      let parent = e.parent.map { tree.resolved($0) }
      if parent == nil || numbers[parent!] == 0 { roots.append(i) }
      var kids: [String] = []
      var firstPage: Int? = nil
      for kid in e.kids where tree.keeps(kid, in: i) {
        switch kid {
        case .content(let page, let mcid):
          if firstPage == nil { firstPage = page }
          kids.append(page == firstPage ? "\(mcid)" : "<</Type /MCR /Pg \(pages[page]) 0 R /MCID \(mcid)>>")
        case .element(let child):
          if numbers[child] != 0 { kids.append("\(numbers[child]) 0 R") }
        case .annotation(let object, let page):
          kids.append("<</Type /OBJR /Obj \(object) 0 R /Pg \(pages[min(page, pages.count - 1)]) 0 R>>")
        }
      }
      var s = "<</Type /StructElem /S " + PDFSyntax.name(e.name) + " /P \(parent.flatMap { numbers[$0] != 0 ? numbers[$0] : nil } ?? treeRoot) 0 R"
      if let firstPage, firstPage < pages.count { s += " /Pg \(pages[firstPage]) 0 R" }
      // One kid stands alone (`/K 3`), as most writers do and some checkers expect.
      if kids.count == 1 { s += " /K " + kids[0] } else if !kids.isEmpty { s += " /K [" + kids.joined(separator: " ") + "]" }
      if let language = e.language { s += " /Lang " + PDFSyntax.text(language) }
      if let alt = e.alt { s += " /Alt " + PDFSyntax.text(alt) }
      if e.name == "TH" { s += " /A <</O /Table /Scope /Column>>" }
      writer.object(numbers[i], s + ">>")
    }
    // The parent tree: each page's marked content by MCID, then each link annotation.
    var nums: [String] = []
    for (page, content) in tree.pageContent.enumerated() where page < pages.count {
      let refs = content.map { e -> String in
        let r = tree.resolved(e)
        return numbers[r] != 0 ? "\(numbers[r]) 0 R" : "null"
      }
      nums.append("\(page) [" + refs.joined(separator: " ") + "]")
    }
    for (k, a) in annotations.enumerated() {
      let r = tree.resolved(a.element)
      nums.append("\(pages.count + k) " + (numbers[r] != 0 ? "\(numbers[r]) 0 R" : "null"))
    }
    writer.object(parentTree, "<</Nums [" + nums.joined(separator: "\n") + "]>>")
    writer.object(
      treeRoot,
      "<</Type /StructTreeRoot /K [" + roots.map { "\(numbers[$0]) 0 R" }.joined(separator: " ") + "] /ParentTree \(parentTree) 0 R /ParentTreeNextKey \(pages.count + annotations.count)>>")
    return treeRoot
  }

  // MARK: - Links, destinations, bookmarks, labels

  private func writeAnnotations(_ descriptions: [String]) {
    for (k, a) in annotations.enumerated() {
      let h = pageHeights[min(a.page, pageHeights.count - 1)]
      let x0 = a.rects.map(\.x).min() ?? 0, x1 = a.rects.map(\.maxX).max() ?? 0
      let top = a.rects.map(\.y).min() ?? 0, bottom = a.rects.map(\.maxY).max() ?? 0
      func n(_ v: Double) -> String { PDFSyntax.number(v) }
      var s = "<</Type /Annot /Subtype /Link /Rect [\(n(x0)) \(n(h - bottom)) \(n(x1)) \(n(h - top))]"
      // Each line of the link its own quadrilateral (readers highlight those, not the union).
      s += " /QuadPoints [" + a.rects.map { r in
        [r.x, h - r.y, r.maxX, h - r.y, r.x, h - r.maxY, r.maxX, h - r.maxY].map(n).joined(separator: " ")
      }.joined(separator: " ") + "]"
      s += " /Border [0 0 0] /F 4 /P \(pages[min(a.page, pages.count - 1)]) 0 R /StructParent \(pages.count + k)"
      if k < descriptions.count, !descriptions[k].isEmpty { s += " /Contents " + PDFSyntax.text(descriptions[k]) }
      if let uri = a.uri {
        s += " /A <</S /URI /URI " + PDFSyntax.literal(uri.utf8) + ">>"
      } else if let name = a.destination {
        s += " /Dest " + PDFSyntax.literal(name.utf8)
      }
      writer.object(a.number, s + ">>")
    }
  }

  private func writeDestinations() -> Int? {
    guard !destinations.isEmpty else { return nil }
    let sorted = destinations.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    var s = "<</Names ["
    for d in sorted where d.page < pages.count {
      s += PDFSyntax.literal(d.name.utf8) + " [\(pages[d.page]) 0 R /XYZ 0 " + PDFSyntax.number(pageHeights[d.page] - d.y) + " 0]\n"
    }
    let number = writer.reserve()
    writer.object(number, s + "]>>")
    return number
  }

  private func writeOutline() -> Int? {
    guard !outline.isEmpty else { return nil }
    let root = writer.reserve()
    let numbers = outline.map { _ in writer.reserve() }
    var children: [Int32: [Int]] = [:]
    for (i, item) in outline.enumerated() { children[item.parent, default: []].append(i) }
    func descendants(_ id: Int32) -> Int { (children[id] ?? []).reduce(0) { $0 + 1 + descendants(Int32($1 + 1)) } }
    for (i, item) in outline.enumerated() {
      let siblings = children[item.parent] ?? []
      let position = siblings.firstIndex(of: i) ?? 0
      var s = "<</Title " + PDFSyntax.text(item.title) + " /Parent \(item.parent == 0 ? root : numbers[Int(item.parent) - 1]) 0 R"
      if position > 0 { s += " /Prev \(numbers[siblings[position - 1]]) 0 R" }
      if position + 1 < siblings.count { s += " /Next \(numbers[siblings[position + 1]]) 0 R" }
      if let kids = children[Int32(i + 1)], let first = kids.first, let last = kids.last {
        s += " /First \(numbers[first]) 0 R /Last \(numbers[last]) 0 R /Count \(descendants(Int32(i + 1)))"
      }
      s += " /Dest " + PDFSyntax.literal(item.name.utf8)
      writer.object(numbers[i], s + ">>")
    }
    let top = children[0] ?? []
    writer.object(root, "<</Type /Outlines /First \(numbers[top.first ?? 0]) 0 R /Last \(numbers[top.last ?? 0]) 0 R /Count \(descendants(0))>>")
    return root
  }

  /// The page labels as a number tree: runs of roman or arabic numbers by their style and start,
  /// anything else as its text.
  private func pageLabelTree() -> String? {
    guard !labels.isEmpty else { return nil }
    var nums: [String] = []
    var previous: (style: String, value: Int)? = nil
    for page in 0..<pages.count {
      let label = labels[page] ?? String(page + 1)
      let style: String, value: Int
      if let n = Int(label), n > 0, String(n) == label {
        (style, value) = ("/D", n)
      } else if let n = (1...4000).first(where: { PDFWriter.roman($0) == label }) {
        (style, value) = ("/r", n)
      } else {
        nums.append("\(page) <</P " + PDFSyntax.text(label) + ">>")
        previous = nil
        continue
      }
      if let p = previous, p.style == style, p.value + 1 == value {
        previous = (style, value)
        continue
      }
      nums.append("\(page) <</S \(style)" + (value != 1 ? " /St \(value)" : "") + ">>")
      previous = (style, value)
    }
    return "<</Nums [" + nums.joined(separator: " ") + "]>>"
  }
}
