import CQPDF

/// The structure tree as the layout meant it, from Cairo's (see `StructureLog`): elements that go
/// on over a page (or round a running head) are merged into their first part, and each link
/// element moves into the element whose text it is on.
extension QPDFPostProcessor {
  static func mendStructure(_ q: qpdf_data?, treeRoot: qpdf_oh, log: StructureLog) {
    func items(_ oh: qpdf_oh) -> [qpdf_oh] { QPDFPostProcessor.items(q, oh) }
    func isElement(_ oh: qpdf_oh) -> Bool { qpdf_oh_is_dictionary(q, oh) != 0 && qpdf_oh_has_key(q, oh, "/S") != 0 }
    func kids(_ node: qpdf_oh) -> [qpdf_oh] { qpdf_oh_has_key(q, node, "/K") != 0 ? items(qpdf_oh_get_key(q, node, "/K")) : [] }
    func setKids(_ node: qpdf_oh, _ list: [qpdf_oh]) {
      if list.isEmpty { return qpdf_oh_remove_key(q, node, "/K") }
      let a = qpdf_oh_new_array(q)
      for k in list { qpdf_oh_append_item(q, a, k) }
      qpdf_oh_replace_key(q, node, "/K", a)
    }
    func id(_ oh: qpdf_oh) -> Int32 { qpdf_oh_get_object_id(q, oh) }
    var elements: [qpdf_oh] = []
    func collect(_ node: qpdf_oh, depth: Int) {
      guard depth < 512 else { return }
      for kid in kids(node) where isElement(kid) {
        elements.append(kid)
        collect(kid, depth: depth + 1)
      }
    }
    collect(treeRoot, depth: 0)
    // Only a tree that is element for element the one the painter logged is changed.
    guard elements.count == log.names.count,
      zip(elements, log.names).allSatisfy({ qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, $0.0, "/S"), "/" + $0.1) != 0 }),
      elements.allSatisfy({ qpdf_oh_is_indirect(q, $0) != 0 })
    else { return }
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
      for (key, parent) in touched where appended[key] == nil { setKids(parent, currentKids(parent)) }
      for (_, a) in appended { setKids(a.node, currentKids(a.node) + a.items) }
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
    // The parent tree pointed at the parts: it points at what they became.
    guard !replaced.isEmpty else { return }
    rewriteParentTree(q, treeRoot: treeRoot) { replaced[id($0)] }
  }
}
