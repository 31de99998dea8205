import ImprentaStyle

/// Where the finished (trimmed) page sits on the printed sheet: the bleed around it and the band
/// for printer's marks around that. Layout works in trim coordinates (the trimmed page's top-left
/// corner is 0,0; full-bleed items reach -bleed); painting moves everything by `offset`.
struct PrintGeometry: Hashable {
  /// Bleed in points.
  var bleed: Double
  /// The band outside the bleed that holds marks, in points (0 when no marks are drawn).
  var markArea: Double
  var cropMarks: Bool
  var registrationMarks: Bool
  /// Items closer than this to the trim are reported by preflight.
  var safetyMargin: Double

  init(style: Style) {
    let p = style.print
    let em = style.base.font.size.points(em: 12)
    bleed = p.bleed.points(em: em)
    cropMarks = p.cropMarks
    registrationMarks = p.registrationMarks
    markArea = (p.cropMarks || p.registrationMarks) ? p.markArea.points(em: em) : 0
    safetyMargin = p.safetyMargin.points(em: em)
  }

  /// Whether the sheet is the trimmed page alone.
  var isPlain: Bool { bleed == 0 && markArea == 0 }

  /// The distance from the sheet's edge to the trim.
  var offset: Double { bleed + markArea }

  /// The sheet (media box) size for a trimmed size.
  func media(width: Double, height: Double) -> (width: Double, height: Double) {
    (width + 2 * offset, height + 2 * offset)
  }

  /// The page boxes of a sheet holding a trimmed area of `width` × `height`, in PDF units
  /// (the boxes are symmetric, so y up or down gives the same numbers).
  func boxes(width: Double, height: Double) -> PageBoxes {
    let o = offset
    return PageBoxes(
      trim: [o, o, o + width, o + height],
      bleed: [o - bleed, o - bleed, o + width + bleed, o + height + bleed])
  }

  /// The pages moved onto their sheets: every item shifted by `offset`, sheets as large as the media.
  func place(_ layout: PageLayout) -> PageLayout {
    guard !isPlain else { return layout }
    var out = layout
    for i in out.pages.indices {
      let m = media(width: out.pages[i].width, height: out.pages[i].height)
      out.pages[i].items = out.pages[i].items.map { $0.offsetBy(dx: offset, dy: offset) }
      out.pages[i].width = m.width
      out.pages[i].height = m.height
    }
    return out
  }
}

/// `TrimBox` and `BleedBox` of every page, `[x0 y0 x1 y1]` in points.
struct PageBoxes: Hashable {
  var trim: [Double]
  var bleed: [Double]
}
