import ImprentaStyle

/// Printer's marks drawn in the band outside the bleed: crop marks at the trim's corners (they
/// start past the bleed so they never print on the page), registration targets at the middle of
/// each side, and, on imposed sheets, fold marks where the sheet is folded.
enum PrinterMarks {
  /// Draws the marks for a trimmed area `width` × `height` placed at `geometry.offset`;
  /// `folds` are x positions (from the trim's left) of fold lines.
  static func paint(into ctx: some PaintSurface, width: Double, height: Double, geometry g: PrintGeometry, folds: [Double] = []) {
    guard g.markArea > 0 else { return }
    // Printer's marks are page artifacts (ISO 32000-1 §14.8.2.2), never read.
    ctx.beginTag(ArtifactTag.page.rawValue)
    defer { ctx.endTag(ArtifactTag.page.rawValue) }
    let o = g.offset
    let gap = g.bleed + 2
    let length = max(4, g.markArea - 3)
    let ink = Color(hex: 0x000000)
    let w = 0.3
    if g.cropMarks {
      for x in [o, o + width] {
        for y in [o, o + height] {
          let sx: Double = x == o ? -1 : 1
          let sy: Double = y == o ? -1 : 1
          ctx.line(x0: x + sx * gap, y0: y, x1: x + sx * (gap + length), y1: y, width: w, color: ink)
          ctx.line(x0: x, y0: y + sy * gap, x1: x, y1: y + sy * (gap + length), width: w, color: ink)
        }
      }
      for f in folds {
        let x = o + f
        ctx.dash(x0: x, y0: o - gap, x1: x, y1: o - gap - length, width: w, color: ink)
        ctx.dash(x0: x, y0: o + height + gap, x1: x, y1: o + height + gap + length, width: w, color: ink)
      }
    }
    if g.registrationMarks {
      let r = min(g.markArea * 0.3, 5)
      let mid = o - g.bleed - g.markArea / 2
      let centres = [
        (o + width / 2, mid), (o + width / 2, o + height + g.bleed + g.markArea / 2),
        (mid, o + height / 2), (o + width + g.bleed + g.markArea / 2, o + height / 2),
      ]
      for (cx, cy) in centres {
        ctx.circle(x: cx, y: cy, radius: r * 0.6, width: w, color: ink)
        ctx.line(x0: cx - r, y0: cy, x1: cx + r, y1: cy, width: w, color: ink)
        ctx.line(x0: cx, y0: cy - r, x1: cx, y1: cy + r, width: w, color: ink)
      }
    }
  }
}
