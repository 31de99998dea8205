import CPangoCairo
import ImprentaStyle

/// A line's glyphs as PDF text: each segment one text object in its font (codes are glyph ids,
/// `EmbeddedFonts`), glyphs placed where the shaper put them (a `TJ` adjustment wherever the
/// advance differs from the font's width: justified spaces, kerning, letter-spacing). Each
/// cluster's text goes into the font's ToUnicode map the first time its glyph is seen alone; a
/// cluster whose glyphs say something else (a ligature seen before with other text, a mark
/// joined to its base, several glyphs for one character) carries its text as `/ActualText`.
struct NativeLinePainter: LinePainter {
  unowned let pdf: NativePDF

  func fill(_ r: Rect, _ color: Color) { pdf.fill(r, color) }

  func hyphen(_ s: LineSegment, x: Double, y: Double, color: Color) {
    guard s.glyphs.pointee.num_glyphs > 0, let font = s.item.pointee.analysis.font, let use = pdf.fonts.use(font, writer: pdf.writer) else { return }
    let glyph = s.glyphs.pointee.glyphs[0].glyph
    guard glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0, glyph != PANGO_GLYPH_EMPTY else { return }
    var text = TextObject(pdf: pdf, use: use, color: color)
    text.begin(x: x, y: y)
    // The breaker's hyphen reads as a soft hyphen (PDF 32000 §14.8.2.2.3).
    text.actualText([Unicode.Scalar(0xAD)!]) { $0.glyph(glyph, x: x, y: y) }
    text.end()
  }

  func glyphs(_ s: LineSegment, text _: UnsafePointer<CChar>, bytes: [UInt8], x: Double, y: Double, color: Color) {
    let g = s.glyphs.pointee
    let n = Int(g.num_glyphs)
    guard n > 0, let font = s.item.pointee.analysis.font, let use = pdf.fonts.use(font, writer: pdf.writer) else { return }
    let offset = Int(s.item.pointee.offset)
    let itemEnd = offset + Int(s.item.pointee.length)
    // Where each cluster's text ends: at the next cluster's start in logical order.
    var starts: [Int32] = []
    starts.reserveCapacity(n)
    for j in 0..<n where j == 0 || g.log_clusters[j] != g.log_clusters[j - 1] { starts.append(g.log_clusters[j]) }
    starts.sort()
    func end(of cluster: Int32) -> Int {
      var lo = 0, hi = starts.count
      while lo < hi {
        let m = (lo + hi) / 2
        if starts[m] <= cluster { lo = m + 1 } else { hi = m }
      }
      return lo < starts.count ? offset + Int(starts[lo]) : itemEnd
    }
    var text = TextObject(pdf: pdf, use: use, color: color)
    text.begin(x: x, y: y)
    var cursor = x
    var j = 0
    while j < n {
      let cluster = g.log_clusters[j]
      var k = j + 1
      while k < n && g.log_clusters[k] == cluster { k += 1 }
      let a = offset + Int(cluster), z = min(max(end(of: cluster), a), bytes.count)
      let scalars = Array(String(decoding: bytes[a..<z], as: UTF8.self).unicodeScalars)
      // The glyphs to draw (empty glyphs: a soft hyphen, a joiner) and their positions.
      var drawn: [(glyph: UInt32, x: Double, y: Double)] = []
      for i in j..<k {
        let info = g.glyphs[i]
        if info.glyph != PANGO_GLYPH_EMPTY {
          let glyph = info.glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 ? 0 : info.glyph
          drawn.append((glyph, cursor + Double(info.geometry.x_offset) / 1024, y + Double(info.geometry.y_offset) / 1024))
        }
        cursor += Double(info.geometry.width) / 1024
      }
      if !drawn.isEmpty {
        if drawn.count == 1, text.maps(drawn[0].glyph, to: scalars) {
          text.glyph(drawn[0].glyph, x: drawn[0].x, y: drawn[0].y)
        } else {
          text.actualText(scalars) { t in
            for d in drawn { t.glyph(d.glyph, x: d.x, y: d.y) }
          }
        }
      }
      j = k
    }
    text.end()
  }
}

/// One text object (`BT … ET`) being written into the page's content.
struct TextObject {
  unowned let pdf: NativePDF
  let use: EmbeddedFonts.Use
  let color: Color
  /// Where the next glyph would go without adjustment, and the baseline of the current matrix.
  private var pen = 0.0
  private var baseline = Double.nan
  private var inArray = false
  private var inString = false
  private var out: [UInt8] = []

  init(pdf: NativePDF, use: EmbeddedFonts.Use, color: Color) {
    self.pdf = pdf
    self.use = use
    self.color = color
  }

  mutating func begin(x: Double, y: Double) {
    pdf.setFill(color)
    pdf.useFont(use.face)
    out.append(contentsOf: "BT /\(use.face.resource) ".utf8)
    PDFSyntax.appendNumber(use.size, to: &out)
    out.append(contentsOf: " Tf ".utf8)
    move(x: x, y: y)
  }

  private mutating func move(x: Double, y: Double) {
    closeArray()
    out.append(contentsOf: "1 0 0 -1 ".utf8)
    PDFSyntax.appendNumber(x, to: &out)
    out.append(0x20)
    PDFSyntax.appendNumber(y, to: &out)
    out.append(contentsOf: " Tm ".utf8)
    pen = x
    baseline = y
  }

  private mutating func closeArray() {
    closeString()
    if inArray { out.append(contentsOf: "] TJ\n".utf8) }
    inArray = false
  }

  /// Whether `glyph` alone may stand for `text` through the ToUnicode map (recording the text as
  /// the glyph's when it has none yet).
  func maps(_ glyph: UInt32, to text: [Unicode.Scalar]) -> Bool {
    guard !text.isEmpty, text.allSatisfy({ $0.value >= 0x20 }), let code = use.face.code(glyph) else { return false }
    if let known = use.face.unicode[code] { return known == text }
    use.face.unicode[code] = text
    return true
  }

  mutating func glyph(_ glyph: UInt32, x: Double, y: Double) {
    if abs(y - baseline) > 0.0005 { move(x: x, y: y) }
    let adjust = ((pen - x) * 1000 / use.size * 10).rounded() / 10
    guard let code = use.face.code(glyph) else { return }
    if !inArray {
      out.append(UInt8(ascii: "["))
      inArray = true
    }
    // Differences under half a thousandth of an em (rounding of the shaper's units) are left to
    // add up until they matter: the pen is always compared with where the glyph belongs.
    if abs(adjust) >= 0.5 {
      closeString()
      PDFSyntax.appendNumber(adjust, decimals: 1, to: &out)
      pen -= adjust * use.size / 1000
    }
    if !inString {
      out.append(UInt8(ascii: "("))
      inString = true
    }
    // Two bytes a code, in a literal string: only the delimiters, the escape and a carriage
    // return (which a reader would turn into a line feed) are escaped.
    for b in [UInt8(code >> 8), UInt8(code & 0xFF)] {
      switch b {
      case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), b])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      default: out.append(b)
      }
    }
    pen += use.face.width(code: code) * use.size / 1000
  }

  private mutating func closeString() {
    if inString { out.append(UInt8(ascii: ")")) }
    inString = false
  }

  /// Glyphs drawn by `body` whose text is `text`.
  mutating func actualText(_ text: [Unicode.Scalar], _ body: (inout TextObject) -> Void) {
    closeArray()
    out.append(contentsOf: ("/Span <</ActualText <FEFF" + PDFSyntax.utf16Hex(text) + ">>> BDC ").utf8)
    body(&self)
    closeArray()
    out.append(contentsOf: "EMC ".utf8)
  }

  mutating func end() {
    closeArray()
    out.append(contentsOf: "ET\n".utf8)
    pdf.appendBytes(out)
  }
}
