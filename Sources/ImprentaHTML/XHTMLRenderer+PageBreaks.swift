import CLibXML2
import ImprentaModel

/// Page-break markers of a printed edition, to be set in an EPUB's content documents: each at a
/// block path and character offset (`PageMap.Position`, within one document), with its id.
package struct PageBreakMarks: Sendable {
  /// A marker: the printed page's label and the marker's id.
  package struct Mark: Sendable, Hashable {
    package var label: String
    package var id: String
    package var offset: Int
    /// The page's index in the printed edition.
    package var order: Int
    package init(label: String, id: String, offset: Int, order: Int) {
      self.label = label
      self.id = id
      self.offset = offset
      self.order = order
    }
  }
  /// Markers by block path (empty path: before the title), in page order.
  package var byPath: [[Int]: [Mark]] = [:]

  package init() {}

  package var isEmpty: Bool { byPath.isEmpty }

  /// Removes and returns the markers at `path`.
  mutating func take(_ path: [Int]) -> [Mark] {
    guard !byPath.isEmpty else { return [] }
    return byPath.removeValue(forKey: path) ?? []
  }

  /// Removes and returns every marker left, in page order (ids are in page order).
  mutating func takeAll() -> [Mark] {
    let all = byPath.values.flatMap { $0 }
    byPath = [:]
    return all.sorted { $0.order < $1.order }
  }
}

extension XHTMLRenderer {
  /// The empty `span` that marks where a printed page begins (`epub:type="pagebreak"`,
  /// `role="doc-pagebreak"`, labelled with the page label).
  func pageBreakElement(_ mark: PageBreakMarks.Mark, tree: XMLTree) -> xmlNodePtr {
    let node = xmlNewDocNode(tree.doc, tree.namespace, "span", nil)!
    let handle = XMLNode(pointer: node, tree: tree)
    handle.set("id", mark.id)
    handle.set("epub:type", "pagebreak")
    handle.set("role", "doc-pagebreak")
    handle.set("aria-label", mark.label)
    return node
  }

  /// The text nodes from `start` and its following siblings down, in document order.
  static func textNodes(from start: xmlNodePtr?) -> [xmlNodePtr] {
    var nodes: [xmlNodePtr] = []
    func collect(_ n: xmlNodePtr?) {
      var c = n
      while let node = c {
        if node.pointee.type == XML_TEXT_NODE { nodes.append(node) } else if node.pointee.type == XML_ELEMENT_NODE { collect(node.pointee.children) }
        c = node.pointee.next
      }
    }
    collect(start)
    return nodes
  }

  /// The last child of `parent`, to find what a block rendered after it.
  static func lastChild(_ parent: XMLNode) -> xmlNodePtr? { parent.pointer.pointee.last }

  /// Sets the markers of the block just rendered into `parent` (after `before`): inside its text at
  /// their offsets when the block is text (a paragraph, heading, code), else before it.
  mutating func placePageBreaks(_ marks: [PageBreakMarks.Mark], into parent: XMLNode, after before: xmlNodePtr?, inText: Bool) {
    guard !marks.isEmpty else { return }
    let first = before.map { $0.pointee.next } ?? parent.pointer.pointee.children
    guard let first else {
      // The block wrote nothing: the markers go at the end of the parent.
      for m in marks { xmlAddChild(parent.pointer, pageBreakElement(m, tree: parent.tree)) }
      return
    }
    guard inText else {
      for m in marks { xmlAddPrevSibling(first, pageBreakElement(m, tree: parent.tree)) }
      return
    }
    // Markers at one offset go in together, in page order (a blank page's marker with the next
    // page's); the block's text nodes are found again for each offset (splitting moves them).
    var k = 0
    while k < marks.count {
      var group = [marks[k]]
      while k + group.count < marks.count, marks[k + group.count].offset == marks[k].offset { group.append(marks[k + group.count]) }
      k += group.count
      let nodes = XHTMLRenderer.textNodes(from: before.map { $0.pointee.next } ?? parent.pointer.pointee.children)
      let elements = group.map { pageBreakElement($0, tree: parent.tree) }
      var seen = 0
      var anchor: xmlNodePtr? = nil  // the first marker, once placed
      for node in nodes {
        let text = node.pointee.content.map { String(cString: $0) } ?? ""
        let scalars = Array(text.unicodeScalars)
        let local = group[0].offset - seen
        seen += scalars.count
        guard local < scalars.count || node == nodes.last else { continue }
        if local <= 0 {
          xmlAddPrevSibling(node, elements[0])
        } else if local >= scalars.count {
          xmlAddNextSibling(node, elements[0])
        } else {
          var head = String.UnicodeScalarView()
          head.append(contentsOf: scalars[..<local])
          var tail = String.UnicodeScalarView()
          tail.append(contentsOf: scalars[local...])
          xmlNodeSetContent(node, String(head))
          xmlAddNextSibling(node, elements[0])
          xmlAddNextSibling(elements[0], xmlNewDocText(parent.tree.doc, String(tail)))
        }
        anchor = elements[0]
        break
      }
      if anchor == nil {
        // No text: before what the block wrote.
        xmlAddPrevSibling(first, elements[0])
        anchor = elements[0]
      }
      var previous = anchor!
      for e in elements.dropFirst() {
        xmlAddNextSibling(previous, e)
        previous = e
      }
    }
  }
}
