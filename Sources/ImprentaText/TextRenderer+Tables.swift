import ImprentaModel

extension TextRenderer {
  /// A table: its cells as running text, laid out in columns by `TextTable` at render time.
  /// A header row whose cells are all empty is left out, rule and all.
  mutating func renderTable(_ table: Table) -> TextLayout {
    let columns = table.columnCount
    func cells(_ row: [TableCell]) -> [[FlowItem]] {
      (0..<columns).map { c in c < row.count ? flow(row[c].content) : [] }
    }
    let header = cells(table.header)
    let hasHeader = header.contains { cell in
      TextLayout.segments(cell).contains { !LineWrapper.words($0).isEmpty }
    }
    var rows: [[[FlowItem]]] = []
    rows.reserveCapacity(table.rows.count)
    for row in table.rows { rows.append(cells(row)) }
    return .table(TextTable(alignments: table.alignments, header: hasHeader ? header : nil, rows: rows))
  }
}
