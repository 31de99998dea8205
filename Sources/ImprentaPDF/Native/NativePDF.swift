import CPangoCairo
import ImprentaModel
import ImprentaStyle

/// The PDF written by Imprenta itself: the painter's pages become content streams of the glyphs
/// the line breaker placed (fonts subset by HarfBuzz, `EmbeddedFonts`), images as XObjects, and
/// the structure tree, links, destinations, bookmarks, page labels and metadata PDF/UA-1 asks for
/// are written as the layout meant them (`NativeStructure`): no PDF is read back and rewritten.
///
/// Cairo and qpdf stay for what this writer does not do (`unsupported` says why): SVG images,
/// colour or CFF fonts, PDF/X colour conversion and imposed sheets.
final class NativePDF: PaintSurface {
  /// Pages' content streams (and every other compressed stream) are deflated on another core
  /// while the next pages are painted.
  let writer = PDFFileWriter()
  let fonts = EmbeddedFonts()
  let structure = StructureLog()
  var tree = NativeStructure()
  /// TrimBox and BleedBox of every page, when the style prints.
  var boxes: PageBoxes?

  struct Annotation {
    var number: Int
    var page: Int
    var rects: [Rect]
    var destination: String?
    var uri: String?
    var element: Int
  }

  let pagesNumber: Int
  private(set) var pages: [Int] = []
  private(set) var pageHeights: [Double] = []
  private var size: (width: Double, height: Double)
  private var content: [UInt8] = []
  private var pageFonts: [String: Int] = [:]
  /// The font last recorded in the page's resources (most text objects use the one before's).
  private var lastFont: EmbeddedFonts.Face?
  private var pageImages: [String: Int] = [:]
  var pageStates: [String: Int] = [:]
  private var pageAnnotations: [Int] = []
  private(set) var annotations: [Annotation] = []
  private(set) var labels: [Int: String] = [:]
  private(set) var destinations: [(name: String, page: Int, y: Double)] = []
  private var destinationNames: Set<String> = []
  private(set) var outline: [(parent: Int32, title: String, name: String)] = []
  /// Pictures written so far.
  private let pictures = NativeXObjects()
  var alphaStates: [Int: (number: Int, name: String)] = [:]
  /// The marked-content sequence open on the page: an element's MCID or an artifact's.
  private enum Marked: Equatable {
    case none
    case element(Int)
    case artifact(Int)
  }
  private var marked = Marked.none
  /// The link areas of the page (`willPaint(links:)`), the element made for each link whose text
  /// was painted, and how many links the painter has made on the page.
  private var pageLinks: [[Rect]] = []
  private var pageLinkElements: [Int: Int] = [:]
  private var linkCalls = 0
  /// The link element the text being painted belongs to, instead of the open tag's.
  private var linkOverride: Int?
  var fillColor: Color?
  /// The opacity in force on the page, in thousandths.
  var currentAlpha = 1000
  var strokeColor: Color?
  private var ownProblem: String?

  /// Why this document cannot be written natively (the first reason met), or nil.
  var unsupported: String? { ownProblem ?? fonts.unsupported }

  var pageIndex: Int { pages.count }

  init(width: Double, height: Double) {
    size = (width, height)
    pagesNumber = writer.reserve()
  }

  // MARK: - Pages

  func setPageSize(width: Double, height: Double) { size = (width, height) }

  func setPageLabel(_ label: String) { labels[pageIndex] = label }

  func showPage() {
    closeMarked()
    let number = writer.reserve()
    let contents = writer.reserve()
    var stream = Array("1 0 0 -1 0 \(PDFSyntax.number(size.height)) cm\n".utf8)
    stream += content
    writer.stream(contents, entries: "", data: stream)
    var resources = ""
    func dictionary(_ key: String, _ entries: [String: Int]) {
      guard !entries.isEmpty else { return }
      resources += " /\(key) <<" + entries.sorted { $0.key < $1.key }.map { " /\($0.key) \($0.value) 0 R" }.joined() + ">>"
    }
    dictionary("Font", pageFonts)
    dictionary("XObject", pageImages)
    dictionary("ExtGState", pageStates)
    let w = PDFSyntax.number(size.width), h = PDFSyntax.number(size.height)
    var page = "<</Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 \(w) \(h)] /Resources <<\(resources)>> /Contents \(contents) 0 R"
    page += " /StructParents \(pageIndex)"
    if let boxes {
      page += " /TrimBox [" + boxes.trim.map { PDFSyntax.number($0) }.joined(separator: " ") + "]"
      page += " /BleedBox [" + boxes.bleed.map { PDFSyntax.number($0) }.joined(separator: " ") + "]"
    }
    if !pageAnnotations.isEmpty {
      page += " /Annots [" + pageAnnotations.map { "\($0) 0 R" }.joined(separator: " ") + "] /Tabs /S"
    }
    writer.object(number, page + ">>")
    pages.append(number)
    pageHeights.append(size.height)
    content.removeAll(keepingCapacity: true)
    (pageFonts, pageImages, pageStates, pageAnnotations) = ([:], [:], [:], [])
    lastFont = nil
    (pageLinks, pageLinkElements, linkCalls, linkOverride) = ([], [:], 0, nil)
    fillColor = nil
    strokeColor = nil
    currentAlpha = 1000
  }

  // MARK: - Structure

  func beginTag(_ name: String) {
    closeMarked()
    linkOverride = nil
    structure.names.append(name)
    _ = tree.begin(name)
  }

  func endTag(_ name: String) {
    // An element that drew nothing (an empty table cell) still marks its place, as Cairo's do.
    if let current = tree.current, tree.elements[current].artifact == nil, tree.elements[current].kids.isEmpty, tree.open.count > 1 {
      linkOverride = nil
      ensureMarked()
    }
    closeMarked()
    linkOverride = nil
    tree.end()
  }

  /// Opens the marked-content sequence of the innermost open tag, if it is not open already.
  func ensureMarked() {
    guard let current = linkOverride ?? tree.current else { return closeMarked() }
    switch marked {
    case .element(current), .artifact(current): return
    default: break
    }
    closeMarked()
    if let kind = tree.elements[current].artifact {
      append(kind.marker + "\n")
      marked = .artifact(current)
    } else {
      let mcid = tree.mark(current, page: pageIndex)
      content.append(contentsOf: PDFSyntax.name(tree.elements[current].name).utf8)
      (" <</MCID " as StaticString).withUTF8Buffer { content.append(contentsOf: $0) }
      PDFSyntax.appendInteger(mcid, to: &content)
      (">> BDC\n" as StaticString).withUTF8Buffer { content.append(contentsOf: $0) }
      marked = .element(current)
    }
  }

  private func closeMarked() {
    guard marked != .none else { return }
    append("EMC\n")
    marked = .none
  }

  // MARK: - Links, destinations, bookmarks

  func link(_ rects: [Rect], toAnchor id: String) { addLink(rects, destination: PDFStrings.destinationName(id), uri: nil) }

  func link(_ rects: [Rect], uri: String) { addLink(rects, destination: nil, uri: PDFStrings.uri(uri)) }

  func willPaint(links: [[Rect]]) { pageLinks = links }

  /// The link whose area holds the point (x, `y` a baseline), by its place on the page.
  func link(atX x: Double, y: Double) -> Int? {
    guard !pageLinks.isEmpty else { return nil }
    return pageLinks.firstIndex { rects in rects.contains { x >= $0.x - 0.5 && x <= $0.maxX && y >= $0.y && y <= $0.maxY } }
  }

  /// Text painted from now on belongs to link `k` of the page (its element made when its text is
  /// first met, under the open element), or, for nil, to the open element.
  func enterLink(_ k: Int?) {
    guard let k else {
      linkOverride = nil
      return
    }
    if let element = pageLinkElements[k] {
      linkOverride = element
      return
    }
    closeMarked()
    structure.names.append("Link")
    let element = tree.link()
    pageLinkElements[k] = element
    linkOverride = element
  }

  private func addLink(_ rects: [Rect], destination: String?, uri: String?) {
    guard !rects.isEmpty else { return }
    closeMarked()
    let number = writer.reserve()
    let call = linkCalls
    linkCalls += 1
    let element: Int
    if let known = pageLinkElements[call] {
      // Its text is in it already: the annotation joins it.
      element = known
      tree.attach(annotation: number, page: pageIndex, to: element)
    } else {
      structure.names.append("Link")
      element = tree.link()
      tree.attach(annotation: number, page: pageIndex, to: element)
    }
    annotations.append(Annotation(number: number, page: pageIndex, rects: rects, destination: destination, uri: uri, element: element))
    pageAnnotations.append(number)
  }

  func destination(_ id: String, y: Double) {
    let name = PDFStrings.destinationName(id)
    guard destinationNames.insert(name).inserted else { return }
    destinations.append((name, pageIndex, max(0, y)))
  }

  func addOutline(parent: Int32, title: String, anchor id: String) -> Int32 {
    outline.append((parent, title, PDFStrings.destinationName(id)))
    return Int32(outline.count)
  }

  // MARK: - Drawing

  func append(_ s: String) { content.append(contentsOf: s.utf8) }

  func appendBytes(_ b: [UInt8]) { content.append(contentsOf: b) }

  func number(_ v: Double) {
    PDFSyntax.appendNumber(v, to: &content)
    content.append(0x20)
  }

  func text(_ block: TextBlock, line index: Int, x: Double, baseline: Double) {
    block.paint(line: index, x: x, baseline: baseline, color: block.format.font.color, with: NativeLinePainter(pdf: self))
    linkOverride = nil
    // Lines are painted in order: after the last one the shaped runs are no longer needed.
    if index == block.lines.count - 1 { block.release() }
  }

  func image(_ image: LoadedImage, in r: Rect) {
    switch image.content {
    case .svg(let svg):
      // Drawn by librsvg at its placed size, upright.
      guard let form = pictures.form(svg, width: r.width, height: r.height, writer: writer) else {
        if ownProblem == nil { ownProblem = "an SVG image whose PDF from Cairo could not be read back" }
        return
      }
      place(form, [1, 0, 0, -1, r.x, r.y + r.height])
    case .bitmap(let source):
      guard let bitmap = pictures.bitmap(source, writer: writer) else {
        if ownProblem == nil { ownProblem = "an image that could not be decoded" }
        return
      }
      place(bitmap, [r.width, 0, 0, -r.height, r.x, r.y + r.height])
    }
  }

  /// Paints `object` opaque through `matrix` (from its unit square, or a form's own space).
  private func place(_ object: NativeXObjects.XObject, _ matrix: [Double]) {
    ensureMarked()
    setAlpha(1)
    pageImages[object.name] = object.number
    append("q ")
    for v in matrix { number(v) }
    append("cm /\(object.name) Do Q\n")
  }

  /// Colour glyphs (PNG in the font) painted as images at their glyphs' places, `text` (UTF-8)
  /// as their `/ActualText`; a glyph without a picture is left out.
  func colorGlyphs(_ glyphs: [(glyph: UInt32, x: Double, y: Double)], face: EmbeddedFonts.Face, size: Double, text: UnsafeBufferPointer<UInt8>) {
    let drawn = glyphs.compactMap { g in pictures.colorGlyph(g.glyph, face: face, writer: writer).map { (g, $0) } }
    guard !drawn.isEmpty else { return }
    ensureMarked()
    let scale = size / face.upem
    if !text.isEmpty { append("/Span <</ActualText <FEFF" + PDFSyntax.utf16Hex(String(decoding: text, as: UTF8.self).unicodeScalars) + ">>> BDC\n") }
    for (g, picture) in drawn {
      // Extents are in font units, y up from the baseline.
      let e = picture.extents
      let left = g.x + Double(e.x_bearing) * scale, top = g.y - Double(e.y_bearing) * scale
      let w = Double(e.width) * scale, h = -Double(e.height) * scale
      place(picture.object, [w, 0, 0, -h, left, top + h])
    }
    if !text.isEmpty { append("EMC\n") }
  }

  /// Records the font resource of `face` on this page.
  func useFont(_ face: EmbeddedFonts.Face) {
    guard lastFont !== face else { return }
    lastFont = face
    pageFonts[face.resource] = face.number
  }
}
