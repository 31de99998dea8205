import CPangoCairo

/// A shaped paragraph as the line breaker's boxes, glue and penalties, and what hangs into the
/// margins at a line's ends (optical margin alignment).
extension TextBlock {
  /// Characters that hang into the margin at a line's end (optical margin alignment).
  static func hangs(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x2D, 0x2E, 0x2C, 0x22, 0x27, 0x3A, 0x3B, 0x2010, 0x2011, 0x2013, 0x2019, 0x201D, 0xBB, 0x203A: return true
    default: return false
    }
  }

  /// Characters that hang into the margin at a line's start: opening quotes of every language
  /// (“ ‘ „ ‚ « ‹, and ” ’ » › that open in Swedish, Danish and German), straight quotes, ¿ ¡,
  /// opening parentheses and brackets, hyphens and dashes.
  static func hangsAtStart(_ scalar: UInt32) -> Bool { startHangWeight(scalar) > 0 }

  /// How much of `paragraph.protrusion` a line-initial character hangs by: all of it for quotes
  /// and hyphens (small marks with white around them); less for marks as tall as a letter or as
  /// dark (guillemets, ¿ ¡, parentheses, dashes), which looked pushed out of the column at the
  /// full fraction (an em dash hung 4.8 pt in the brochure).
  static func startHangWeight(_ scalar: UInt32) -> Double {
    switch scalar {
    case 0x22, 0x27, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2D, 0x2010, 0x2011: return 1
    case 0xAB, 0xBB, 0x2039, 0x203A: return 0.6
    case 0xA1, 0xBF: return 0.5
    case 0x28, 0x5B, 0x2012, 0x2013, 0x2014, 0x2015: return 0.35
    default: return 0
    }
  }

  /// Whether line starts hang (`hangsAtStart`): where the start edge is flush (justified or
  /// start-aligned text), never on a first line indented away from the margin.
  var startHangs: Bool { format.protrusion > 0 && (format.align == .justify || format.align == .left) }

  /// The paragraph as breaker items, with the byte where each item starts (where a line ending
  /// there ends).
  func items(_ shaped: ShapedText, wrapping: Bool) -> (items: [BreakItem], positions: [Int32], hasHyphenation: Bool) {
    var items: [BreakItem] = []
    // Byte offsets as Int32 (a page is far under 2 GB): 8 MB less for each million items.
    var positions: [Int32] = []
    // At most two items a space (a word and its glue) and two a hyphenation point (its penalty
    // and the piece of word after it), reserved at once: grown by doubling, the array of a 5.4 MB
    // paragraph held its old and new buffers together while it grew.
    var spaces = 0
    for b in bytes where b == 0x20 { spaces += 1 }
    let estimate = 2 * spaces + 2 * text.hyphenPoints.count + 64
    items.reserveCapacity(estimate)
    positions.reserveCapacity(estimate)
    let em = format.font.size
    let maxWidth = format.width > 0 ? format.width - abs(format.firstLineIndent) : .infinity
    let hangFraction = format.protrusion
    // Ranges where hyphens are never drawn, and where URLs break after punctuation.
    let noHyphens = self.noHyphens
    var urlRanges: [Range<Int>] = []
    for a in text.attributes {
      if case .breaksAfterPunctuation = a.kind { urlRanges.append(a.start..<a.end) }
    }
    let urls = SortedRanges(urlRanges)
    func inside(_ ranges: SortedRanges, _ o: Int) -> Bool { !ranges.isEmpty && ranges.contains(o) }
    var hyphenPoints = text.hyphenPoints[...]
    var hasHyphenation = false

    // The box being gathered: its start, width, and (for cutting an overlong one) its grapheme
    // boundaries with the width before each.
    var boxStart = 0
    var boxWidth = 0.0
    var boxOpen = false
    var boxLetters = 0
    var cuts: [(byte: Int, width: Double)] = []
    var lastScalar: UInt32 = 0
    // Code (text that may break anywhere) keeps the spaces that open a line: they are its
    // indentation, part of the line's first box, not glue a break would drop.
    var indentation = format.breakAnywhere
    var lastAdvance = 0.0
    // What of the box's first character hangs into the start margin when a line starts with it.
    var boxStartHang = 0.0
    let startHangs = self.startHangs
    let letterStretch = TextBlock.letterSpacing * em
    func flush() {
      guard boxOpen else { return }
      let spaced = !inside(noHyphens, boxStart)
      if wrapping && boxWidth > maxWidth && cuts.count > 1 {
        // A run no line can hold: cut it between grapheme clusters, no hyphen added.
        var previous = (byte: boxStart, width: 0.0)
        for cut in cuts.dropFirst() {
          var piece = BreakItem.box(cut.width - previous.width)
          if previous.byte == boxStart { piece.startHang = boxStartHang }
          items.append(piece)
          positions.append(Int32(previous.byte))
          var p = BreakItem.penalty(0, cost: 0)
          p.breakStretch = em
          items.append(p)
          positions.append(Int32(cut.byte))
          previous = cut
        }
        items.append(.box(boxWidth - previous.width))
        positions.append(Int32(previous.byte))
      } else {
        var box = BreakItem.box(boxWidth)
        if spaced { box.letterStretch = Double(boxLetters) * letterStretch }
        box.startHang = boxStartHang
        items.append(box)
        positions.append(Int32(boxStart))
      }
      boxLetters = 0
      boxOpen = false
      boxWidth = 0
      cuts.removeAll(keepingCapacity: true)
    }
    func hang(_ scalar: UInt32, _ width: Double) -> Double {
      hangFraction > 0 && TextBlock.hangs(scalar) ? hangFraction * width : 0
    }

    var o = 0
    var i = 0  // character index (log attrs are per character)
    let n = bytes.count
    while o < n {
      let lead = bytes[o]
      let length = min(ShapedText.length(lead), n - o)
      var scalar = UInt32(lead)
      if length > 1 {
        scalar = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[o + k] & 0x3F) }
      }
      let attr = i < shaped.attrCount ? shaped.attrs[i] : PangoLogAttr()
      let advance = Double(shaped.advance[o])
      if wrapping && o > 0 && boxOpen {
        // A break before this character that is not at a space.
        var added = false
        while let h = hyphenPoints.first, h < o { hyphenPoints.removeFirst() }
        if let h = hyphenPoints.first, h == o, !inside(noHyphens, o), let r = shaped.runIndex(at: o - 1) {
          hyphenPoints.removeFirst()
          flush()
          let width = Double(shaped.hyphen(for: shaped.runs[r]).width) / pangoScale
          var p = BreakItem.penalty(width, cost: 50, flagged: true)
          p.isHyphenation = true
          p.hang = hang(0x2D, width)
          items.append(p)
          positions.append(Int32(o))
          hasHyphenation = true
          added = true
        }
        // After a run of / . - _ ? (never inside "://" or "//").
        let isURLBreak = !urls.isEmpty && TextBlock.isURLPunctuation(lastScalar) && lastScalar != 0x3A && !TextBlock.isURLPunctuation(scalar)
          && inside(urls, o - 1) && inside(urls, o)
        let pangoBreak = attr.is_line_break != 0 && !KoreanBreaks.keepsTogether(lastScalar, scalar)
        if !added && (pangoBreak || isURLBreak) && attr.is_white == 0 {
          flush()
          let explicitHyphen = !isURLBreak && (lastScalar == 0x2D || lastScalar == 0x2010)
          var p = BreakItem.penalty(0, cost: explicitHyphen ? 50 : 0, flagged: explicitHyphen)
          p.breakStretch = em
          p.hang = hang(lastScalar, lastAdvance)
          items.append(p)
          positions.append(Int32(o))
        }
      }
      if scalar == 0x0A {
        flush()
        items.append(TextBlock.finishingGlue)
        positions.append(Int32(o))
        items.append(.penalty(0, cost: LineBreaker.forced))
        positions.append(Int32(o))
        indentation = format.breakAnywhere
      } else if attr.is_white != 0 && scalar != 0x200B && !(indentation && (scalar == 0x20 || scalar == 0x09)) {
        flush()
        let next = i + 1 < shaped.attrCount ? shaped.attrs[i + 1] : PangoLogAttr()
        var g = BreakItem.glue(advance, stretch: advance / 2, shrink: advance / 3)
        g.breakable = next.is_line_break != 0 && next.is_mandatory_break == 0
        g.hang = hang(lastScalar, lastAdvance)
        items.append(g)
        positions.append(Int32(o))
      } else {
        if !boxOpen {
          boxOpen = true
          boxStart = o
          boxWidth = 0
          boxStartHang = startHangs ? hangFraction * TextBlock.startHangWeight(scalar) * advance : 0
        }
        if scalar != 0x20 && scalar != 0x09 { indentation = false }
        if wrapping && attr.is_cursor_position != 0 { cuts.append((o, boxWidth)) }
        boxWidth += advance
        if shaped.clusterStart[o] { boxLetters += 1 }
        lastScalar = scalar
        lastAdvance = advance
      }
      o += length
      i += 1
    }
    flush()
    items.append(TextBlock.finishingGlue)
    positions.append(Int32(n))
    items.append(.penalty(0, cost: LineBreaker.forced))
    positions.append(Int32(n))
    // A first line indented away from the margin has no margin to hang into.
    if format.firstLineIndent > 0, items[0].kind == .box { items[0].startHang = 0 }
    if wrapping { breakOverlongRuns(&items, maxWidth: maxWidth) }
    // No hyphen in the paragraph's last word, unless no line can hold it whole (a long word
    // closing a table cell ran out of its column and off the page).
    if hasHyphenation {
      var k = items.count - 1
      var lastWord: [Int] = []
      var wordWidth = 0.0
      while k > 0 && !(items[k].kind == .glue && items[k].breakable && items[k].stretch < LineBreaker.fil) {
        if items[k].isHyphenation { lastWord.append(k) }
        if items[k].kind == .box { wordWidth += items[k].width }
        k -= 1
      }
      if wordWidth <= maxWidth {
        for k in lastWord { items[k].cost = LineBreaker.never }
      }
    }
    return (items, positions, hasHyphenation)
  }

  /// Text between two break opportunities that no line can hold (code whose spaces may not
  /// break: `:laughing: :satisfied:` in a narrow table cell ran into the next cell) may break at
  /// its spaces after all: nothing else fits. (A single box too wide is cut between grapheme
  /// clusters as it is made.)
  func breakOverlongRuns(_ items: inout [BreakItem], maxWidth: Double) {
    var start = 0
    var width = 0.0
    for k in items.indices {
      let item = items[k]
      let opportunity = (item.kind == .glue && (item.breakable || item.stretch >= LineBreaker.fil))
        || (item.kind == .penalty && item.cost < LineBreaker.never)
      if opportunity {
        if width > maxWidth {
          for j in start..<k where items[j].kind == .glue { items[j].breakable = true }
        }
        start = k + 1
        width = 0
      } else if item.kind != .penalty {
        width += item.width
      }
    }
  }

  /// The glue that fills a paragraph's last line (and a line ending at a hard break): never a
  /// break itself, as TeX puts `\penalty10000` before `\parfillskip`. A break there set the
  /// line's words on a full line and left an empty one after it (a blank line under six
  /// paragraphs of the brochure's sample page, whose last lines were exactly full).
  static var finishingGlue: BreakItem {
    var g = BreakItem.glue(0, stretch: LineBreaker.fil, shrink: 0)
    g.breakable = false
    return g
  }

  /// `/ . - _ ? :`: a URL or a path may break after a run of them (`:` only inside one).
  @inline(__always)
  static func isURLPunctuation(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x2F, 0x2E, 0x2D, 0x5F, 0x3F, 0x3A: return true
    default: return false
    }
  }
}
