import ImprentaModel

extension XHTMLRenderer {
  /// Words a screen reader says for a task box, by language.
  var taskWords: (done: String, open: String) {
    switch String(language.prefix(2)).lowercased() {
    case "es": return ("hecho", "pendiente")
    case "pt": return ("feito", "pendente")
    case "fr": return ("fait", "à faire")
    default: return ("done", "to do")
    }
  }

  /// A bullet or ordered list; tight items hold their text directly, loose ones in paragraphs.
  mutating func renderList(_ l: ListBlock, into parent: XMLNode) {
    let list: XMLNode
    switch l.kind {
    case .bullet:
      list = parent.element("ul")
    case .ordered(let start, _):
      list = parent.element("ol")
      if start != 1 { list.set("start", String(start)) }
    }
    var classes: [String] = []
    if !l.isTight { classes.append("loose") }
    if l.items.contains(where: { $0.task != nil }) { classes.append("task-list") }
    var attributes = l.attributes
    attributes.classes = classes + attributes.classes
    setAttributes(attributes, on: list, range: l.range)
    for item in l.items {
      let li = list.element("li")
      var blocks = item.blocks
      var checkboxHolder = li
      if item.task != nil {
        li.set("class", "task")
        if !l.isTight, case .paragraph(let p)? = blocks.first {
          checkboxHolder = li.element("p")
          blocks[0] = .paragraph(Paragraph([], range: p.range))
          renderCheckbox(item.task!, into: checkboxHolder)
          blockPath.enter()
          let marks = pageBreaks.take(blockPath.path)
          let before = XHTMLRenderer.lastChild(checkboxHolder)
          renderInlines(p.content, into: checkboxHolder, range: p.range)
          placePageBreaks(marks, into: checkboxHolder, after: before, inText: true)
          blockPath.leave()
          blocks.removeFirst()
        } else {
          renderCheckbox(item.task!, into: li)
        }
      }
      renderItemBlocks(blocks, tight: l.isTight, into: li)
    }
  }

  /// `<dl>`: a `<dt>` per term (with its id when the reader made one), a `<dd>` per definition;
  /// in a tight list a definition's paragraphs are written without `<p>`, as Goldmark does.
  mutating func renderDefinitionList(_ d: DefinitionList, into parent: XMLNode) {
    let dl = parent.element("dl")
    setAttributes(d.attributes, on: dl, range: d.range)
    for item in d.items {
      for term in item.terms {
        let dt = dl.element("dt")
        if !term.id.isEmpty { dt.set("id", term.id) }
        renderInlines(term.content, into: dt, range: term.range)
      }
      for definition in item.definitions {
        renderItemBlocks(definition, tight: d.isTight, into: dl.element("dd"))
      }
    }
  }

  mutating func renderItemBlocks(_ blocks: [Block], tight: Bool, into li: XMLNode) {
    var previousWasText = false
    for block in blocks {
      if tight, case .paragraph(let p) = block {
        if previousWasText { li.element("br") }
        // A paragraph all the same for page-break markers (`BlockPath`).
        blockPath.enter()
        let marks = pageBreaks.take(blockPath.path)
        let before = XHTMLRenderer.lastChild(li)
        renderInlines(p.content, into: li, range: p.range)
        placePageBreaks(marks, into: li, after: before, inText: true)
        blockPath.leave()
        previousWasText = true
      } else {
        render(block, into: li)
        previousWasText = false
      }
    }
  }

  /// A disabled checkbox: the state of a task, shown but not editable.
  func renderCheckbox(_ task: ListItem.Task, into parent: XMLNode) {
    let box = parent.element("input", ["type": "checkbox", "disabled": "disabled"])
    if task == .done { box.set("checked", "checked") }
    box.set("aria-label", task == .done ? taskWords.done : taskWords.open)
    parent.text(" ")
  }
}
