// The prose of a document: what language detection reads.

import ImprentaModel

extension Document {
  /// The document's prose, one block a line: headings, paragraphs, list items, quotes, table
  /// cells, figure captions and footnotes. Never code (blocks or inline), raw HTML, embeds,
  /// images, front matter, or a link whose text is its own address.
  public var prose: String {
    var out = ""
    func inlines(_ list: [Inline]) {
      for i in list {
        switch i {
        case .text(let t): out += t.string
        case .emphasis(let s), .strong(let s), .strikethrough(let s): inlines(s.content)
        case .span(let s): inlines(s.content)
        case .link(let l):
          if !l.isAutolink && l.content.plainText != l.destination { inlines(l.content) }
        case .softBreak, .hardBreak, .code: out += " "
        case .image, .footnoteReference: break
        }
      }
    }
    func line(_ list: [Inline]) {
      inlines(list)
      out += "\n"
    }
    func visit(_ list: [Block]) {
      for b in list {
        switch b {
        case .heading(let h): line(h.content)
        case .paragraph(let p): line(p.content)
        case .figure(let f): line(f.caption)
        case .table(let t): for c in t.header + t.rows.flatMap({ $0 }) { line(c.content) }
        case .definitionList(let d):
          for item in d.items {
            for term in item.terms { line(term.content) }
            for definition in item.definitions { visit(definition) }
          }
        case .list, .blockQuote, .footnoteDefinition, .container: visit(b.children)
        case .codeBlock, .thematicBreak, .html, .embed: break
        }
      }
    }
    visit(blocks)
    return out
  }
}
