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
    // Each element's dictionary built as bytes (it was string concatenation and interpolation,
    // kid by kid: a seventh of finishing the file).
    var s: [UInt8] = []
    var kids: [UInt8] = []
    func append(_ text: StaticString, to out: inout [UInt8]) {
      text.withUTF8Buffer { out.append(contentsOf: $0) }
    }
    func reference(_ number: Int, to out: inout [UInt8]) {
      PDFSyntax.appendInteger(number, to: &out)
      append(" 0 R", to: &out)
    }
    for (i, e) in elements.enumerated() where numbers[i] != 0 {
      let parent = e.parent.map { tree.resolved($0) }
      if parent == nil || numbers[parent!] == 0 { roots.append(i) }
      kids.removeAll(keepingCapacity: true)
      var kidCount = 0
      var firstPage: Int? = nil
      for kid in e.kids where tree.keeps(kid, in: i) {
        let before = kids.count
        if kidCount > 0 { kids.append(0x20) }
        switch kid {
        case .content(let page, let mcid):
          if firstPage == nil { firstPage = page }
          if page == firstPage {
            PDFSyntax.appendInteger(mcid, to: &kids)
          } else {
            append("<</Type /MCR /Pg ", to: &kids)
            reference(pages[page], to: &kids)
            append(" /MCID ", to: &kids)
            PDFSyntax.appendInteger(mcid, to: &kids)
            append(">>", to: &kids)
          }
        case .element(let child):
          if numbers[child] != 0 { reference(numbers[child], to: &kids) }
        case .annotation(let object, let page):
          append("<</Type /OBJR /Obj ", to: &kids)
          reference(object, to: &kids)
          append(" /Pg ", to: &kids)
          reference(pages[min(page, pages.count - 1)], to: &kids)
          append(">>", to: &kids)
        }
        if kids.count > before + (kidCount > 0 ? 1 : 0) { kidCount += 1 } else { kids.removeSubrange(before...) }
      }
      s.removeAll(keepingCapacity: true)
      append("<</Type /StructElem /S ", to: &s)
      s.append(contentsOf: PDFSyntax.name(e.name).utf8)
      append(" /P ", to: &s)
      reference(parent.flatMap { numbers[$0] != 0 ? numbers[$0] : nil } ?? treeRoot, to: &s)
      if let firstPage, firstPage < pages.count {
        append(" /Pg ", to: &s)
        reference(pages[firstPage], to: &s)
      }
      // One kid stands alone (`/K 3`), as most writers do and some checkers expect.
      if kidCount == 1 {
        append(" /K ", to: &s)
        s += kids
      } else if kidCount > 1 {
        append(" /K [", to: &s)
        s += kids
        append("]", to: &s)
      }
      if let language = e.language {
        append(" /Lang ", to: &s)
        s.append(contentsOf: PDFSyntax.text(language).utf8)
      }
      if let alt = e.alt {
        append(" /Alt ", to: &s)
        s.append(contentsOf: PDFSyntax.text(alt).utf8)
      }
      if e.name == "TH" { append(" /A <</O /Table /Scope /Column>>", to: &s) }
      append(">>", to: &s)
      writer.object(numbers[i], bytes: s)
    }
    // The parent tree: each page's marked content by MCID, then each link annotation.
    var nums: [UInt8] = []
    var entries = 0
    for (page, content) in tree.pageContent.enumerated() where page < pages.count {
      if entries > 0 { nums.append(0x0A) }
      PDFSyntax.appendInteger(page, to: &nums)
      append(" [", to: &nums)
      for (k, element) in content.enumerated() {
        if k > 0 { nums.append(0x20) }
        let r = tree.resolved(element)
        if numbers[r] != 0 { reference(numbers[r], to: &nums) } else { append("null", to: &nums) }
      }
      append("]", to: &nums)
      entries += 1
    }
    for (k, a) in annotations.enumerated() {
      if entries > 0 { nums.append(0x0A) }
      PDFSyntax.appendInteger(pages.count + k, to: &nums)
      nums.append(0x20)
      let r = tree.resolved(a.element)
      if numbers[r] != 0 { reference(numbers[r], to: &nums) } else { append("null", to: &nums) }
      entries += 1
    }
    writer.object(parentTree, bytes: Array("<</Nums [".utf8) + nums + Array("]>>".utf8))
    writer.object(
      treeRoot,
      "<</Type /StructTreeRoot /K [" + roots.map { "\(numbers[$0]) 0 R" }.joined(separator: " ") + "] /ParentTree \(parentTree) 0 R /ParentTreeNextKey \(pages.count + annotations.count)>>")
    return treeRoot
  }

  // MARK: - Links, destinations, bookmarks, labels

  private func writeAnnotations(_ descriptions: [String]) {
    // Built as bytes, numbers written in place (as strings, a link's quadrilaterals were eight
    // interpolated numbers a line).
    var s: [UInt8] = []
    func append(_ text: StaticString) { text.withUTF8Buffer { s.append(contentsOf: $0) } }
    func numbers(_ values: Double...) {
      for (k, v) in values.enumerated() {
        if k > 0 { s.append(0x20) }
        PDFSyntax.appendNumber(v, to: &s)
      }
    }
    for (k, a) in annotations.enumerated() {
      let h = pageHeights[min(a.page, pageHeights.count - 1)]
      let x0 = a.rects.map(\.x).min() ?? 0, x1 = a.rects.map(\.maxX).max() ?? 0
      let top = a.rects.map(\.y).min() ?? 0, bottom = a.rects.map(\.maxY).max() ?? 0
      s.removeAll(keepingCapacity: true)
      append("<</Type /Annot /Subtype /Link /Rect [")
      numbers(x0, h - bottom, x1, h - top)
      // Each line of the link its own quadrilateral (readers highlight those, not the union).
      append("] /QuadPoints [")
      for (j, r) in a.rects.enumerated() {
        if j > 0 { s.append(0x20) }
        numbers(r.x, h - r.y, r.maxX, h - r.y, r.x, h - r.maxY, r.maxX, h - r.maxY)
      }
      append("] /Border [0 0 0] /F 4 /P ")
      PDFSyntax.appendInteger(pages[min(a.page, pages.count - 1)], to: &s)
      append(" 0 R /StructParent ")
      PDFSyntax.appendInteger(pages.count + k, to: &s)
      if k < descriptions.count, !descriptions[k].isEmpty {
        append(" /Contents ")
        s.append(contentsOf: PDFSyntax.text(descriptions[k]).utf8)
      }
      if let uri = a.uri {
        append(" /A <</S /URI /URI ")
        s.append(contentsOf: PDFSyntax.literal(uri.utf8).utf8)
        append(">>")
      } else if let name = a.destination {
        append(" /Dest ")
        s.append(contentsOf: PDFSyntax.literal(name.utf8).utf8)
      }
      append(">>")
      writer.object(a.number, bytes: s)
    }
  }

  private func writeDestinations() -> Int? {
    guard !destinations.isEmpty else { return nil }
    let sorted = destinations.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
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
