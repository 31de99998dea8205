import ImprentaModel

/// A table laid out as aligned columns, for plain text.
///
/// Columns are separated by two spaces; the header row is followed by a dashed rule under each
/// column. Column widths come from the content: every column gets its natural width when the
/// table fits; otherwise each column starts at its widest word and the columns that want more
/// share the room left in proportion to what they want. Cells wrap inside their column, and when
/// any row takes more than one line, body rows are set apart by blank lines. A table whose widest
/// words alone do not fit side by side is written as one record per row (`Header: value`).
struct TextTable: Sendable, Hashable {
  /// One alignment per column.
  var alignments: [ColumnAlignment]
  /// The header cells, or none when every header cell is empty.
  var header: [[FlowItem]]?
  /// The body rows, each with one cell per column.
  var rows: [[[FlowItem]]]

  /// The gap between columns.
  static let gap = "  "

  var columnCount: Int { alignments.count }

  /// Every row, the header first.
  var allRows: [[[FlowItem]]] { (header.map { [$0] } ?? []) + rows }

  /// The lines of the table for a space `width` columns wide.
  func render(width: Int) -> [String] {
    guard columnCount > 0 else { return [] }
    guard let widths = columnWidths(for: width) else { return renderRecords(width: width) }
    var lines: [String] = []
    let body = rows.map { cells(of: $0, widths: widths) }
    let headerCells = header.map { cells(of: $0, widths: widths) }
    let wraps = (body + (headerCells.map { [$0] } ?? [])).contains { row in row.contains { $0.count > 1 } }
    if let headerCells {
      lines += join(headerCells, widths: widths)
      lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: TextTable.gap))
    }
    for (i, row) in body.enumerated() {
      if wraps && i > 0 { lines.append("") }
      lines += join(row, widths: widths)
    }
    return lines
  }

  // MARK: - Column widths

  /// The width of each column, or nil when the columns cannot sit side by side in `width`.
  func columnWidths(for width: Int) -> [Int]? {
    var natural = [Int](repeating: 1, count: columnCount)
    var least = [Int](repeating: 1, count: columnCount)
    for row in allRows {
      for (c, cell) in row.enumerated() where c < columnCount {
        for segment in TextLayout.segments(cell) {
          natural[c] = max(natural[c], LineWrapper.naturalWidth(segment))
          least[c] = max(least[c], LineWrapper.widestWord(segment))
        }
      }
    }
    let gaps = TextTable.gap.count * (columnCount - 1)
    let room = width - gaps
    if natural.reduce(0, +) <= room { return natural }
    let leastTotal = least.reduce(0, +)
    guard leastTotal <= room else { return nil }
    // Share what is left in proportion to what each column still wants (integer arithmetic,
    // leftover columns handed out from the left, so the result never depends on anything else).
    let spare = room - leastTotal
    let wants = zip(natural, least).map { $0 - $1 }
    let totalWant = wants.reduce(0, +)
    var widths = least
    var given = 0
    for c in 0..<columnCount {
      let share = wants[c] * spare / max(totalWant, 1)
      widths[c] += share
      given += share
    }
    var c = 0
    while given < spare && c < columnCount {
      if widths[c] < natural[c] {
        widths[c] += 1
        given += 1
      }
      c += 1
    }
    return widths
  }

  // MARK: - Rows

  /// Each cell of a row wrapped to its column.
  func cells(of row: [[FlowItem]], widths: [Int]) -> [[String]] {
    (0..<columnCount).map { c in c < row.count ? TextLayout.renderFlow(row[c], width: widths[c]) : [] }
  }

  /// The lines of one row: cells padded to their column and aligned.
  func join(_ cells: [[String]], widths: [Int]) -> [String] {
    let height = max(cells.map(\.count).max() ?? 0, 1)
    return (0..<height).map { line in
      (0..<columnCount).map { c in
        pad(line < cells[c].count ? cells[c][line] : "", to: widths[c], alignment: alignments[c])
      }.joined(separator: TextTable.gap)
    }
  }

  /// `text` padded with spaces to `width` columns, as the column's alignment says.
  func pad(_ text: String, to width: Int, alignment: ColumnAlignment) -> String {
    let spare = max(0, width - DisplayWidth.of(text))
    switch alignment {
    case .none, .left: return text + String(repeating: " ", count: spare)
    case .right: return String(repeating: " ", count: spare) + text
    case .center: return String(repeating: " ", count: spare / 2) + text + String(repeating: " ", count: spare - spare / 2)
    }
  }

  // MARK: - Records

  /// The table as one block per row, each cell on its own line after its column's header.
  func renderRecords(width: Int) -> [String] {
    let labels: [String] = (0..<columnCount).map { c in
      guard let header, c < header.count else { return "" }
      return LineWrapper.words(TextLayout.segments(header[c]).joined(separator: " ")).map { String($0.text) }.joined(separator: " ")
    }
    let records = rows.map { row in
      TextLayout.stack(
        (0..<columnCount).map { c in
          let cell = TextLayout.flow(c < row.count ? row[c] : [])
          if labels[c].isEmpty { return cell }
          // A short header hangs its value after it; a long one gets a line of its own.
          if DisplayWidth.of(labels[c]) + 2 <= width / 2 { return .hang(labels[c] + ": ", cell) }
          return .stack([.flow([.text(labels[c] + ":")]), .indent(2, cell)], blankBetween: false)
        }, blankBetween: false)
    }
    return TextLayout.stack(records, blankBetween: true).render(width: width)
  }
}
