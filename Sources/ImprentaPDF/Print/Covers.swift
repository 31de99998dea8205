import ImprentaModel
import ImprentaStyle

/// The covers of a printed publication, as finished pages in trim coordinates: the front cover
/// (a background and the cover image run into the bleed, title, subtitle, date and the
/// organisation line), an optional inside cover and the back cover. Covers take no running
/// header or page number: they are pages of their own, set apart from the body's pagination.
struct CoverPages {
  var front: [LaidPage] = []
  var back: [LaidPage] = []
}

extension PDFLayouter {
  /// The covers the style asks for.
  mutating func layoutCovers(bleed: Double) -> CoverPages {
    var covers = CoverPages()
    let c = style.cover
    if c.front {
      covers.front.append(frontCover(bleed: bleed))
      if !c.inside.isEmpty { covers.front.append(insideCover()) }
    }
    if c.back {
      if !c.inside.isEmpty { covers.back.append(LaidPage(width: geometry.width, height: geometry.height)) }
      covers.back.append(backCover(bleed: bleed))
    }
    return covers
  }

  /// A full-bleed rectangle of the page.
  func bleedRect(_ bleed: Double) -> Rect {
    Rect(x: -bleed, y: -bleed, width: geometry.width + 2 * bleed, height: geometry.height + 2 * bleed)
  }

  /// Lines of `text` set at `width` from the top-left corner (x, y); returns the y below them.
  mutating func coverText(_ text: String, font: FontSpec, x: Double, y: Double, width: Double, align: TextAlignment = .left, tag: String, into items: inout [PageItem]) -> Double {
    guard !text.isEmpty else { return y }
    var t = AttributedText()
    t.append(text)
    let tagged = [StructureTag(name: tag, id: nextID())]
    var top = y
    // A cover of a right-to-left book starts its lines on the right (covers are not mirrored as emitted slices are).
    let start: TextAlignment = direction == .rtl && align == .left ? .right : align
    for slice in lineSlices(t, format: ParagraphFormat(font: font, width: width, align: start, lineHeight: 1.2), x: x, tags: tagged) {
      items.append(contentsOf: slice.items.map { $0.offsetBy(dx: 0, dy: top) })
      top += slice.height
    }
    return top
  }

  mutating func frontCover(bleed: Double) -> LaidPage {
    let c = style.cover
    let g = geometry
    var page = LaidPage(width: g.width, height: g.height)
    page.items.append(PageItem(.box(bleedRect(bleed), fill: c.background, stroke: .none, group: 0)))
    let full = bleedRect(bleed)
    var textTop = g.marginTop * 1.5
    let source = document.metadata.cover.isEmpty ? c.image : document.metadata.cover
    if !source.isEmpty, let image = loadImage(source, range: .unknown) {
      // The image runs across the top into the bleed, at its own proportions, up to 60 % of the page.
      var w = full.width
      var h = w * image.naturalHeight / image.naturalWidth
      if h > g.height * 0.6 {
        h = g.height * 0.6 + bleed
        w = h * image.naturalWidth / image.naturalHeight
      }
      let r = Rect(x: full.x + (full.width - w) / 2, y: -bleed, width: w, height: h)
      // Decoration (an artifact): the cover's text says what the publication is.
      page.items.append(PageItem(.image(r, image)))
      textTop = r.maxY + g.marginTop * 0.8
    }
    let m = document.metadata
    let x = g.marginOuter
    let width = g.width - g.marginInner - g.marginOuter
    var title = font(style.title.font)
    title.color = c.color
    var y = coverText(m.title, font: title, x: x, y: textTop, width: width, tag: "H1", into: &page.items)
    var sub = font(style.title.subtitleFont)
    sub.color = c.color
    y = coverText(m.subtitle, font: sub, x: x, y: y + sub.size * 0.6, width: width, tag: "P", into: &page.items)
    var meta = sub
    meta.size = baseSize
    // Authors, each once, joined as the language joins them ("A, B y C").
    y = coverText(localization.list(m.authors), font: meta, x: x, y: y + meta.size * 1.5, width: width, tag: "P", into: &page.items)
    if let date = m.date { y = coverText(localization.format(date), font: meta, x: x, y: y + meta.size, width: width, tag: "P", into: &page.items) }
    if !c.organization.isEmpty {
      var org = meta
      org.weight = 700
      _ = coverText(c.organization, font: org, x: x, y: g.height - g.marginBottom - org.size * 1.2, width: width, tag: "P", into: &page.items)
    }
    return page
  }

  mutating func insideCover() -> LaidPage {
    let g = geometry
    var page = LaidPage(width: g.width, height: g.height)
    var f = bodyFont()
    f.size = baseSize * 0.85
    f.color = Color(hex: 0x555555)
    let width = g.width - g.marginInner - g.marginOuter
    // Set at the foot of the page, as a colophon: measure first, then place.
    var probe: [PageItem] = []
    let paragraphs = style.cover.inside.split(separator: "\n").map(String.init)
    var height = 0.0
    for p in paragraphs { height = coverText(p, font: f, x: 0, y: height, width: width, tag: "P", into: &probe) + f.size * 0.5 }
    var y = g.height - g.marginBottom - height
    for p in paragraphs { y = coverText(p, font: f, x: g.marginOuter, y: y, width: width, tag: "P", into: &page.items) + f.size * 0.5 }
    return page
  }

  mutating func backCover(bleed: Double) -> LaidPage {
    let c = style.cover
    let g = geometry
    var page = LaidPage(width: g.width, height: g.height)
    page.items.append(PageItem(.box(bleedRect(bleed), fill: c.background, stroke: .none, group: 0)))
    let width = g.width - g.marginInner - g.marginOuter
    var y = g.height * 0.4
    if !c.backImage.isEmpty, let image = loadImage(c.backImage, range: .unknown) {
      let scale = min(1, width * 0.5 / image.naturalWidth, g.height * 0.25 / image.naturalHeight)
      let w = image.naturalWidth * scale, h = image.naturalHeight * scale
      let r = Rect(x: (g.width - w) / 2, y: y - h - baseSize, width: w, height: h)
      page.items.append(PageItem(.image(r, image)))  // the organisation's logo beside its name: decoration
    }
    var f = bodyFont()
    f.color = c.color
    for p in c.backText.split(separator: "\n").map(String.init) {
      y = coverText(p, font: f, x: g.marginOuter, y: y, width: width, align: .center, tag: "P", into: &page.items) + f.size * 0.5
    }
    if !c.organization.isEmpty {
      f.weight = 700
      _ = coverText(c.organization, font: f, x: g.marginOuter, y: g.height - g.marginBottom - f.size * 1.2, width: width, align: .center, tag: "P", into: &page.items)
    }
    return page
  }
}
