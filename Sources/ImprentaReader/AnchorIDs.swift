import ImprentaModel

/// Gives headings (and, when asked, defined terms) their ids once the whole page is read, so
/// ids are unique whatever made the heading: the page's Markdown, a shortcode's body, a
/// definition. As Hugo does, in reading order: an id given with `{#id}` is kept as written,
/// one made from the text gets `-1`, `-2`… when taken; `{anchor=false}` leaves a heading without id.
enum AnchorIDs {
  /// `blocks` with their final ids. A heading's `id` holds its text's slug until then.
  static func assign(_ blocks: [Block], options: MarkupOptions) -> [Block] {
    var ids = UniqueIDs()
    func reserve(_ a: Attributes) {
      if !a.id.isEmpty { ids.reserve(a.id) }
    }
    return blocks.map { block in
      block.rewritingBlocks { b in
        switch b {
        case .heading(var h):
          if !h.attributes.id.isEmpty {
            ids.reserve(h.attributes.id)
            h.id = h.attributes.id
          } else if h.attributes["anchor"]?.lowercased() == "false" || !options.autoHeadingID {
            h.id = ""
          } else {
            h.id = ids.make(from: h.id)
          }
          return .heading(h)
        case .definitionList(var d):
          reserve(d.attributes)
          if options.autoDefinitionTermID {
            for i in d.items.indices {
              for t in d.items[i].terms.indices {
                d.items[i].terms[t].id = ids.make(from: Slug.github(d.items[i].terms[t].content.plainText))
              }
            }
          }
          return .definitionList(d)
        case .paragraph(let p): reserve(p.attributes)
        case .list(let l): reserve(l.attributes)
        case .blockQuote(let q): reserve(q.attributes)
        case .codeBlock(let c): reserve(c.attributes)
        case .table(let t): reserve(t.attributes)
        case .figure(let f): reserve(f.attributes)
        case .container(let c): reserve(c.attributes)
        case .thematicBreak, .footnoteDefinition, .html, .embed: break
        }
        return b
      }
    }
  }
}
