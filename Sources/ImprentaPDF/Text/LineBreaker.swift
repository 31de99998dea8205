/// Knuth–Plass line breaking: chooses all the lines of a paragraph together, by total demerits,
/// over boxes (unbreakable widths), glue (stretchable space, a break opportunity after a box) and
/// penalties (a break opportunity with a cost, and a width when taken: a hyphen).
///
/// Pure Swift over synthetic items: the shaping (`ShapedText`) turns a paragraph into items, this
/// picks the breaks, `TextBlock` places the lines (`BreakItem` holds the items). The active-node
/// list is pruned as soon as a line from a node would be overfull, and at a break only nodes up
/// to the first too loose line are tried, so the work is linear in the paragraph's length times
/// the breakpoints a feasible line spans; a long paragraph's nodes are compacted and its lines
/// settled 512 lines behind the best path (`commit`).
struct LineBreaker {
  /// A penalty at or below this is a break that must be taken; at or above `never`, no break.
  static let forced = -10_000.0
  static let never = 10_000.0
  /// Stretch of "fil" glue (the end of a paragraph, a hard break): any shortfall is fine.
  static let fil = 1e7

  struct Parameters {
    /// The largest stretch ratio (stretch used / stretch available) a line may have.
    var tolerance = 1.0
    var hyphenate = false
    var linePenalty = 10.0
    var flaggedDemerits = 3000.0
    var fitnessDemerits = 10_000.0
    var finalHyphenDemerits = 5000.0
    /// At most this many lines in a row ending with a hyphen (0: no limit).
    var consecutiveHyphens = 2
    /// Stretch every line has besides its glue (TeX's emergency stretch, or the rag of ragged text).
    var backgroundStretch = 0.0
    /// Ragged: glue keeps its width (no stretch or shrink); only `backgroundStretch` judges a line.
    var ragged = false
    /// Boxes may stretch by their `letterStretch` (a little letter-spacing, as a last resort).
    var letterSpacing = false
  }

  /// A chosen line: it ends at item `end` (a glue or a penalty) with stretch ratio `ratio`.
  struct Line: Equatable {
    var end: Int
    var ratio: Double
  }

  let items: [BreakItem]
  /// The measure of every line but the first, and of the first (an indent makes it differ).
  let width: Double
  let firstLineWidth: Double
  /// Width available to line `k` (0-based).
  @inline(__always) func lineWidth(_ k: Int) -> Double { k == 0 ? firstLineWidth : width }
  /// Whether a line's natural width and its stretch only shrink as its start moves later (no
  /// negative widths or stretch, no start hang wider than its box): then, at a break, once the
  /// line from one active node is too loose, so are the lines from all later ones.
  private let monotone: Bool
  /// Whether a break stops trying active nodes at the first too loose line (see `monotone`);
  /// tests turn it off to check it changes no choice.
  var skipsLooseNodes = true
  /// Inner-loop steps of the last `breaks` call (tests check it grows linearly).
  private(set) var work = 0

  /// Sums of widths, stretch, shrink and letter stretch over items `0..<k`, carried along as the
  /// breaker walks the paragraph; a node keeps those at the start of its line. (Arrays of them
  /// for every item took 24–32 bytes an item: 130 MB of a 5.4 MB paragraph.) Added in item
  /// order, so the line sums are those of prefix arrays to the last bit.
  struct Sums {
    var width = 0.0, stretch = 0.0, shrink = 0.0, letters = 0.0

    @inline(__always) mutating func add(_ item: BreakItem) {
      if item.kind != .penalty {
        width += item.width
        if item.kind == .glue {
          stretch += item.stretch
          shrink += item.shrink
        }
      }
      letters += item.letterStretch
    }
  }

  init(items: [BreakItem], width: Double, firstLineWidth: Double? = nil) {
    self.items = items
    self.width = width
    self.firstLineWidth = firstLineWidth ?? width
    var monotone = true
    for item in items {
      if item.kind != .penalty && item.width < 0 { monotone = false }
      if item.kind == .glue && (item.stretch < 0 || item.shrink < 0) { monotone = false }
      if item.kind == .box && (item.startHang < 0 || item.startHang > item.width || item.letterStretch < 0) { monotone = false }
    }
    self.monotone = monotone
  }

  /// Nodes kept at most in the last `breaks` call, and nodes made in it (tests check a long
  /// paragraph keeps a small part of what it makes).
  private(set) var peakNodes = 0
  private(set) var nodesMade = 0
  /// Nodes are compacted when there are this many (then when they double): a long paragraph
  /// made millions, of which only the ancestors of the active nodes (about one a line) matter.
  static let compactionThreshold = 1 << 16

  /// Lines of alternatives the breaker keeps in a long paragraph: lines further back than this
  /// behind the best active node are settled (see `commit`). No paragraph of ordinary length
  /// (a few hundred lines) is affected.
  static let window = 512

  /// Settles the lines more than `window` lines behind the best of the newest active nodes:
  /// active nodes that do not descend from its ancestor there are dropped. Paths through a
  /// paragraph mostly meet within a few lines, but in a regular one (millions of one-letter
  /// words) dozens of equally good ones run side by side to its end, and each kept its own
  /// chain of nodes: memory grew by a kilobyte a line.
  private static func commit(_ nodes: inout [Node], active: inout [Int], window: Int) {
    guard let newest = active.last else { return }
    var best = newest
    for a in active where nodes[a].position == nodes[newest].position && nodes[a].demerits < nodes[best].demerits { best = a }
    var settled = best
    while settled > 0 && Int(nodes[best].line) - Int(nodes[settled].line) < window { settled = Int(nodes[settled].previous) }
    guard settled > 0 else { return }
    let line = nodes[settled].line
    active.removeAll { a in
      var k = a
      while k > 0 && nodes[k].line > line { k = Int(nodes[k].previous) }
      return k != settled
    }
  }

  /// Keeps only the nodes the active ones descend from (node 0, the start, stays first),
  /// renumbered in order; `active` is renumbered to match. Linear in `nodes`.
  private static func compact(_ nodes: inout [Node], active: inout [Int]) {
    var keep = [Bool](repeating: false, count: nodes.count)
    keep[0] = true
    for a in active {
      var k = a
      while k > 0 && !keep[k] {
        keep[k] = true
        k = Int(nodes[k].previous)
      }
    }
    var index = [Int32](repeating: -1, count: nodes.count)
    var out: [Node] = []
    for k in nodes.indices where keep[k] {
      var node = nodes[k]
      if node.previous >= 0 { node.previous = index[Int(node.previous)] }
      index[k] = Int32(out.count)
      out.append(node)
    }
    nodes = out
    for k in active.indices { active[k] = Int(index[active[k]]) }
  }

  /// A feasible break (64 bytes; compacted, and settled in a long paragraph: see `commit`).
  private struct Node {
    var position: Int32  // item of the break; -1 for the paragraph's start
    var start: Int32  // first item of the line after the break
    var sums: Sums  // over the items before `start`
    var line: Int32  // lines before this break
    var previous: Int32
    var demerits: Double
    var ratio: Float
    var fitness: Int8
    var hyphens: Int8  // lines in a row ending flagged
  }

  static func badness(_ ratio: Double) -> Double {
    let r = abs(ratio)
    return r > 10 ? 100_000 : 100 * r * r * r
  }

  static func fitness(_ ratio: Double) -> Int {
    ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
  }

  /// Whether a break at item `b` is possible in a pass that does (or does not) hyphenate.
  private func isLegal(_ b: Int, hyphenate: Bool) -> Bool {
    let item = items[b]
    switch item.kind {
    case .box: return false
    case .glue: return item.breakable && b > 0 && items[b - 1].kind == .box
    case .penalty: return item.cost < LineBreaker.never && (hyphenate || !item.isHyphenation)
    }
  }

  /// The first item of a line that starts after a break at `b`: glue and penalties after it are
  /// dropped, up to the next box or forced break.
  func lineStart(after b: Int) -> Int {
    var k = b + 1
    while k < items.count {
      let item = items[k]
      if item.kind == .box || (item.kind == .penalty && item.cost <= LineBreaker.forced) { break }
      k += 1
    }
    return k
  }

  /// The line from item `start` (sums `from` before it) to a break at `b` (sums `to` before it):
  /// natural width (less what hangs into the margins at its two ends), stretch, shrink.
  @inline(__always)
  private func measure(from start: Int, _ from: Sums, to b: Int, _ to: Sums, _ p: Parameters) -> (width: Double, stretch: Double, shrink: Double) {
    let item = items[b]
    var width = to.width - from.width
    if item.kind == .penalty { width += item.width }
    width -= item.hang
    if start < b, items[start].kind == .box { width -= items[start].startHang }
    var stretch = p.ragged ? 0 : to.stretch - from.stretch
    if p.letterSpacing && !p.ragged { stretch += to.letters - from.letters }
    let shrink = p.ragged ? 0 : to.shrink - from.shrink
    // The line before a forced break (a hard break, the paragraph's end) is set at its width.
    if item.kind == .penalty && item.cost <= LineBreaker.forced { stretch += LineBreaker.fil }
    if stretch < 1e-9 { stretch = item.breakStretch }
    return (width, stretch + p.backgroundStretch, shrink)
  }

  /// The sums before `lineStart(after: b)`, from those before `b`, and that start.
  @inline(__always)
  private func startSums(after b: Int, _ at: Sums) -> (start: Int, sums: Sums) {
    var sums = at
    var k = b
    let start = lineStart(after: b)
    while k < start {
      sums.add(items[k])
      k += 1
    }
    return (start, sums)
  }

  /// How loose each line of `lines` is with its glue alone (no background stretch): the
  /// stretch ratio a justified line is painted with. The last line and lines before a hard break
  /// count 0.
  func glueRatios(_ lines: [Line]) -> [Double] {
    var start = 0
    var from = Sums(), to = Sums()
    var k = 0
    var out: [Double] = []
    for line in lines {
      while k < line.end {
        to.add(items[k])
        k += 1
      }
      let item = items[line.end]
      if item.kind == .penalty && item.cost <= LineBreaker.forced {
        out.append(0)
      } else {
        let m = measure(from: start, from, to: line.end, to, Parameters())
        let target = lineWidth(out.count)
        out.append(m.width < target ? (m.stretch > 0 ? (target - m.width) / m.stretch : .infinity) : 0)
      }
      (start, from) = startSums(after: line.end, to)
    }
    return out
  }

  /// The best breaks under `p`, or nil when no set of lines fits (then try a looser pass).
  mutating func breaks(_ p: Parameters) -> [Line]? {
    work = 0
    guard !items.isEmpty else { return [] }
    var nodes: [Node] = [Node(position: -1, start: 0, sums: Sums(), line: 0, previous: -1, demerits: 0, ratio: 0, fitness: 1, hyphens: 0)]
    var active: [Int] = [0]
    var next: [Int] = []
    var best = [(demerits: Double, node: Int, ratio: Double, hyphens: Int)](repeating: (.infinity, -1, 0, 0), count: 4)
    var compactAt = LineBreaker.compactionThreshold
    peakNodes = 0
    nodesMade = 0
    var sums = Sums()  // before item `b`
    for b in 0..<items.count {
      defer { sums.add(items[b]) }
      guard isLegal(b, hyphenate: p.hyphenate) else { continue }
      let item = items[b]
      let isForced = item.kind == .penalty && item.cost <= LineBreaker.forced
      for f in 0..<4 { best[f] = (.infinity, -1, 0, 0) }
      next.removeAll(keepingCapacity: true)
      var i = 0
      while i < active.count {
        let a = active[i]
        i += 1
        work += 1
        let node = nodes[a]
        let target = lineWidth(Int(node.line))
        let m = measure(from: Int(node.start), node.sums, to: b, sums, p)
        var ratio: Double
        if m.width < target {
          ratio = m.stretch > 0 ? (target - m.width) / m.stretch : .infinity
        } else if m.width > target {
          ratio = m.shrink > 0 ? (target - m.width) / m.shrink : -.infinity
        } else {
          ratio = 0
        }
        if ratio < -1 {
          continue  // overfull from here on: this node is done
        }
        if !isForced { next.append(a) }
        guard ratio <= p.tolerance else {
          // Active nodes are in the order of their positions: the lines from the later ones
          // are shorter and have less stretch, so they are too loose as well (also when one
          // has no glue and takes the break's stretch instead). They stay active untried: in a
          // paragraph of short words, most of a line's worth of nodes are too loose at a break.
          if !isForced && monotone && skipsLooseNodes && node.line >= 1 && i < active.count {
            let fallback = item.breakStretch + p.backgroundStretch
            if fallback <= 0 || (target - m.width) / fallback > p.tolerance {
              next.append(contentsOf: active[i...])
              break
            }
          }
          continue
        }
        let previousFlagged = node.position >= 0 && items[Int(node.position)].kind == .penalty && items[Int(node.position)].flagged
        let isFlagged = item.kind == .penalty && item.flagged
        if isFlagged && previousFlagged && p.consecutiveHyphens > 0 && node.hyphens >= p.consecutiveHyphens { continue }
        var d = p.linePenalty + LineBreaker.badness(ratio)
        d *= d
        if item.kind == .penalty {
          if item.cost > 0 { d += item.cost * item.cost } else if !isForced { d -= item.cost * item.cost }
        }
        if isFlagged && previousFlagged { d += p.flaggedDemerits }
        if isForced && previousFlagged && b == items.count - 1 { d += p.finalHyphenDemerits }
        let f = LineBreaker.fitness(ratio)
        if abs(f - Int(node.fitness)) > 1 { d += p.fitnessDemerits }
        d += node.demerits
        if d < best[f].demerits {
          best[f] = (d, a, ratio, isFlagged ? (previousFlagged ? Int(node.hyphens) + 1 : 1) : 0)
        }
      }
      swap(&active, &next)
      var least = Double.infinity
      for f in 0..<4 where best[f].demerits < least { least = best[f].demerits }
      if least < .infinity {
        let (start, startSums) = startSums(after: b, sums)
        for f in 0..<4 where best[f].node >= 0 && best[f].demerits <= least + p.fitnessDemerits {
          nodes.append(
            Node(
              position: Int32(b), start: Int32(start), sums: startSums, line: nodes[best[f].node].line + 1, previous: Int32(best[f].node),
              demerits: best[f].demerits, ratio: Float(best[f].ratio), fitness: Int8(f), hyphens: Int8(min(best[f].hyphens, 100))))
          active.append(nodes.count - 1)
          nodesMade += 1
        }
      }
      // No line can reach further: this pass fails (a hard break keeps only the nodes made at it).
      if active.isEmpty { return nil }
      if nodes.count >= compactAt {
        LineBreaker.commit(&nodes, active: &active, window: LineBreaker.window)
        LineBreaker.compact(&nodes, active: &active)
        compactAt = max(2 * nodes.count, LineBreaker.compactionThreshold)
      }
      peakNodes = max(peakNodes, nodes.count)
    }
    // The paragraph ends with a forced break: the best node there.
    var chosen = -1
    for a in active where nodes[a].position == Int32(items.count - 1) {
      if chosen < 0 || nodes[a].demerits < nodes[chosen].demerits { chosen = a }
    }
    guard chosen >= 0 else { return nil }
    var lines: [Line] = []
    var k = chosen
    while k > 0 {
      lines.append(Line(end: Int(nodes[k].position), ratio: Double(nodes[k].ratio)))
      k = Int(nodes[k].previous)
    }
    return lines.reversed()
  }

  /// First fit, for when no pass finds lines within tolerance: each line takes as much as fits,
  /// or, when nothing fits, up to the first break opportunity (an overfull line).
  mutating func greedy(_ p: Parameters) -> [Line] {
    var lines: [Line] = []
    var start = 0
    var from = Sums()
    var lastFit = -1
    var atLastFit = Sums()
    var b = 0
    var sums = Sums()  // before item `b`
    while b < items.count {
      work += 1
      if isLegal(b, hyphenate: p.hyphenate) {
        let item = items[b]
        let m = measure(from: start, from, to: b, sums, p)
        let fits = m.width - m.shrink <= lineWidth(lines.count)
        if !fits {
          let end = lastFit >= 0 ? lastFit : b
          let atEnd = lastFit >= 0 ? atLastFit : sums
          lines.append(Line(end: end, ratio: 0))
          (start, from) = startSums(after: end, atEnd)
          lastFit = -1
          b = end + 1
          sums = atEnd
          sums.add(items[end])
          continue
        }
        if item.kind == .penalty && item.cost <= LineBreaker.forced {
          lines.append(Line(end: b, ratio: 0))
          (start, from) = startSums(after: b, sums)
          lastFit = -1
        } else {
          lastFit = b
          atLastFit = sums
        }
      }
      sums.add(items[b])
      b += 1
    }
    return lines
  }
}
