import ImprentaModel
import ImprentaStyle

/// A rectangle in points, y growing down from the page's top edge.
struct Rect: Hashable, Sendable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var maxX: Double { x + width }
  var maxY: Double { y + height }

  func offsetBy(dx: Double, dy: Double) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }

  func union(_ o: Rect) -> Rect {
    let x0 = min(x, o.x), y0 = min(y, o.y)
    return Rect(x: x0, y: y0, width: max(maxX, o.maxX) - x0, height: max(maxY, o.maxY) - y0)
  }
}

/// A structure tag of the tagged PDF (`P`, `H2`, `TD`, …); items sharing an `id` are one element.
struct StructureTag: Hashable {
  var name: String
  /// The layout element this is (0: none); a link area's tag holds the element its text is in.
  var id: Int
  /// Alternative text of figures.
  var alt: String = ""
}

/// One positioned thing on a page. Coordinates are points from the page's top-left corner
/// (inside a `Slice` they are relative to the text area and the slice's top).
struct PageItem {
  enum Kind {
    /// One line of a shaped text block, its layout origin at `x` and its baseline at `baseline`.
    case text(TextLine)
    /// A straight line.
    case rule(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color)
    /// A filled (and optionally stroked) rectangle; boxes with the same `group` on a page are merged.
    case box(Rect, fill: Color, stroke: Color, group: Int)
    /// An image scaled into a rectangle.
    case image(Rect, LoadedImage)
    /// A link area to a URI or to an anchor of this document (`#id`).
    case link(Rect, destination: String)
    /// A named destination (heading ids, footnotes) with its outline entry, if any.
    case anchor(name: String, y: Double, outline: OutlineEntry?)
    /// Dots from `x0` to `x1` on a baseline (table of contents leaders).
    case leader(x0: Double, x1: Double, baseline: Double, color: Color)
    /// A QR code drawn as vector squares in a square.
    case qrCode(Rect, QRCode)
  }
  var kind: Kind
  /// The structure elements this item belongs to, outermost first (empty for decorations).
  var tags: [StructureTag]

  init(_ kind: Kind, tags: [StructureTag] = []) {
    self.kind = kind
    self.tags = tags
  }

  /// The same item moved by (dx, dy).
  func offsetBy(dx: Double, dy: Double) -> PageItem {
    var m = self
    switch kind {
    case .text(var t):
      t.x += dx
      t.baseline += dy
      m.kind = .text(t)
    case .rule(let x0, let y0, let x1, let y1, let w, let c): m.kind = .rule(x0: x0 + dx, y0: y0 + dy, x1: x1 + dx, y1: y1 + dy, width: w, color: c)
    case .box(let r, let f, let s, let g): m.kind = .box(r.offsetBy(dx: dx, dy: dy), fill: f, stroke: s, group: g)
    case .image(let r, let i): m.kind = .image(r.offsetBy(dx: dx, dy: dy), i)
    case .link(let r, let d): m.kind = .link(r.offsetBy(dx: dx, dy: dy), destination: d)
    case .anchor(let n, let y, let o): m.kind = .anchor(name: n, y: y + dy, outline: o)
    case .leader(let x0, let x1, let b, let c): m.kind = .leader(x0: x0 + dx, x1: x1 + dx, baseline: b + dy, color: c)
    case .qrCode(let r, let q): m.kind = .qrCode(r.offsetBy(dx: dx, dy: dy), q)
    }
    return m
  }

  /// The same item reflected across a frame `width` wide (x becomes `width - x`), for right-to-left
  /// documents: each item keeps its size, so a text line is moved as the box it fills (its shaped
  /// glyphs are not turned round), a rule or box swaps its edges.
  func mirrored(in width: Double) -> PageItem {
    var m = self
    func flip(_ r: Rect) -> Rect { Rect(x: width - r.maxX, y: r.y, width: r.width, height: r.height) }
    switch kind {
    case .text(var t):
      t.x = width - t.x - t.width
      m.kind = .text(t)
    case .rule(let x0, let y0, let x1, let y1, let w, let c): m.kind = .rule(x0: width - x0, y0: y0, x1: width - x1, y1: y1, width: w, color: c)
    case .box(let r, let f, let s, let g): m.kind = .box(flip(r), fill: f, stroke: s, group: g)
    case .image(let r, let i): m.kind = .image(flip(r), i)
    case .link(let r, let d): m.kind = .link(flip(r), destination: d)
    case .anchor: break
    case .leader(let x0, let x1, let b, let c): m.kind = .leader(x0: width - x1, x1: width - x0, baseline: b, color: c)
    case .qrCode(let r, let q): m.kind = .qrCode(flip(r), q)
    }
    return m
  }
}

/// A bookmark of the PDF outline.
struct OutlineEntry: Hashable {
  var level: Int
  var title: String
}

/// One line of a `TextBlock`, placed.
struct TextLine {
  /// The shaped paragraph the line belongs to.
  var block: TextBlock
  /// The line's index in the block.
  var index: Int
  /// The x of the line's start (alignment and indent included).
  var x: Double
  /// The y of the baseline.
  var baseline: Double

  /// The line's advance width.
  var width: Double { index < block.lines.count ? block.lines[index].width : 0 }

  /// The line's text as a reader sees it: soft hyphens dropped, a line-final one shown as `-`.
  var text: String { block.lineText(index) }
}

/// One page of positioned items.
struct LaidPage {
  var width: Double
  var height: Double
  var items: [PageItem] = []
}

/// The laid-out pages of a document: what painting draws, and what golden tests read.
struct PageLayout {
  var pages: [LaidPage] = []
  /// The page index (0-based) of every anchor.
  var anchorPages: [String: Int] = [:]
  /// The language of structure elements (by layout id) in another language than the document.
  var idLanguages: [Int: String] = [:]
  /// Where the text of each page (by index) begins in the document: the first strip placed on it.
  /// Pages holding no strip (a blank page, footnotes carried over) have none.
  var pageStarts: [Int: FlowPosition] = [:]
  /// Pages left blank so that a chapter opens on a right-hand page.
  var blankPages: Set<Int> = []
  /// Pages before the body of a book (title page, contents, introduction), numbered in roman.
  var frontMatterPages = 0
  /// Where each drawn image came from (reference and source range), for preflight.
  var imageSources: [ObjectIdentifier: (reference: String, range: SourceRange, file: String)] = [:]

  /// The file of a merged book's chapter on page `index` (0-based): the last part whose title
  /// anchor is on that page or before; `document.sourcePath` for a single page.
  func sourcePath(onPage index: Int, of document: Document) -> String {
    var path = document.sourcePath
    for part in document.parts {
      guard let page = anchorPages[part.anchor] else { continue }
      if page <= index { path = part.path } else { break }
    }
    return path
  }

  /// The alt text of every figure element, in the order the painter opens them.
  var figureAlts: [String] {
    var seen: Set<Int> = []
    var alts: [String] = []
    for page in pages {
      for item in page.items {
        switch item.kind {
        case .text, .image:
          for tag in item.tags where tag.name == "Figure" && seen.insert(tag.id).inserted { alts.append(tag.alt) }
        case .rule, .box, .link, .anchor, .leader, .qrCode: break
        }
      }
    }
    return alts
  }

  /// A readable dump: per page, each item with coordinates rounded to 0.1 pt and its text.
  func dump() -> String {
    var out = ""
    func f(_ v: Double) -> String {
      let r = (v * 10).rounded() / 10
      return r == r.rounded() ? String(Int(r)) : String(r)
    }
    for (n, page) in pages.enumerated() {
      out += "page \(n + 1) \(f(page.width))x\(f(page.height))\n"
      for item in page.items {
        let tag = item.tags.isEmpty ? "" : " <" + item.tags.map(\.name).joined(separator: "/") + ">"
        switch item.kind {
        case .text(let t):
          out += "  text \(f(t.x)),\(f(t.baseline))\(tag) \(t.text)\n"
        case .rule(let x0, let y0, let x1, let y1, let w, _):
          out += "  rule \(f(x0)),\(f(y0)) \(f(x1)),\(f(y1)) w\(f(w))\n"
        case .box(let r, let fill, let stroke, _):
          out += "  box \(f(r.x)),\(f(r.y)) \(f(r.width))x\(f(r.height)) fill \(fill)\(stroke.isNone ? "" : " stroke \(stroke)")\n"
        case .image(let r, let img):
          out += "  image \(f(r.x)),\(f(r.y)) \(f(r.width))x\(f(r.height))\(tag) \(img.kindName) \(img.pixelWidth)x\(img.pixelHeight)\n"
        case .link(let r, let d):
          out += "  link \(f(r.x)),\(f(r.y)) \(f(r.width))x\(f(r.height)) -> \(d)\n"
        case .anchor(let name, let y, let o):
          out += "  anchor \(name) y\(f(y))\(o.map { " outline \($0.level) \($0.title)" } ?? "")\n"
        case .leader(let x0, let x1, let b, _):
          out += "  leader \(f(x0))-\(f(x1)),\(f(b))\n"
        case .qrCode(let r, let q):
          out += "  qr \(f(r.x)),\(f(r.y)) \(f(r.width))x\(f(r.height))\(tag) \(q.size) modules\n"
        }
      }
    }
    return out
  }
}
