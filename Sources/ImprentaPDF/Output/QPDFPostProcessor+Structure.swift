import CQPDF

/// The structure tree as the layout meant it, from Cairo's (see `StructureLog`): elements that go
/// on over a page (or round a running head) are merged into their first part, and each link
/// element moves into the element whose text it is on.
extension QPDFPostProcessor {
  static func mendStructure(_ q: qpdf_data?, treeRoot: qpdf_oh, log: StructureLog) {
    func items(_ oh: qpdf_oh) -> [qpdf_oh] { QPDFPostProcessor.items(q, oh) }
    func isElement(_ oh: qpdf_oh) -> Bool { qpdf_oh_is_dictionary(q, oh) != 0 && qpdf_oh_has_key(q, oh, "/S") != 0 }
    func storedKids(_ node: qpdf_oh) -> [qpdf_oh] { qpdf_oh_has_key(q, node, "/K") != 0 ? items(qpdf_oh_get_key(q, node, "/K")) : [] }
    func setKids(_ node: qpdf_oh, _ list: [qpdf_oh]) {
      if list.isEmpty { return qpdf_oh_remove_key(q, node, "/K") }
      let a = qpdf_oh_new_array(q)
      for k in list { qpdf_oh_append_item(q, a, k) }
      qpdf_oh_replace_key(q, node, "/K", a)
    }
    func id(_ oh: qpdf_oh) -> Int32 { qpdf_oh_get_object_id(q, oh) }
    // Elements detached from a parent are taken out of its kids once, when its kids are next
    // read or at the end: the document element has a kid per paragraph, and rewriting its list
    // for every part and link taken out of it was quadratic (in time and in qpdf handles, none
    // freed before the file is written: 7 GB and 12 minutes for a 1,000-page document).
    var detached: [Int32: (node: qpdf_oh, ids: Set<Int32>)] = [:]
    func flush(_ node: qpdf_oh) {
      guard !detached.isEmpty, let gone = detached.removeValue(forKey: id(node)) else { return }
      setKids(node, storedKids(node).filter { !(isElement($0) && gone.ids.contains(id($0))) })
    }
    func kids(_ node: qpdf_oh) -> [qpdf_oh] {
      flush(node)
      return storedKids(node)
    }
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
    func detach(_ node: qpdf_oh) {
      let parent = qpdf_oh_get_key(q, node, "/P")
      guard qpdf_oh_is_dictionary(q, parent) != 0 else { return }
      guard id(parent) != 0 else { return setKids(parent, kids(parent).filter { !(isElement($0) && id($0) == id(node)) }) }
      detached[id(parent), default: (parent, [])].ids.insert(id(node))
    }
    var replaced: [Int32: qpdf_oh] = [:]
    for (index, first) in log.continuations.sorted(by: { $0.index > $1.index }) where index < elements.count && first < elements.count {
      let part = elements[index], target = elements[first]
      let page = qpdf_oh_get_key(q, part, "/Pg")
      var moved: [qpdf_oh] = []
      for kid in kids(part) {
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
      setKids(target, kids(target) + moved)
      detach(part)
      replaced[id(part)] = target
    }
    for (link, parent) in log.linkParents where link < elements.count && parent < elements.count {
      let element = elements[link], target = elements[parent]
      guard replaced[id(element)] == nil, id(element) != id(target) else { continue }
      detach(element)
      qpdf_oh_replace_key(q, element, "/P", target)
      setKids(target, kids(target) + [element])
    }
    for key in detached.keys.sorted() { if let node = detached[key]?.node { flush(node) } }
    // The parent tree pointed at the parts: it points at what they became.
    guard !replaced.isEmpty else { return }
    rewriteParentTree(q, treeRoot: treeRoot) { replaced[id($0)] }
  }
}
