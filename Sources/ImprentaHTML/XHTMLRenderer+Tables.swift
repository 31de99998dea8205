import ImprentaModel

extension XHTMLRenderer {
  /// A table with `thead` (when the header says anything) and `tbody`, each cell aligned as its column.
  mutating func renderTable(_ t: Table, into parent: XMLNode) {
    let table = parent.element("table")
    setAttributes(t.attributes, on: table, range: t.range)
    if t.header.contains(where: { !$0.content.isEmpty }) {
      let row = table.element("thead").element("tr")
      for (i, cell) in t.header.enumerated() {
        let th = row.element("th", ["scope": "col"])
        align(th, t.alignments, i)
        renderInlines(cell.content, into: th, range: cell.range)
      }
    }
    guard !t.rows.isEmpty else { return }
    let body = table.element("tbody")
    for cells in t.rows {
      let row = body.element("tr")
      for (i, cell) in cells.enumerated() {
        let td = row.element("td")
        align(td, t.alignments, i)
        renderInlines(cell.content, into: td, range: cell.range)
      }
    }
  }

  func align(_ cell: XMLNode, _ alignments: [ColumnAlignment], _ column: Int) {
    guard column < alignments.count else { return }
    switch alignments[column] {
    case .none: break
    case .left: cell.set("style", "text-align: left")
    case .center: cell.set("style", "text-align: center")
    case .right: cell.set("style", "text-align: right")
    }
  }
}
