import ImprentaModel
/// Walks laid-out pages onto a Cairo context: the paint stage. Text and images open the
/// structure elements they belong to (under one `Document` element, which PDF readers need to
/// call the file tagged); anchors become named destinations, link areas become links, and
/// headings become bookmarks.
struct Painter {
  let layout: PageLayout

  /// Paints every page.
  func paint(into ctx: CairoContext) {
    if let first = layout.pages.first { ctx.setPageSize(width: first.width, height: first.height) }
    ctx.beginTag("Document")
    for (n, page) in layout.pages.enumerated() {
      paint(page: n, into: ctx)
      if n < layout.pages.count - 1 { ctx.showPage() }
    }
    ctx.endTag("Document")
    ctx.showPage()
    addOutline(ctx)
  }

  /// Paints page `index` (without ending it).
  func paint(page index: Int, into ctx: CairoContext) {
    let page = layout.pages[index]
    // Cairo 1.16 breaks the structure tree when the size is set while a tag is open: only
    // set it when it changes (all pages of a document share one size).
    if index > 0, layout.pages[index - 1].width != page.width || layout.pages[index - 1].height != page.height {
      ctx.setPageSize(width: page.width, height: page.height)
    }
    var open: [StructureTag] = []
    func enter(_ tags: [StructureTag]) {
      var common = 0
      while common < open.count, common < tags.count, open[common].id == tags[common].id { common += 1 }
      while open.count > common { ctx.endTag(open.removeLast().name) }
      for t in tags[common...] {
        ctx.beginTag(t.name)
        open.append(t)
      }
    }
    for item in page.items {
      switch item.kind {
      case .text(let t):
        enter(item.tags)
        ctx.text(t.block, line: t.index, x: t.x, baseline: t.baseline)
      case .image(let r, let image):
        enter(item.tags)
        ctx.image(image, in: r)
      case .rule(let x0, let y0, let x1, let y1, let w, let c):
        ctx.line(x0: x0, y0: y0, x1: x1, y1: y1, width: w, color: c)
      case .box(let r, let fill, let stroke, _):
        if !fill.isNone { ctx.fill(r, fill) }
        if !stroke.isNone { ctx.stroke(r, stroke, width: 0.6) }
      case .leader(let x0, let x1, let b, let c):
        ctx.dots(x0: x0, x1: x1, y: b - 1, color: c)
      case .qrCode(let r, let q):
        enter(item.tags)
        let m = r.width / Double(q.size)
        for row in 0..<q.size {
          for col in 0..<q.size where q[row, col] {
            ctx.fill(Rect(x: r.x + Double(col) * m, y: r.y + Double(row) * m, width: m + 0.02, height: m + 0.02), .black)
          }
        }
      case .link, .anchor:
        break
      }
    }
    enter([])
    // The areas of one link (its lines on this page) become one link annotation.
    var pending: (destination: String, rects: [Rect])? = nil
    for item in page.items {
      switch item.kind {
      case .anchor(let name, let y, _):
        ctx.destination(name, y: y)
      case .link(let r, let destination):
        if pending?.destination == destination {
          pending?.rects.append(r)
        } else {
          if let p = pending { link(p.rects, to: p.destination, into: ctx) }
          pending = (destination, [r])
        }
      case .text, .image, .rule, .box, .leader, .qrCode:
        break
      }
    }
    if let p = pending { link(p.rects, to: p.destination, into: ctx) }
  }

  /// A link over `rects` to an anchor of this PDF or to a URI `URLPolicy` allows.
  private func link(_ rects: [Rect], to destination: String, into ctx: CairoContext) {
    if destination.hasPrefix("#") {
      let name = String(destination.dropFirst())
      if layout.anchorPages[name] != nil { ctx.link(rects, toAnchor: name) }
    } else if let target = Link(destination: destination, content: []).internalTarget {
      // Another document of the export: its heading when it is in this PDF, else no link.
      if !target.anchor.isEmpty, layout.anchorPages[target.anchor] != nil { ctx.link(rects, toAnchor: target.anchor) }
    } else if case .remote = URLPolicy.classify(destination) {
      // Layout refused (with a warning) what the policy refuses; this is the last gate.
      ctx.link(rects, uri: destination)
    }
  }

  /// Bookmarks mirroring the headings, nested by level.
  func addOutline(_ ctx: CairoContext) {
    var parents: [(level: Int, id: Int32)] = []
    for page in layout.pages {
      for item in page.items {
        guard case .anchor(let name, _, let entry?) = item.kind else { continue }
        while let last = parents.last, last.level >= entry.level { parents.removeLast() }
        let id = ctx.addOutline(parent: parents.last?.id ?? 0, title: entry.title, anchor: name)
        parents.append((entry.level, id))
      }
    }
  }
}
