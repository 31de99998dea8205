import Foundation

/// Links between the pages of one publication read from a plain content folder, the way Hugo
/// would serve them: `other.md`, `../dir/other.md#a`, `/dir/other/`, `/dir/other` become
/// `imprenta-page:dir/other#a` when that page is part of the export, so each backend can make
/// them internal (a sibling XHTML file, a heading of the same book) or plain text.
struct PageLinkResolver: Sendable {
  /// Relative names (`dir/other`) of every page of the publication.
  let pages: Set<String>

  /// The document with its links to other pages rewritten.
  func resolve(_ document: Document) -> Document {
    var d = document
    d.blocks = d.blocks.map { rewrite($0, from: document.relativeName) }
    return d
  }

  /// The relative name of the page `destination` points at, and its anchor, if it is one of ours.
  func target(of destination: String, from page: String) -> (String, String)? {
    guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.contains("://"), !destination.hasPrefix("mailto:"),
      !destination.hasPrefix(internalLinkScheme)
    else { return nil }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    var path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
    let anchor = parts.count > 1 ? String(parts[1]) : ""
    if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
    var components: [Substring] = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
    for c in path.split(separator: "/") {
      if c == "." || c.isEmpty { continue }
      if c == ".." {
        if components.isEmpty { return nil }
        components.removeLast()
      } else {
        components.append(c)
      }
    }
    var name = components.joined(separator: "/")
    for ext in [".md", ".markdown", ".html", ".xhtml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
    for candidate in [name, name + "/index", name + "/_index", name.isEmpty ? "_index" : name] where pages.contains(candidate) {
      return (candidate, anchor)
    }
    return nil
  }

  func rewrite(_ block: Block, from page: String) -> Block {
    switch block {
    case .heading(var h): h.content = rewrite(h.content, from: page); return .heading(h)
    case .paragraph(var p): p.content = rewrite(p.content, from: page); return .paragraph(p)
    case .list(var l):
      l.items = l.items.map { item in
        var i = item
        i.blocks = i.blocks.map { rewrite($0, from: page) }
        return i
      }
      return .list(l)
    case .blockQuote(var q): q.blocks = q.blocks.map { rewrite($0, from: page) }; return .blockQuote(q)
    case .table(var t):
      t.header = t.header.map { TableCell(rewrite($0.content, from: page), range: $0.range) }
      t.rows = t.rows.map { $0.map { TableCell(rewrite($0.content, from: page), range: $0.range) } }
      return .table(t)
    case .figure(var f): f.caption = rewrite(f.caption, from: page); return .figure(f)
    case .footnoteDefinition(var f): f.blocks = f.blocks.map { rewrite($0, from: page) }; return .footnoteDefinition(f)
    case .container(var c): c.blocks = c.blocks.map { rewrite($0, from: page) }; return .container(c)
    case .codeBlock, .thematicBreak, .html, .embed: return block
    }
  }

  func rewrite(_ inlines: [Inline], from page: String) -> [Inline] {
    inlines.map { i in
      switch i {
      case .link(var l):
        l.content = rewrite(l.content, from: page)
        if let (target, anchor) = target(of: l.destination, from: page) {
          l.destination = Link.internalDestination(page: target, anchor: anchor)
        }
        return .link(l)
      case .emphasis(let s): return .emphasis(Styled(rewrite(s.content, from: page), range: s.range))
      case .strong(let s): return .strong(Styled(rewrite(s.content, from: page), range: s.range))
      case .strikethrough(let s): return .strikethrough(Styled(rewrite(s.content, from: page), range: s.range))
      case .span(var s): s.content = rewrite(s.content, from: page); return .span(s)
      case .text, .code, .image, .softBreak, .hardBreak, .footnoteReference, .html: return i
      }
    }
  }
}
