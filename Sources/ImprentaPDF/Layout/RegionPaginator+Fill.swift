import ImprentaStyle

/// Filling one band of the region paginator: its strips placed column by column, keeps, waiting
/// figures, repeated table headers and notes within the room left (`RegionPaginator`).
extension RegionPaginator {
  /// Where the filling of a run is: the next strip, the rest of a strip cut at a column's foot,
  /// and the figures waiting for the next region.
  struct Cursor {
    var index: Int
    var head: Slice? = nil
    var queue: [[Slice]] = []
  }

  /// One strip placed in a band: its column and top in the column.
  struct Placed {
    var slice: Slice
    var column: Int
    var y: Double
    var dropSpace: Bool
    /// A figure set after text that followed it: not where its page's text begins.
    var deferred: Bool
  }

  /// A filled band: the strips placed, where the run goes on, the tallest column.
  struct Band {
    var placed: [Placed] = []
    var cursor: Cursor
    var tallest = 0.0
  }

  /// Fills one band of `n` columns whose top is `top` (from the text area's top), each column at
  /// most `limit` tall and, with the notes its strips call, within `cap`. Stops when the columns
  /// are full or the run ends. Nothing is changed: balancing calls this for several heights.
  func fill(_ run: [Slice], from start: Cursor, columns n: Int, top: Double, cap: Double, limit: Double, tail: Double, allowDefer: Bool) -> Band {
    var band = Band(cursor: start)
    var cursor = start
    var calls: [(note: Int, body: Double)] = []  // notes called in the band, under the foot of their line
    let fullRegion = top == 0  // the band starts at the page's top: nothing gets more room later
    // What no column can hold is set anyway only there, and not while balancing searches a lower
    // height (a group that a column could hold then starts the next column whole).
    let force = fullRegion && limit >= cap - 0.01
    let dropAtTop = n > 1 || top == 0
    var column = 0, cy = 0.0
    var bodyInColumn = false  // a strip of the run (not a waiting figure) in this column
    /// The room a column has with `extra` notes called too by strips `need` tall.
    func room(_ extra: [Int], need: Double) -> Double {
      let body = top + max(band.tallest, cy + need)
      return min(limit, cap - footnotes.demand(adding: calls + extra.map { ($0, body) }))
    }
    func height(_ group: [Slice], atTop: Bool) -> Double {
      var h = 0.0
      for (k, s) in group.enumerated() { h += s.height + (k == 0 && atTop && dropAtTop ? 0 : s.spaceBefore) }
      return h
    }
    func put(_ s: Slice, deferred: Bool) {
      let atTop = cy == 0 && dropAtTop
      if !atTop { cy += s.spaceBefore }
      band.placed.append(Placed(slice: s, column: column, y: cy, dropSpace: atTop, deferred: deferred))
      cy += s.height
      band.tallest = max(band.tallest, cy)
      calls += s.footnotes.map { ($0, top + band.tallest) }
    }
    func nextColumn() {
      column += 1
      cy = 0
      bodyInColumn = false
    }

    while column < n {
      // The top of a column: waiting figures first, in order.
      if cy == 0 && !bodyInColumn {
        while let group = cursor.queue.first {
          let h = height(group, atTop: true)
          guard cy + h <= room(group.flatMap(\.footnotes), need: h) + 0.01 || (cy == 0 && force) else { break }
          for s in group { put(s, deferred: true) }
          cursor.queue.removeFirst()
        }
      }
      let runDone = cursor.index >= run.count && cursor.head == nil
      if runDone {
        // The run is over; in a column band its waiting figures still go in it.
        guard n > 1, let group = cursor.queue.first else { break }
        let h = height(group, atTop: cy == 0)
        if cy + h <= room(group.flatMap(\.footnotes), need: h) + 0.01 || (cy == 0 && force) {
          for s in group { put(s, deferred: true) }
          cursor.queue.removeFirst()
          continue
        }
        nextColumn()
        continue
      }
      // The next group: strips joined by keepWithNext.
      var group: [Slice] = [cursor.head ?? run[cursor.index]]
      var j = cursor.index
      while j + 1 < run.count && group[group.count - 1].keepWithNext {
        j += 1
        group.append(run[j])
      }
      let floating = allowDefer && cursor.head == nil && group.allSatisfy(\.deferrable)
      // A figure after one still waiting waits too: figures keep their order.
      if floating && !cursor.queue.isEmpty {
        cursor.queue.append(group)
        cursor.index = j + 1
        continue
      }
      // A figure that holds its place (it does not float) comes after those still waiting: they
      // open the next region and it follows them there, before any text after it.
      if !cursor.queue.isEmpty && cursor.head == nil && group.allSatisfy(\.figure) {
        nextColumn()
        continue
      }
      // A table's header row heads each column and page its rows go on to.
      // (Not a header that leaves no room for the first line of a row under it in a whole column.)
      if !bodyInColumn, let header = group[0].repeatHeader,
        height(header, atTop: true) + (group[0].breaks.first.map { $0 + group[0].breakPadding } ?? group[0].height) <= geometry.textHeight
      {
        group.insert(contentsOf: header, at: 0)
      }
      let groupCalls = group.flatMap(\.footnotes)
      var need = height(group, atTop: cy == 0)
      // The run's last group kept with the next run's first: in one column that follows in the
      // column; in columns it opens a band under this one, below its tallest column.
      let kept = j == run.count - 1 && group[group.count - 1].keepWithNext ? tail : 0
      var keptFits = true
      if n == 1 {
        need += kept
      } else if kept > 0 {
        let bottom = max(band.tallest, cy + need)
        keptFits = bottom + kept <= cap - footnotes.demand(adding: calls + groupCalls.map { ($0, top + bottom) }) + 0.01
      }
      let groupRoom = room(groupCalls, need: need)
      if cy + need <= groupRoom + 0.01 && band.tallest <= groupRoom + 0.01 && keptFits {
        for s in group { put(s, deferred: false) }
        bodyInColumn = true
        cursor.head = nil
        cursor.index = j + 1
        continue
      }
      // What it is kept with cannot follow under this band: it goes on to the next page with it
      // (a heading in a column over a spanning table or figure never ends the page).
      if !keptFits && (column > 0 || cy > 0) {
        nextColumn()
        continue
      }
      // It does not fit. A figure waits for the next region while the text after it fills the gap.
      if floating && !(cy == 0 && fullRegion) {
        cursor.queue.append(group)
        cursor.index = j + 1
        continue
      }
      // Would the group fit a whole empty column? Then it starts one.
      let fullRoom = geometry.textHeight - footnotes.demand(adding: groupCalls.map { ($0, 0) })
      // The room a strip has in an empty column: less its table's header, repeated above it there.
      func aloneRoom(_ s: Slice) -> Double { fullRoom - (s.repeatHeader.map { height($0, atTop: true) } ?? 0) }
      let cuttable = group.contains { !$0.breaks.isEmpty && $0.height > aloneRoom($0) }
      if !cuttable && (cy > 0 || !force) && height(group, atTop: true) <= fullRoom + 0.01 {
        nextColumn()
        continue
      }
      // Taller than any column: set it strip by strip, cutting a strip no column can hold between
      // its lines. (Strips before `headerCount` are a repeated header, not of the run.)
      let headerCount = group.count - (j - cursor.index + 1)
      let emptyColumn = cy == 0
      var k = 0
      var cut: Slice? = nil
      while k < group.count {
        let s = group[k]
        let space = cy == 0 && dropAtTop ? 0 : s.spaceBefore
        if cy + space + s.height <= room(s.footnotes, need: space + s.height) + 0.01 {
          put(s, deferred: false)
          k += 1
          continue
        }
        if k >= headerCount, !s.breaks.isEmpty, s.height > aloneRoom(s) - 0.01,
          let (upper, rest) = s.split(within: room(s.footnotes, need: 0) - cy - space)
        {
          put(upper, deferred: false)
          cut = rest
          break
        }
        if force && (cy == 0 || (emptyColumn && k == headerCount)) {
          // Nothing can hold it (under its repeated header): set it anyway, so each page moves on.
          put(s, deferred: false)
          k += 1
          continue
        }
        break
      }
      if k > 0 || cut != nil { bodyInColumn = true }
      if k == group.count {
        cursor.head = nil
        cursor.index = j + 1
        continue
      }
      // Go on in the next column from strip k (its rest, when it was cut).
      if k > headerCount { cursor.head = nil }
      cursor.index += max(0, k - headerCount)
      if let cut { cursor.head = cut }
      nextColumn()
    }
    band.cursor = cursor
    return band
  }
}
