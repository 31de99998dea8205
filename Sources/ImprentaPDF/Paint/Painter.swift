import ImprentaModel
/// Walks laid-out pages onto a Cairo context: the paint stage. Text and images open the
/// structure elements they belong to (under one `Document` element, which PDF readers need to
/// call the file tagged); anchors become named destinations, link areas become links, and
/// headings become bookmarks. Decorations (rules, backgrounds, leaders) are painted first on each
/// page, all under one artifact marker; untagged text and images (running heads, repeated table
/// headers, decorative images) are artifacts too (`ArtifactTag`, made real by the post-processor).
struct Painter {
  let layout: PageLayout
  /// Paragraphs shaped again ahead of the painting on the other core, when the layout freed them.
  var shaping: PaintShaping? = nil

  /// Paints page `index` (without ending it); returns the descriptions of its links.
  @discardableResult
  func paint(page index: Int, into ctx: some PaintSurface) -> [String] {
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
        let log = ctx.structure
        if t.id > 0 {
          if let first = log.firstElement[t.id] {
            log.continuations.append((log.names.count, first))
          } else {
            log.firstElement[t.id] = log.names.count
            if let language = layout.idLanguages[t.id] { log.languages[log.names.count] = language }
          }
        }
        ctx.beginTag(t.name)
        open.append(t)
      }
    }
    let links = self.links(on: page)
    ctx.willPaint(links: links.map(\.rects))
    // Decorations under the text (they never cover it): one artifact, before any element opens.
    var decorated = false
    for item in page.items {
      switch item.kind {
      case .rule(let x0, let y0, let x1, let y1, let w, let c):
        if !decorated { ctx.beginTag(ArtifactTag.layout.rawValue) }
        decorated = true
        ctx.line(x0: x0, y0: y0, x1: x1, y1: y1, width: w, color: c)
      case .box(let r, let fill, let stroke, _):
        if !decorated { ctx.beginTag(ArtifactTag.layout.rawValue) }
        decorated = true
        if !fill.isNone { ctx.fill(r, fill) }
        if !stroke.isNone { ctx.stroke(r, stroke, width: 0.6) }
      case .leader(let x0, let x1, let b, let c):
        if !decorated { ctx.beginTag(ArtifactTag.layout.rawValue) }
        decorated = true
        ctx.dots(x0: x0, x1: x1, y: b - 1, color: c)
      case .text, .image, .qrCode, .link, .anchor:
        break
      }
    }
    if decorated { ctx.endTag(ArtifactTag.layout.rawValue) }
    let artifact = [StructureTag(name: ArtifactTag.layout.rawValue, id: -2)]
    for item in page.items {
      switch item.kind {
      case .text(let t):
        enter(item.tags.isEmpty ? artifact : item.tags)
        shaping?.prepare(t.block)
        ctx.text(t.block, line: t.index, x: t.x, baseline: t.baseline)
      case .image(let r, let image):
        enter(item.tags.isEmpty ? artifact : item.tags)
        ctx.image(image, in: r)
      case .rule, .box, .leader:
        break
      case .qrCode(let r, let q):
        enter(item.tags.isEmpty ? artifact : item.tags)
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
    for item in page.items {
      if case .anchor(let name, let y, _) = item.kind { ctx.destination(name, y: y) }
    }
    var descriptions: [String] = []
    for link in links {
      if self.link(link.rects, to: link.target, into: ctx, on: page) { descriptions.append(link.description) }
    }
    return descriptions
  }

  /// A link of a page: where it goes (an anchor of this PDF or a URI), what it says, its areas.
  struct PageLink {
    enum Target {
      case anchor(String)
      case uri(String)
    }
    var target: Target
    var description: String
    var rects: [Rect]
  }

  /// The links of `page` that become link annotations, each with the areas of its lines on the
  /// page (consecutive areas to one destination are one link): to an anchor of this PDF (another
  /// document's heading when it is in this PDF), or to a URI `URLPolicy` allows. Others get none.
  func links(on page: LaidPage) -> [PageLink] {
    var pending: (destination: String, element: Int?, description: String, rects: [Rect])? = nil
    var result: [PageLink] = []
    func flush() {
      guard let p = pending, !p.rects.isEmpty else { return }
      let destination = p.destination
      if destination.hasPrefix("#") {
        let name = URLPolicy.anchorID(fragment: destination.dropFirst())
        if layout.anchorPages[name] != nil { result.append(PageLink(target: .anchor(name), description: p.description, rects: p.rects)) }
      } else if let target = Link(destination: destination, content: []).internalTarget {
        if !target.anchor.isEmpty, layout.anchorPages[target.anchor] != nil {
          result.append(PageLink(target: .anchor(target.anchor), description: p.description, rects: p.rects))
        }
      } else if case .remote = URLPolicy.classify(destination) {
        // Layout refused (with a warning) what the policy refuses; this is the last gate.
        result.append(PageLink(target: .uri(destination), description: p.description, rects: p.rects))
      }
    }
    for item in page.items {
      guard case .link(let r, let destination) = item.kind else { continue }
      // Areas to one destination in one element (a link over a line break) are one link; the
      // same URL linked again in the next paragraph or list item is another.
      let element = item.tags.last?.id
      if pending?.destination == destination, pending?.element == element {
        pending?.rects.append(r)
      } else {
        flush()
        // What the link's text says; a link with none (an image's) says where it goes.
        let text = item.tags.first?.alt ?? ""
        pending = (destination, element, text.isEmpty ? String(destination.drop { $0 == "#" }) : text, [r])
      }
    }
    flush()
    return result
  }

  /// The link annotation over `rects`, in the structure element of the text under its first area.
  private func link(_ rects: [Rect], to target: PageLink.Target, into ctx: some PaintSurface, on page: LaidPage) -> Bool {
    // The element of the text under the link's first area, for the link element to go into.
    let index = ctx.structure.names.count
    var parent: Int? = nil
    if let area = rects.first {
      for item in page.items {
        guard case .text(let t) = item.kind, let tag = item.tags.last, tag.id > 0, let element = ctx.structure.firstElement[tag.id] else { continue }
        if t.baseline >= area.y, t.baseline <= area.maxY, t.x < area.maxX, t.x + t.width > area.x {
          parent = element
          break
        }
      }
    }
    defer {
      if let parent, ctx.structure.names.count > index { ctx.structure.linkParents.append((index, parent)) }
    }
    switch target {
    case .anchor(let name): ctx.link(rects, toAnchor: name)
    case .uri(let uri): ctx.link(rects, uri: uri)
    }
    return true
  }

  /// Bookmarks mirroring the headings, nested by level.
  func addOutline(_ ctx: some PaintSurface) {
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
