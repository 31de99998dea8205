import ImprentaStyle

/// The footnotes at the foot of the page being filled, for the paginator (in one column and in
/// several): which notes its lines call, how much room they need, and where they are set.
///
/// A note is set whole on the page that calls it when it fits there (decided when its call is
/// placed, as TeX does). A long one (taller than half the text area) needs only its first line on
/// that page; one of four lines or more that does not fit the room left needs its first two; what
/// does not fit goes on at the foot of the next pages, before their own notes. Shorter notes are
/// never split: their call moves on instead. Nothing is drawn outside the text area.
struct FootnoteArea {
  /// Footnote bodies by number, laid out at the text width.
  let notes: [Int: [Slice]]
  let geometry: PageGeometry
  /// Space between the body and the note rule.
  var gap: Double = 10
  var ruleColor: Color = Color(hex: 0x999999)
  /// Right-to-left pages: the note rule starts at the right edge.
  var rightToLeft = false

  /// Notes called on the page being filled, in order.
  private(set) var pageNotes: [Int] = []
  /// Lines of notes begun on an earlier page, to set first.
  private(set) var carried: [Slice] = []
  private var placed: Set<Int> = []
  /// Notes of the page being filled that were called where they did not fit whole.
  private var splitNotes: Set<Int> = []

  init(notes: [Int: [Slice]], geometry: PageGeometry) {
    // A strip of a note taller than half a page (a table row in a note) is cut first: notes are
    // split between strips.
    self.notes = notes.mapValues { $0.flatMap { $0.pieces(fitting: geometry.textHeight / 2) } }
    self.geometry = geometry
  }

  /// Whether lines of notes begun on earlier pages are still to be set.
  var hasCarried: Bool { !carried.isEmpty }

  private static func height(_ lines: [Slice]) -> Double { lines.reduce(0) { $0 + $1.height + $1.spaceBefore } }

  /// Whether note `n` may be split across pages.
  private func isLong(_ n: Int) -> Bool { FootnoteArea.height(notes[n] ?? []) > geometry.textHeight / 2 }

  /// The least of note `n` its page must hold when split: the first line of a long note, the
  /// first two of one of four lines or more; nil when it is never split.
  private func splitHeight(_ n: Int) -> Double? {
    guard let lines = notes[n], let first = lines.first else { return nil }
    if isLong(n) { return first.height }
    guard lines.count >= 4 else { return nil }
    return FootnoteArea.height(Array(lines.prefix(2)))
  }

  /// The room the page's notes need if `calls` are called on it too, each under `body` points of
  /// body (the foot of the line that calls it): notes whole when they fit under their call, split
  /// ones in part, carried lines up to half the text area.
  func demand(adding calls: [(note: Int, body: Double)] = []) -> Double {
    var h = 0.0
    var any = false
    if !carried.isEmpty {
      h += min(FootnoteArea.height(carried), geometry.textHeight / 2) + 2
      any = true
    }
    var seen: Set<Int> = []
    for n in pageNotes where seen.insert(n).inserted {
      guard let lines = notes[n] else { continue }
      h += (splitNotes.contains(n) ? splitHeight(n) ?? FootnoteArea.height(lines) : FootnoteArea.height(lines)) + 2
      any = true
    }
    for (n, body) in calls where !placed.contains(n) && seen.insert(n).inserted {
      guard let lines = notes[n] else { continue }
      let whole = FootnoteArea.height(lines)
      h += (fits(under: body, notes: h + whole) ? whole : splitHeight(n) ?? whole) + 2
      any = true
    }
    return any ? h + gap : 0
  }

  /// Whether notes `notesHeight` tall fit under `body` points of body.
  private func fits(under body: Double, notes notesHeight: Double) -> Bool {
    body + notesHeight + gap + 2 <= geometry.textHeight + 0.01
  }

  /// Notes called by a line placed on the page, its foot `body` points below the text area's top.
  mutating func call(_ numbers: [Int], body: Double = 0) {
    for n in numbers where !pageNotes.contains(n) && !placed.contains(n) && notes[n] != nil {
      let whole = FootnoteArea.height(notes[n] ?? [])
      let before = demand()
      if isLong(n) || !fits(under: body, notes: (before > 0 ? before - gap : 0) + whole) { splitNotes.insert(n) }
      pageNotes.append(n)
    }
  }

  /// The page's notes (carried lines first) at its foot under a short rule, in the room left under
  /// `bodyHeight`; lines that do not fit are carried to the next page. Anchors are recorded.
  mutating func finishPage(bodyHeight: Double, page: Int, anchorPages: inout [String: Int]) -> [PageItem] {
    // The lines in order, a note's first line 2 points below the note before it.
    var lines = carried
    for n in pageNotes {
      placed.insert(n)
      for (k, line) in (notes[n] ?? []).enumerated() {
        var l = line
        if k == 0 && !lines.isEmpty { l.spaceBefore += 2 }
        lines.append(l)
      }
    }
    pageNotes = []
    splitNotes = []
    carried = []
    guard !lines.isEmpty else { return [] }
    // (2 points are left under the last note, as under every note.)
    let room = geometry.textHeight - bodyHeight - gap - 2
    var used = 0.0
    var count = 0
    for (k, line) in lines.enumerated() {
      let h = line.height + (k == 0 ? 0 : line.spaceBefore)
      // On a page with no body, at least one line, so the notes always end.
      guard used + h <= room + 0.01 || (count == 0 && bodyHeight == 0) else { break }
      used += h
      count += 1
    }
    carried = Array(lines[count...])
    if !carried.isEmpty { carried[0].spaceBefore = 0 }
    guard count > 0 else { return [] }
    let left = geometry.left(page: page)
    var ny = geometry.marginTop + geometry.textHeight - 2 - used
    let ruleX = rightToLeft ? left + geometry.textWidth * 2 / 3 : left
    var items = [PageItem(.rule(x0: ruleX, y0: ny - gap / 2, x1: ruleX + geometry.textWidth / 3, y1: ny - gap / 2, width: 0.5, color: ruleColor))]
    for (k, line) in lines[..<count].enumerated() {
      if k > 0 { ny += line.spaceBefore }
      for item in line.items {
        let placed = item.offsetBy(dx: left, dy: ny)
        if case .anchor(let name, _, _) = placed.kind, anchorPages[name] == nil { anchorPages[name] = page }
        items.append(placed)
      }
      ny += line.height
    }
    return items
  }
}
