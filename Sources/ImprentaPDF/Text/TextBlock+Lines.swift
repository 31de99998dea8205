import CPangoCairo
import ImprentaStyle

/// A piece of one line: a copy of part of one shaped run, or the hyphen the breaker added.
struct LineSegment {
  let item: UnsafeMutablePointer<PangoItem>
  let glyphs: UnsafeMutablePointer<PangoGlyphString>
  let run: Int
  let level: UInt8
  let isHyphen: Bool
  /// Advance, in Pango units.
  var width: Int32 = 0
}

/// Lines cut from the shaped runs: copies of the glyphs between the line's ends (no shaping),
/// ordered visually by bidi level, justified by widening the spaces' glyphs, painted with
/// Cairo's glyph API so the text layer keeps each cluster's characters.
extension TextBlock {
  /// The segments of line `k`, in visual order, justified. Free them with `free(_:)`.
  func segments(_ k: Int) -> [LineSegment] {
    let plan = plans[k]
    let shaped = self.shaped
    var segments: [LineSegment] = []
    guard plan.end > plan.start, var r = shaped.runIndex(at: plan.start) else { return [] }
    while r < shaped.runs.count && shaped.runs[r].start < plan.end {
      let run = shaped.runs[r]
      let a = max(plan.start, run.start), z = min(plan.end, run.end)
      if z > a { segments.append(cut(shaped, r, a, z)) }
      r += 1
    }
    if plan.hyphenated, let last = segments.last {
      let hyphen = shaped.hyphen(for: shaped.runs[last.run])
      let gs = pango_glyph_string_new()!
      pango_glyph_string_set_size(gs, 1)
      gs.pointee.glyphs[0].glyph = hyphen.glyph
      gs.pointee.glyphs[0].geometry = PangoGlyphGeometry(width: hyphen.width, x_offset: 0, y_offset: 0)
      gs.pointee.log_clusters[0] = 0
      let item = pango_item_copy(last.item)!
      item.pointee.offset = Int32(plan.end)
      item.pointee.length = 0
      item.pointee.num_chars = 0
      segments.append(LineSegment(item: item, glyphs: gs, run: last.run, level: last.level, isHyphen: true))
    }
    if plan.spaceExtra != 0 || plan.letterExtra != 0 {
      let extra = Int32((plan.spaceExtra * pangoScale).rounded())
      let letter = Int32((plan.letterExtra * pangoScale).rounded())
      for s in segments where !s.isHyphen {
        let offset = Int(s.item.pointee.offset)
        let g = s.glyphs.pointee
        var previousCluster: Int32 = -1
        for j in 0..<Int(g.num_glyphs) {
          let c = g.log_clusters[j]
          defer { previousCluster = c }
          guard c != previousCluster else { continue }
          let b = offset + Int(c)
          if b < plan.end && (bytes[b] == 0x20 || (bytes[b] == 0xC2 && b + 1 < bytes.count && bytes[b + 1] == 0xA0)) {
            g.glyphs[j].geometry.width += extra
          } else if letter != 0 && isLetterSlot(shaped, b, plan) {
            g.glyphs[j].geometry.width += letter
          }
        }
      }
    }
    for k in segments.indices {
      let g = segments[k].glyphs.pointee
      var w: Int32 = 0
      for j in 0..<Int(g.num_glyphs) { w += g.glyphs[j].geometry.width }
      segments[k].width = w
    }
    return TextBlock.visualOrder(segments)
  }

  /// Unicode bidi rule L2: from the highest level down to the lowest odd one, every run of
  /// segments at that level or higher is reversed.
  static func visualOrder<T>(_ segments: [T], level: (T) -> UInt8) -> [T] {
    guard let highest = segments.map(level).max(), highest > 0 else { return segments }
    let lowestOdd = (segments.map(level).filter { $0 & 1 == 1 }.min()) ?? highest
    var out = segments
    var l = highest
    while l >= max(lowestOdd, 1) {
      var k = 0
      while k < out.count {
        guard level(out[k]) >= l else {
          k += 1
          continue
        }
        var e = k
        while e < out.count && level(out[e]) >= l { e += 1 }
        out[k..<e].reverse()
        k = e
      }
      l -= 1
    }
    return out
  }

  static func visualOrder(_ segments: [LineSegment]) -> [LineSegment] { visualOrder(segments, level: \.level) }

  func free(_ segments: [LineSegment]) {
    for s in segments {
      pango_glyph_string_free(s.glyphs)
      pango_item_free(s.item)
    }
  }

  /// Bytes `a..<z` of run `r`: its glyphs copied when the cut falls between clusters, shaped
  /// again when it splits one (a ligature across a hyphenation point).
  private func cut(_ shaped: ShapedText, _ r: Int, _ a: Int, _ z: Int) -> LineSegment {
    let run = shaped.runs[r]
    let item = pango_item_copy(run.item)!
    item.pointee.offset = Int32(a)
    item.pointee.length = Int32(z - a)
    var chars = 0
    for b in a..<z where bytes[b] & 0xC0 != 0x80 { chars += 1 }
    item.pointee.num_chars = Int32(chars)
    let gs = pango_glyph_string_new()!
    if shaped.clusterStart[a] && shaped.clusterStart[z] {
      let src = shaped.glyphs
      let base = run.glyphs.lowerBound
      let n = run.glyphs.count
      let lo = Int32(a - run.start), hi = Int32(z - run.start)
      // Glyphs are in visual order: clusters ascend left to right, or descend right to left.
      let rtl = run.isRTL
      func firstIndex(_ pred: (Int32) -> Bool) -> Int {
        var l = 0, h = n
        while l < h {
          let m = (l + h) / 2
          if pred(src.cluster(base + m)) { h = m } else { l = m + 1 }
        }
        return l
      }
      let from: Int, to: Int
      if rtl {
        from = firstIndex { $0 < hi }
        to = firstIndex { $0 < lo }
      } else {
        from = firstIndex { $0 >= lo }
        to = firstIndex { $0 >= hi }
      }
      let count = max(to - from, 0)
      pango_glyph_string_set_size(gs, Int32(count))
      if count > 0 { src.copy(base + from..<base + from + count, into: gs.pointee.glyphs, clusters: gs.pointee.log_clusters, base: lo) }
    } else {
      var analysis = run.item.pointee.analysis
      bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
          pango_shape_full(base + a, Int32(z - a), base, Int32(buffer.count), &analysis, gs)
        }
      }
    }
    return LineSegment(item: item, glyphs: gs, run: r, level: run.level, isHyphen: false)
  }

  /// Paints line `k` with its left edge at `x` and its baseline at `baseline`, through
  /// `painter` (Cairo's glyph API, or the native writer's content stream): backgrounds, then the
  /// glyphs of each segment, then underlines and strike-throughs.
  func paint(line k: Int, x: Double, baseline: Double, color: Color, with painter: some LinePainter) {
    let segments = self.segments(k)
    defer { free(segments) }
    let shaped = self.shaped
    shaped.cString.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress!
      var cursor = x
      for s in segments {
        let run = shaped.runs[s.run]
        let width = Double(s.width) / pangoScale
        let y = baseline - Double(run.yOffset) / pangoScale
        if let bg = run.look.background {
          painter.fill(Rect(x: cursor, y: baseline - run.ascent, width: width, height: run.ascent + run.descent), bg)
        }
        let c = run.look.color ?? color
        if s.isHyphen {
          // The hyphen is drawn but is no character of the word: its text is a soft hyphen
          // (an /ActualText of U+00AD, as PDF 32000 14.8.2.2.3 asks for a hyphen added by
          // line breaking), so "defi-" + "nitions" reads back as "definitions".
          painter.hyphen(s, x: cursor, y: y, color: c)
        } else {
          TextBlock.dropHairlineOffsets(s.glyphs)
          joinMarks(s)
          painter.glyphs(s, text: base, bytes: shaped.bytes, x: cursor, y: y, color: c)
        }
        // The run's own language: the font was measured for it already (a line's height asks),
        // so it is not measured again for the C locale's. Underlines do not depend on it.
        if run.look.underline || run.look.strikethrough, let font = s.item.pointee.analysis.font,
          let metrics = pango_font_get_metrics(font, s.item.pointee.analysis.language)
        {
          func line(_ position: Int32, _ thickness: Int32) {
            let t = max(Double(thickness) / pangoScale, 0.4)
            painter.fill(Rect(x: cursor, y: y - Double(position) / pangoScale, width: width, height: t), c)
          }
          if run.look.underline { line(pango_font_metrics_get_underline_position(metrics), pango_font_metrics_get_underline_thickness(metrics)) }
          if run.look.strikethrough {
            line(pango_font_metrics_get_strikethrough_position(metrics), pango_font_metrics_get_strikethrough_thickness(metrics))
          }
          pango_font_metrics_unref(metrics)
        }
        cursor += width
      }
    }
  }

  /// A glyph raised or lowered by less than this (Pango units: 1/1024 pt) is set on the baseline.
  static let hairline: Int32 = 64

  /// Sets on the baseline the glyphs a font's positioning moves up or down by a hairline (Noto
  /// Sans Thai lowers vowel marks by 0.02 pt): invisible in print, but Cairo starts a new text
  /// position for each, and text extraction (`pdftotext`, search, copy) read the mark as a new
  /// line: "ไม่มี" came out "ไม่ม" and "ี" apart.
  static func dropHairlineOffsets(_ glyphs: UnsafeMutablePointer<PangoGlyphString>) {
    let g = glyphs.pointee
    for j in 0..<Int(g.num_glyphs) where g.glyphs[j].geometry.y_offset != 0 && abs(g.glyphs[j].geometry.y_offset) < hairline {
      g.glyphs[j].geometry.y_offset = 0
    }
  }

  /// Joins each combining mark's glyph to its base's cluster in a left-to-right segment (Pango
  /// shapes each character as a cluster of its own): Cairo then writes the base and its marks
  /// with their text as one `/ActualText`, so extraction reads them in order wherever the font
  /// positions the mark. A Thai vowel mark drawn back over its base from the next letter's
  /// origin was read after that letter ("มรี ะดับ" for "มีระดับ"); decomposed accents likewise.
  func joinMarks(_ s: LineSegment) {
    let g = s.glyphs.pointee
    let n = Int(g.num_glyphs)
    guard n > 1 else { return }
    let offset = Int(s.item.pointee.offset)
    // Left to right only: poppler reads a right-to-left cluster's /ActualText backwards (its
    // marks before its letter), worse than the glyphs' own text it orders by position.
    guard s.level & 1 == 0 else { return }
    for j in 0..<n {
      let b = offset + Int(g.log_clusters[j])
      guard b < bytes.count, bytes[b] >= 0xCC, let scalar = scalar(at: b), scalar.value >= 0x300 else { continue }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: break
      default: continue
      }
      guard j > 0, g.log_clusters[j - 1] < g.log_clusters[j] else { continue }
      // Every glyph of this character's cluster joins the base's.
      let cluster = g.log_clusters[j]
      var k = j
      while k < n && g.log_clusters[k] == cluster {
        g.log_clusters[k] = g.log_clusters[j - 1]
        k += 1
      }
    }
  }

  /// The horizontal extents (from the block's left edge) of bytes `start..<end` on line `index`.
  func xRanges(line index: Int, start: Int, end: Int) -> [(Double, Double)] {
    let key = LinkAreaKey(line: index, start: start, end: end)
    if let known = linkAreas[key] { return known }
    let result = measuredRanges(line: index, start: start, end: end)
    linkAreas[key] = result
    return result
  }

  private func measuredRanges(line index: Int, start: Int, end: Int) -> [(Double, Double)] {
    let segments = self.segments(index)
    defer { free(segments) }
    var result: [(Double, Double)] = []
    var cursor = lines[index].x
    for s in segments {
      defer { cursor += Double(s.width) / pangoScale }
      guard !s.isHyphen else {
        if let last = result.last, abs(last.1 - cursor) < 0.01 { result[result.count - 1].1 = cursor + Double(s.width) / pangoScale }
        continue
      }
      let g = s.glyphs.pointee
      let offset = Int(s.item.pointee.offset)
      var gx = cursor
      for j in 0..<Int(g.num_glyphs) {
        let w = Double(g.glyphs[j].geometry.width) / pangoScale
        let b = offset + Int(g.log_clusters[j])
        if b >= start && b < end {
          if let last = result.last, abs(last.1 - gx) < 0.01 {
            result[result.count - 1].1 = gx + w
          } else {
            result.append((gx, gx + w))
          }
        }
        gx += w
      }
    }
    return result
  }
}
