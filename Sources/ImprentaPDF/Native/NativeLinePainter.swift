import CPangoCairo
import Foundation
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
    guard glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0, glyph != PANGO_GLYPH_EMPTY, let code = use.face.code(glyph) else { return }
    var text = TextObject(pdf: pdf, use: use, color: color)
    text.begin(x: x, y: y)
    // The breaker's hyphen reads as a soft hyphen (PDF 32000 §14.8.2.2.3).
    text.actualText([0xC2, 0xAD]) { $0.glyph(code, x: x, y: y) }
    text.end()
  }

  func glyphs(_ s: LineSegment, text _: UnsafePointer<CChar>, bytes: [UInt8], x: Double, y: Double, color: Color) {
    guard s.glyphs.pointee.num_glyphs > 0, let font = s.item.pointee.analysis.font, let use = pdf.fonts.use(font, writer: pdf.writer) else { return }
    let face = use.face
    // A link's words go into its element (PDF/UA: a link holds its text), decided by where the
    // segment starts.
    pdf.enterLink(pdf.link(atX: x + 0.5, y: y))
    let infos = s.glyphs.pointee.glyphs!
    var cursor = x
    /// The cluster's glyphs to draw (not the empty ones: a soft hyphen, a joiner), each with its
    /// code (nil: a colour glyph) and place; the cursor moves past the cluster. (The cursor is a
    /// parameter: captured by this function it would live in a box, checked at every use.)
    func placed(_ glyphs: Range<Int>, _ cursor: inout Double) -> [(glyph: UInt32, x: Double, y: Double)] {
      var out: [(glyph: UInt32, x: Double, y: Double)] = []
      for i in glyphs {
        let info = infos[i]
        if info.glyph != PANGO_GLYPH_EMPTY {
          let glyph = info.glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 ? 0 : info.glyph
          out.append((glyph, cursor + Double(info.geometry.x_offset) / 1024, y + Double(info.geometry.y_offset) / 1024))
        }
        cursor += Double(info.geometry.width) / 1024
      }
      return out
    }
    if face.bitmapOnly {
      // Colour emoji: each glyph an image where the font draws it, its cluster's text as
      // /ActualText.
      Self.forEachCluster(s, bytes: bytes) { glyphs, text in
        pdf.colorGlyphs(placed(glyphs, &cursor).filter { $0.glyph != 0 }, face: face, size: use.size, text: text)
      }
      return
    }
    var text = TextObject(pdf: pdf, use: use, color: color)
    text.begin(x: x, y: y)
    Self.forEachCluster(s, bytes: bytes) { glyphs, clusterText in
      if glyphs.count == 1 {
        // One glyph for the cluster (nearly every one): placed without arrays.
        let info = infos[glyphs.lowerBound]
        let gx = cursor + Double(info.geometry.x_offset) / 1024, gy = y + Double(info.geometry.y_offset) / 1024
        cursor += Double(info.geometry.width) / 1024
        guard info.glyph != PANGO_GLYPH_EMPTY, let code = face.code(info.glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 ? 0 : info.glyph) else { return }
        if TextObject.maps(code, face: face, to: clusterText) {
          text.glyph(code, x: gx, y: gy)
        } else {
          text.actualText(clusterText) { $0.glyph(code, x: gx, y: gy) }
        }
        return
      }
      let drawn = placed(glyphs, &cursor).compactMap { g in face.code(g.glyph).map { (code: $0, x: g.x, y: g.y) } }
      guard !drawn.isEmpty else { return }
      if drawn.count == 1, glyphs.count == 1, TextObject.maps(drawn[0].code, face: face, to: clusterText) {
        // One glyph (the common case): its code stands for the text through the ToUnicode map.
        text.glyph(drawn[0].code, x: drawn[0].x, y: drawn[0].y)
      } else {
        // A glyph that said something else before, or several glyphs for one cluster.
        text.actualText(clusterText) { t in
          for d in drawn { t.glyph(d.code, x: d.x, y: d.y) }
        }
      }
    }
    text.end()
  }

  /// Calls `body` for each cluster of the segment in visual order with the range of its glyphs
  /// and its text's bytes: a cluster's text ends where the cluster after it in logical order
  /// starts — the next glyph's in a left-to-right run, the previous one's right to left; the
  /// sorted starts only when the clusters are out of order.
  static func forEachCluster(_ s: LineSegment, bytes: [UInt8], _ body: (Range<Int>, UnsafeBufferPointer<UInt8>) -> Void) {
    let g = s.glyphs.pointee
    let n = Int(g.num_glyphs)
    let clusters = g.log_clusters!
    let offset = Int(s.item.pointee.offset)
    let itemEnd = min(offset + Int(s.item.pointee.length), bytes.count)
    let ascending = s.level & 1 == 0
    var sortedStarts: [Int32]? = nil
    func after(_ cluster: Int32) -> Int {
      if sortedStarts == nil { sortedStarts = (0..<n).map { clusters[$0] }.sorted() }
      return sortedStarts!.first(where: { $0 > cluster }).map { offset + Int($0) } ?? itemEnd
    }
    func end(of cluster: Int32, at j: Int, next k: Int) -> Int {
      if ascending, k < n, clusters[k] > cluster { return offset + Int(clusters[k]) }
      if !ascending, j > 0, clusters[j - 1] > cluster { return offset + Int(clusters[j - 1]) }
      // The last cluster of the run, unless a later glyph starts after it.
      if ascending ? k >= n : j == 0, (0..<n).allSatisfy({ clusters[$0] <= cluster }) { return itemEnd }
      return after(cluster)
    }
    bytes.withUnsafeBufferPointer { buffer in
      var j = 0
      while j < n {
        let cluster = clusters[j]
        var k = j + 1
        while k < n && clusters[k] == cluster { k += 1 }
        let a = min(offset + Int(cluster), buffer.count), z = min(max(end(of: cluster, at: j, next: k), a), buffer.count)
        body(j..<k, UnsafeBufferPointer(rebasing: buffer[a..<z]))
        j = k
      }
    }
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
  /// The text rise in force (text state: set back to 0 before the object ends).
  private var rise = 0.0
  private var out: [UInt8] = []

  /// Appends an operator's bytes (a static string's, copied at once: `String.utf8` went through
  /// the generic append, some hundreds of instructions a text object).
  @inline(__always)
  private mutating func emit(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }

  /// Points per thousandth of an em.
  private let unit: Double

  init(pdf: NativePDF, use: EmbeddedFonts.Use, color: Color) {
    self.pdf = pdf
    self.use = use
    self.color = color
    unit = use.size / 1000
    out.reserveCapacity(512)
  }

  mutating func begin(x: Double, y: Double) {
    pdf.ensureMarked()
    pdf.setFill(color)
    pdf.useFont(use.face)
    if use.embolden {
      // FreeType's synthetic bold widens outlines by 1/24 em: a stroke that wide, same colour.
      pdf.setStrokeColor(color)
      PDFSyntax.appendNumber(use.size / 24, to: &out)
      emit(" w ")
    }
    out.append(contentsOf: use.face.selectPrefix)
    PDFSyntax.appendNumber(use.size, to: &out)
    emit(" Tf ")
    if use.embolden { emit("2 Tr ") }
    move(x: x, y: y)
  }

  private mutating func move(x: Double, y: Double) {
    closeArray()
    if use.shear == 0 {
      emit("1 0 0 -1 ")
    } else {
      emit("1 0 ")
      PDFSyntax.appendNumber(use.shear, decimals: 4, to: &out)
      emit(" -1 ")
    }
    PDFSyntax.appendNumber(x, to: &out)
    out.append(0x20)
    PDFSyntax.appendNumber(y, to: &out)
    emit(" Tm ")
    pen = x
    baseline = y
  }

  private mutating func closeArray() {
    closeString()
    if inArray { emit("] TJ\n") }
    inArray = false
  }

  /// Whether the code's glyph alone may stand for `text` (UTF-8) through the ToUnicode map,
  /// recording the text as the glyph's when it has none yet.
  static func maps(_ code: UInt16, face: EmbeddedFonts.Face, to text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !text.isEmpty else { return false }
    let k = Int(code) - 1
    let known = face.texts[k]
    if !known.isEmpty {
      return known.count == text.count && known.withUnsafeBufferPointer { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
    }
    // Control characters (a tab) get no entry: they are no glyph's text.
    guard text.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else { return false }
    face.texts[k] = Array(text)
    return true
  }

  mutating func glyph(_ code: UInt16, x: Double, y: Double) {
    // A glyph the font raises or lowers (a mark) keeps the line: the text rise moves it, so
    // readers do not take it for a line of its own.
    let r = ((baseline - y) * 1000).rounded() / 1000
    if r != rise {
      closeArray()
      PDFSyntax.appendNumber(r, to: &out)
      emit(" Ts ")
      rise = r
    }
    let adjust = ((pen - x) / unit * 10).rounded() / 10
    if !inArray {
      out.append(UInt8(ascii: "["))
      inArray = true
    }
    // Differences under half a thousandth of an em (rounding of the shaper's units) are left to
    // add up until they matter: the pen is always compared with where the glyph belongs.
    if abs(adjust) >= 0.5 {
      closeString()
      PDFSyntax.appendNumber(adjust, decimals: 1, to: &out)
      pen -= adjust * unit
    }
    if !inString {
      out.append(UInt8(ascii: "("))
      inString = true
    }
    // Two bytes a code, in a literal string: only the delimiters, the escape and a carriage
    // return (which a reader would turn into a line feed) are escaped.
    let wire = use.face.wire(code)
    appendEscaped(UInt8(wire >> 8))
    appendEscaped(UInt8(wire & 0xFF))
    pen += use.face.width(code: code) * unit
  }

  @inline(__always)
  private mutating func appendEscaped(_ b: UInt8) {
    switch b {
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
      out.append(UInt8(ascii: "\\"))
      out.append(b)
    case 0x0D:
      out.append(UInt8(ascii: "\\"))
      out.append(UInt8(ascii: "r"))
    default: out.append(b)
    }
  }

  private mutating func closeString() {
    if inString { out.append(UInt8(ascii: ")")) }
    inString = false
  }

  /// Glyphs drawn by `body` whose text is `text` (UTF-8).
  mutating func actualText(_ text: some Collection<UInt8>, _ body: (inout TextObject) -> Void) {
    closeArray()
    let scalars = String(decoding: text, as: UTF8.self).unicodeScalars
    out.append(contentsOf: ("/Span <</ActualText <FEFF" + PDFSyntax.utf16Hex(scalars) + ">>> BDC ").utf8)
    body(&self)
    closeArray()
    emit("EMC ")
  }

  mutating func end() {
    closeArray()
    if rise != 0 { emit("0 Ts ") }
    // The rendering mode is text state, which outlives the text object.
    if use.embolden { emit("0 Tr ") }
    emit("ET\n")
    pdf.appendBytes(out)
  }
}
