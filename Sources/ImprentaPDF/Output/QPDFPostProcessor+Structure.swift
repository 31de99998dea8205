import CQPDF

/// The structure tree as the layout meant it, from Cairo's (see `StructureLog`), in one pass over
/// its elements: figures get their `/Alt`, links their description, header cells their `/Scope`;
/// elements that go on over a page (or round a running head) are merged into their first part,
/// each link element moves into the element whose text it is on, and the artifact marker elements
/// leave the tree; the parent tree follows, rewritten once.
extension QPDFPostProcessor {
  /// The tree's elements in document order (pre-order, as Cairo made them and the painter logged
  /// them) and their names without the slash.
  struct StructureElements {
    var handles: [qpdf_oh] = []
    var names: [String] = []
  }

  static func collectElements(_ q: qpdf_data?, treeRoot: qpdf_oh) -> StructureElements {
    var tree = StructureElements()
    func visit(_ node: qpdf_oh, depth: Int) {
      guard depth < 512, qpdf_oh_has_key(q, node, "/K") != 0 else { return }
      for kid in items(q, qpdf_oh_get_key(q, node, "/K")) where qpdf_oh_is_dictionary(q, kid) != 0 {
        let s = name(q, qpdf_oh_get_key(q, kid, "/S"))
        guard !s.isEmpty else { continue }
        tree.handles.append(kid)
        tree.names.append(String(s.dropFirst()))
        visit(kid, depth: depth + 1)
      }
    }
    visit(treeRoot, depth: 0)
    return tree
  }

  static func repairStructure(_ q: qpdf_data?, root: qpdf_oh, figureAlts: [String], linkDescriptions: [String], log: StructureLog?) {
    let treeRoot = qpdf_oh_get_key(q, root, "/StructTreeRoot")
    guard qpdf_oh_is_dictionary(q, treeRoot) != 0 else { return }
    let tree = collectElements(q, treeRoot: treeRoot)
    describe(q, tree, figureAlts: figureAlts, linkDescriptions: linkDescriptions)
    var replaced: [Int32: qpdf_oh] = [:]
    if let log, tree.names == log.names, tree.handles.allSatisfy({ qpdf_oh_is_indirect(q, $0) != 0 }) {
      replaced = mend(q, tree, log: log)
    }
    let artifacts = removeArtifacts(q, tree)
    // The parent tree maps each page's marked content to its element: parts point at what they
    // became, artifacts at nothing.
    guard !replaced.isEmpty || !artifacts.isEmpty else { return }
    let null = qpdf_oh_new_null(q)
    rewriteParentTree(q, treeRoot: treeRoot) { element in
      let id = qpdf_oh_get_object_id(q, element)
      if artifacts.contains(id) { return null }
      guard let target = replaced[id] else { return nil }
      return artifacts.contains(qpdf_oh_get_object_id(q, target)) ? null : target
    }
  }

  /// `/Alt` on figures (in order), the description of each link on its element and its
  /// annotations (`/Contents`), `/Scope /Column` on header cells.
  static func describe(_ q: qpdf_data?, _ tree: StructureElements, figureAlts: [String], linkDescriptions: [String]) {
    var figure = 0, link = 0
    for (node, s) in zip(tree.handles, tree.names) {
      switch s {
      case "Figure":
        if figure < figureAlts.count, !figureAlts[figure].isEmpty { qpdf_oh_replace_key(q, node, "/Alt", qpdf_oh_new_unicode_string(q, figureAlts[figure])) }
        figure += 1
      case "Link":
        let description = link < linkDescriptions.count ? linkDescriptions[link] : ""
        link += 1
        guard !description.isEmpty else { continue }
        for kid in items(q, qpdf_oh_get_key(q, node, "/K")) where qpdf_oh_is_dictionary(q, kid) != 0 && name(q, qpdf_oh_get_key(q, kid, "/Type")) == "/OBJR" {
          let annotation = qpdf_oh_get_key(q, kid, "/Obj")
          if qpdf_oh_is_dictionary(q, annotation) != 0 { qpdf_oh_replace_key(q, annotation, "/Contents", qpdf_oh_new_unicode_string(q, description)) }
        }
        qpdf_oh_replace_key(q, node, "/Alt", qpdf_oh_new_unicode_string(q, description))
      case "TH" where qpdf_oh_has_key(q, node, "/A") == 0:
        let attributes = qpdf_oh_new_dictionary(q)
        qpdf_oh_replace_key(q, attributes, "/O", qpdf_oh_new_name(q, "/Table"))
        qpdf_oh_replace_key(q, attributes, "/Scope", qpdf_oh_new_name(q, "/Column"))
        qpdf_oh_replace_key(q, node, "/A", attributes)
      default: break
      }
    }
  }

  /// Takes the artifact marker elements out of their parents' kids (one new array per parent);
  /// returns their object numbers.
  static func removeArtifacts(_ q: qpdf_data?, _ tree: StructureElements) -> Set<Int32> {
    let markers = Set(ArtifactTag.allCases.map(\.rawValue))
    var artifacts: Set<Int32> = []
    var parents: [Int32: qpdf_oh] = [:]
    for (node, s) in zip(tree.handles, tree.names) where markers.contains(s) && qpdf_oh_get_object_id(q, node) != 0 {
      artifacts.insert(qpdf_oh_get_object_id(q, node))
      let parent = qpdf_oh_get_key(q, node, "/P")
      if qpdf_oh_is_dictionary(q, parent) != 0 { parents[qpdf_oh_get_object_id(q, parent)] = parent }
    }
    for parent in parents.values {
      let kids = items(q, qpdf_oh_get_key(q, parent, "/K"))
      setKids(q, parent, kids.filter { qpdf_oh_is_dictionary(q, $0) == 0 || !artifacts.contains(qpdf_oh_get_object_id(q, $0)) })
    }
    return artifacts
  }

  /// An element's kids replaced by `list` (no `/K` when it is empty).
  static func setKids(_ q: qpdf_data?, _ node: qpdf_oh, _ list: [qpdf_oh]) {
    if list.isEmpty { return qpdf_oh_remove_key(q, node, "/K") }
    let a = qpdf_oh_new_array(q)
    for k in list { qpdf_oh_append_item(q, a, k) }
    qpdf_oh_replace_key(q, node, "/K", a)
  }

  /// Merges continued parts into their first part and moves links into place (the tree is the
  /// one the painter logged); returns the parts, by object number, with what they became.
  static func mend(_ q: qpdf_data?, _ tree: StructureElements, log: StructureLog) -> [Int32: qpdf_oh] {
    let elements = tree.handles
    func isElement(_ oh: qpdf_oh) -> Bool { qpdf_oh_is_dictionary(q, oh) != 0 && qpdf_oh_has_key(q, oh, "/S") != 0 }
    func kids(_ node: qpdf_oh) -> [qpdf_oh] { qpdf_oh_has_key(q, node, "/K") != 0 ? items(q, qpdf_oh_get_key(q, node, "/K")) : [] }
    func id(_ oh: qpdf_oh) -> Int32 { qpdf_oh_get_object_id(q, oh) }
    for (index, language) in log.languages where index < elements.count {
      qpdf_oh_replace_key(q, elements[index], "/Lang", qpdf_oh_new_unicode_string(q, language))
    }
    // Kids arrays are rebuilt once per element (`flush`), not once per move: rebuilding the
    // parent's array at every detachment was quadratic (a 100-page hugoDocs book spent 85% of its
    // 26 s rebuilding the Document element's kids).
    var removed: Set<Int32> = []
    var touched: [Int32: qpdf_oh] = [:]
    var appended: [Int32: (node: qpdf_oh, items: [qpdf_oh])] = [:]
    func currentKids(_ node: qpdf_oh) -> [qpdf_oh] {
      removed.isEmpty ? kids(node) : kids(node).filter { !removed.contains(id($0)) }
    }
    func detach(_ node: qpdf_oh) {
      let parent = qpdf_oh_get_key(q, node, "/P")
      guard qpdf_oh_is_dictionary(q, parent) != 0 else { return }
      removed.insert(id(node))
      touched[id(parent)] = parent
    }
    func flush() {
      for (key, parent) in touched where appended[key] == nil { setKids(q, parent, currentKids(parent)) }
      for (_, a) in appended { setKids(q, a.node, currentKids(a.node) + a.items) }
      (removed, touched, appended) = ([], [:], [:])
    }
    var replaced: [Int32: qpdf_oh] = [:]
    // Later parts first (a part inside a later part leaves it before that part moves); each
    // part's kids go before those of the parts after it, so the element reads in order.
    for (index, first) in log.continuations.sorted(by: { $0.index > $1.index }) where index < elements.count && first < elements.count {
      let part = elements[index], target = elements[first]
      let page = qpdf_oh_get_key(q, part, "/Pg")
      var moved: [qpdf_oh] = []
      for kid in currentKids(part) {
        if qpdf_oh_is_integer(q, kid) != 0 {
          let mcr = qpdf_oh_new_dictionary(q)
          qpdf_oh_replace_key(q, mcr, "/Type", qpdf_oh_new_name(q, "/MCR"))
          qpdf_oh_replace_key(q, mcr, "/Pg", page)
          qpdf_oh_replace_key(q, mcr, "/MCID", kid)
          moved.append(mcr)
        } else {
          if isElement(kid) { qpdf_oh_replace_key(q, kid, "/P", target) }
          moved.append(kid)
        }
      }
      if qpdf_oh_has_key(q, target, "/Pg") == 0, qpdf_oh_is_dictionary(q, page) != 0 { qpdf_oh_replace_key(q, target, "/Pg", page) }
      appended[id(target), default: (target, [])].items.insert(contentsOf: moved, at: 0)
      detach(part)
      replaced[id(part)] = target
    }
    flush()
    for (link, parent) in log.linkParents where link < elements.count && parent < elements.count {
      let element = elements[link], target = elements[parent]
      guard replaced[id(element)] == nil, id(element) != id(target) else { continue }
      detach(element)
      qpdf_oh_replace_key(q, element, "/P", target)
      appended[id(target), default: (target, [])].items.append(element)
    }
    flush()
    return replaced
  }
}
