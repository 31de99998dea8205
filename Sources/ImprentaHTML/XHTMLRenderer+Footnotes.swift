import ImprentaModel

extension XHTMLRenderer {
  /// A note call: a superscript link to the note, with an id the note links back to.
  mutating func renderFootnoteCall(_ r: FootnoteReference, into parent: XMLNode) {
    let sup = parent.element("sup", ["class": "footnote-ref"])
    guard !parent.hasAncestor(named: "a") else {
      sup.text(String(r.number))
      return
    }
    let count = footnoteCalls[r.number, default: 0] + 1
    footnoteCalls[r.number] = count
    let a = sup.element("a", ["href": "#fn-\(r.number)"])
    let id = count == 1 ? "fnref-\(r.number)" : "fnref-\(r.number)-\(count)"
    if ids.insert(id).inserted { a.set("id", id) }
    a.set("role", "doc-noteref")
    if flavor == .epub { a.set("epub:type", "noteref") }
    a.text(String(r.number))
  }

  /// The notes of the document as a section, each with links back to its calls.
  mutating func renderNotes(into parent: XMLNode) {
    let notes = document.footnotes
    guard !notes.isEmpty else { return }
    let section = parent.element("section", ["class": "footnotes", "role": "doc-endnotes"])
    if flavor == .epub { section.set("epub:type", "endnotes") }
    section.element("h2").text(localization.notes)
    let list = section.element("ol")
    for note in notes {
      let li = list.element("li", ["id": "fn-\(note.number)"])
      if flavor == .epub { li.set("epub:type", "endnote") }
      li.set("role", "doc-endnote")
      var blocks = note.blocks
      var last: Paragraph?
      if case .paragraph(let p)? = blocks.last {
        last = p
        blocks.removeLast()
      }
      render(blocks, into: li)
      let p = li.element("p")
      if let last { renderInlines(last.content, into: p, range: last.range) }
      let calls = footnoteCalls[note.number, default: 0]
      for k in 0..<max(calls, 0) {
        p.text(" ")
        let id = k == 0 ? "fnref-\(note.number)" : "fnref-\(note.number)-\(k + 1)"
        let back = p.element("a", ["href": "#" + id, "class": "footnote-back", "role": "doc-backlink"])
        back.text(k == 0 ? "\u{21A9}\u{FE0E}" : "\u{21A9}\u{FE0E}\(k + 1)")
      }
    }
  }
}
