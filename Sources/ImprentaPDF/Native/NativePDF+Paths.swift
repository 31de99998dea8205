import ImprentaStyle

/// Paths and colours on a page of a natively written PDF: rectangles, rules, leader dots,
/// printer's marks, fill and stroke colours, and opacity through graphics states (one per
/// opacity, shared by the pages). Everything drawn opens the marked content of the tag it is in.
extension NativePDF {
  fileprivate func colorComponents(_ c: Color, op: String) {
    number(c.red)
    number(c.green)
    number(c.blue)
    append(op + "\n")
  }

  /// Sets the fill colour (and its opacity through a graphics state).
  func setFill(_ c: Color) {
    setAlpha(c.alpha)
    guard fillColor != c else { return }
    fillColor = c
    colorComponents(c, op: "rg")
  }

  func setStrokeColor(_ c: Color) { setStroke(c) }

  fileprivate func setStroke(_ c: Color) {
    setAlpha(c.alpha)
    guard strokeColor != c else { return }
    strokeColor = c
    colorComponents(c, op: "RG")
  }

  /// Sets the opacity of what is painted next (fill and stroke alike) through a graphics state,
  /// when it changes: images and forms are painted opaque (`setAlpha(1)`).
  func setAlpha(_ alpha: Double) {
    let key = Int((min(max(alpha, 0), 1) * 1000).rounded())
    guard key != currentAlpha else { return }
    currentAlpha = key
    let state: (number: Int, name: String)
    if let known = alphaStates[key] {
      state = known
    } else {
      state = (writer.reserve(), "A\(key)")
      writer.object(state.number, "<</Type /ExtGState /ca \(PDFSyntax.number(Double(key) / 1000)) /CA \(PDFSyntax.number(Double(key) / 1000))>>")
      alphaStates[key] = state
    }
    pageStates[state.name] = state.number
    append("/\(state.name) gs\n")
  }

  func fill(_ r: Rect, _ c: Color) {
    ensureMarked()
    setFill(c)
    rect(r)
    append("f\n")
  }

  fileprivate func rect(_ r: Rect) {
    number(r.x)
    number(r.y)
    number(r.width)
    number(r.height)
    append("re ")
  }

  func stroke(_ r: Rect, _ c: Color, width: Double) {
    ensureMarked()
    setStroke(c)
    number(width)
    append("w ")
    rect(r)
    append("S\n")
  }

  func line(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color) {
    ensureMarked()
    setStroke(color)
    number(width)
    append("w ")
    number(x0)
    number(y0)
    append("m ")
    number(x1)
    number(y1)
    append("l S\n")
  }

  /// A circle path of radius `r` around (`x`, `y`) from four Bézier quarters.
  fileprivate func circlePath(x: Double, y: Double, r: Double) {
    let k = 0.5523 * r
    number(x + r)
    number(y)
    append("m ")
    for (a, b, c, d, e, f) in [
      (x + r, y + k, x + k, y + r, x, y + r), (x - k, y + r, x - r, y + k, x - r, y),
      (x - r, y - k, x - k, y - r, x, y - r), (x + k, y - r, x + r, y - k, x + r, y),
    ] {
      for v in [a, b, c, d, e, f] { number(v) }
      append("c ")
    }
    append("h ")
  }

  func dots(x0: Double, x1: Double, y: Double, color: Color) {
    ensureMarked()
    setFill(color)
    var x = (x0 / 4).rounded(.up) * 4
    while x <= x1 {
      circlePath(x: x, y: y, r: 0.45)
      x += 4
    }
    append("f\n")
  }

  func circle(x: Double, y: Double, radius: Double, width: Double, color: Color) {
    ensureMarked()
    setStroke(color)
    number(width)
    append("w ")
    circlePath(x: x, y: y, r: radius)
    append("S\n")
  }

  func dash(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color) {
    append("[2 2] 0 d\n")
    line(x0: x0, y0: y0, x1: x1, y1: y1, width: width, color: color)
    append("[] 0 d\n")
  }
}
