import CPangoCairo

/// Breaking a shaped paragraph: the passes of the line breaker over its items
/// (`TextBlock+Items`), and the chosen lines into `LinePlan`s and `LineMetrics`.
extension TextBlock {
  /// The width line `k` may fill, and how far it is indented from the start side.
  func lineWidth(_ k: Int) -> (width: Double, indent: Double) {
    let indent = format.firstLineIndent
    let shift = k == 0 ? max(indent, 0) : max(-indent, 0)
    return (format.width - shift, shift)
  }

  /// The most letter-spacing a justified line may get, per letter, in ems (the last resort).
  static let letterSpacing = 0.04
  /// How far spaces stretch (their glue ratio) before a line that needs it is letter-spaced.
  static let spacesBeforeLetters = 1.5

  func breakLines(_ shaped: ShapedText) {
    guard !bytes.isEmpty else {
      plans = [LinePlan(start: 0, end: 0)]
      finishLines(shaped, ends: [], items: [], positions: [], ragged: true)
      return
    }
    let built = items(shaped, wrapping: format.width > 0)
    guard format.width > 0 else {
      // No measure: one line per hard break.
      let ends = built.items.indices.filter { built.items[$0].kind == .penalty && built.items[$0].cost <= LineBreaker.forced }
      finishLines(shaped, ends: ends.map { LineBreaker.Line(end: $0, ratio: 0) }, items: built.items, positions: built.positions, ragged: true)
      return
    }
    let width = format.width, indent = format.firstLineIndent
    var breaker = LineBreaker(items: built.items, width: width - max(-indent, 0), firstLineWidth: width - max(indent, 0))
    let em = format.font.size
    var p = LineBreaker.Parameters()
    p.consecutiveHyphens = format.consecutiveHyphens
    var result: [LineBreaker.Line]?
    var ragged = format.align != .justify
    if !ragged {
      p.tolerance = 1
      result = breaker.breaks(p)
      if result == nil && built.hasHyphenation {
        p.hyphenate = true
        p.tolerance = 1.5
        result = breaker.breaks(p)
      }
      if result == nil {
        // The last resort before emergency stretch: a little letter-spacing.
        p.hyphenate = true
        p.tolerance = 2
        p.letterSpacing = true
        result = breaker.breaks(p)
      }
      if result == nil {
        // Emergency stretch: every line may stretch by one more em, before any overfull line.
        p.hyphenate = true
        p.tolerance = 2.5
        p.backgroundStretch = format.width < 22 * em ? em : 1.5 * em
        result = breaker.breaks(p)
        // A narrow measure (a column, a table cell) whose lines would still have gaps three
        // times a space is set ragged rather than with rivers.
        if format.width < 22 * em, result.map({ breaker.glueRatios($0).contains { $0 > 4 } }) ?? true {
          ragged = true
          fellBackToRagged = true
        }
      }
    }
    if ragged {
      p = LineBreaker.Parameters()
      p.consecutiveHyphens = format.consecutiveHyphens
      p.ragged = true
      p.hyphenate = true
      p.backgroundStretch = 3 * em
      p.tolerance = 1000
      result = breaker.breaks(p)
    }
    let lines = result ?? breaker.greedy(p)
    finishLines(shaped, ends: lines, items: built.items, positions: built.positions, ragged: ragged, letterSpacing: p.letterSpacing && !ragged)
  }

  /// Places on line `plan` where letter-spacing goes: after each cluster but the line's last,
  /// not at spaces, never in code or URLs.
  func letterSlots(_ shaped: ShapedText, _ plan: LinePlan) -> Int {
    var n = 0
    var b = plan.start
    while b < plan.end {
      if isLetterSlot(shaped, b, plan) { n += 1 }
      b += 1
    }
    return n
  }

  func isLetterSlot(_ shaped: ShapedText, _ b: Int, _ plan: LinePlan) -> Bool {
    guard shaped.clusterStart[b], bytes[b] != 0x20, bytes[b] != 0xC2 else { return false }
    var next = b + 1
    while next < plan.end && !shaped.clusterStart[next] { next += 1 }
    guard next < plan.end, bytes[next] != 0x20, bytes[next] != 0xC2 else { return false }
    return noHyphens.isEmpty || !noHyphens.contains(b)
  }

  /// The plans and metrics of the chosen lines.
  func finishLines(_ shaped: ShapedText, ends: [LineBreaker.Line], items: [BreakItem], positions: [Int32], ragged: Bool, letterSpacing: Bool = false) {
    let spaceWidth = items.first { $0.kind == .glue && $0.stretch < LineBreaker.fil && $0.width > 0 }?.width ?? format.font.size / 4
    var plans: [LinePlan] = []
    var starts: [Int] = []
    var start = 0
    var startItem = 0  // the item the line starts with (as `LineBreaker.lineStart` finds it)
    for line in ends {
      let item = items[line.end]
      var plan = LinePlan(start: start, end: Int(positions[line.end]))
      plan.hyphenated = item.isHyphenation
      plan.hang = item.hang
      if startItem < line.end, items[startItem].kind == .box { plan.startHang = items[startItem].startHang }
      plans.append(plan)
      starts.append(start)
      // The next line starts at the next box (spaces after a break are dropped).
      var k = line.end + 1
      while k < items.count && items[k].kind != .box && !(items[k].kind == .penalty && items[k].cost <= LineBreaker.forced) { k += 1 }
      startItem = k
      start = k < items.count ? Int(positions[k]) : bytes.count
      if item.kind == .penalty && item.cost <= LineBreaker.forced && k < items.count && items[k].kind == .penalty {
        start = Int(positions[k])
      }
    }
    if plans.isEmpty { plans = [LinePlan(start: 0, end: bytes.count)] }
    var metrics: [LineMetrics] = []
    var top = 0.0
    for k in plans.indices {
      var plan = plans[k]
      let next = k + 1 < plans.count ? plans[k + 1].start : bytes.count
      // Extents of the runs on the line; an empty line takes its hard line's.
      var ascent = 0.0, descent = 0.0
      var natural = 0.0
      var spaces = 0
      var b = plan.start
      while b < plan.end {
        natural += Double(shaped.advance[b])
        if bytes[b] == 0x20 || (bytes[b] == 0xC2 && b + 1 < plan.end && bytes[b + 1] == 0xA0) { spaces += 1 }
        b += 1
      }
      if plan.end > plan.start, var r = shaped.runIndex(at: plan.start) {
        while r < shaped.runs.count && shaped.runs[r].start < plan.end {
          ascent = max(ascent, shaped.runs[r].ascent)
          descent = max(descent, shaped.runs[r].descent)
          r += 1
        }
      } else if let hard = shaped.hardLines.last(where: { $0.start <= plan.start }) ?? shaped.hardLines.first {
        ascent = hard.ascent
        descent = hard.descent
      }
      if plan.hyphenated, let r = shaped.runIndex(at: max(plan.end - 1, 0)) {
        natural += Double(shaped.hyphen(for: shaped.runs[r]).width) / pangoScale
      }
      let (width, indent) = lineWidth(k)
      let endsHard = ends.isEmpty || k == plans.count - 1 || items[ends[k].end].kind == .penalty && items[ends[k].end].cost <= LineBreaker.forced
      // What hangs at the line's start: on every line where the start edge is flush.
      if !(format.width > 0 && startHangs) { plan.startHang = 0 }
      if format.width > 0 && format.align == .justify && !ragged && !endsHard && spaces > 0 {
        var extra = width + plan.hang + plan.startHang - natural
        // Spaces stretch as far as the pass without letter-spacing lets them (a ratio of 1.5:
        // three quarters of a space each), then letters get what is left, up to
        // `letterSpacing`, when the pass allowed it; spaces take any rest. (From a ratio of 1,
        // a third of a letter-spaced paragraph's lines were tracked beside untracked ones: an
        // uneven grey on the brochure's pages.)
        let glue = spaceWidth * 0.5 * TextBlock.spacesBeforeLetters * Double(spaces)
        if letterSpacing && extra > glue {
          let slots = letterSlots(shaped, plan)
          if slots > 0 {
            plan.letterExtra = min((extra - glue) / Double(slots), TextBlock.letterSpacing * format.font.size)
            extra -= plan.letterExtra * Double(slots)
            natural += plan.letterExtra * Double(slots)
          }
        }
        plan.spaceExtra = extra / Double(spaces)
        // Never squeeze spaces to nothing (an overfull line stays overfull).
        if spaceWidth + plan.spaceExtra < 0 { plan.spaceExtra = 0 }
      } else {
        plan.hang = format.width > 0 && format.align == .justify ? plan.hang : 0
      }
      let content = natural + plan.spaceExtra * Double(spaces)
      let effective = content - plan.hang - plan.startHang
      var offset = 0.0
      if format.width > 0 {
        switch format.align {
        case .left, .justify: offset = -plan.startHang
        case .right: offset = width - effective
        case .center: offset = (width - effective) / 2
        }
      }
      // `offset` is from the start side: the left, or the right of a right-to-left line.
      let x = format.direction == .rtl && format.width > 0 ? format.width - indent - offset - content : indent + offset
      metrics.append(
        LineMetrics(start: plan.start, length: next - plan.start, x: x, width: content, top: top, height: ascent + descent, baseline: top + ascent))
      top += ascent + descent
      plans[k] = plan
    }
    self.plans = plans
    self.lines = metrics
  }
}
