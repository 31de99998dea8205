import CQPDF

/// Links hold their text: `rewritePageContents` cut each link's words out of the paragraph's
/// marked content into the link element's own MCID (`LinkTextSplit`); the tree follows here, once
/// it is mended: the link element stands in its paragraph between the text before and after it,
/// and the parent tree knows the paragraph's new MCID.
extension QPDFPostProcessor {
  static func applyLinkCuts(_ q: qpdf_data?, root: qpdf_oh, _ cuts: [LinkCuts]) {
    guard !cuts.isEmpty else { return }
    let parents = parentTreeLists(q, root: root)
    func id(_ oh: qpdf_oh) -> Int32 { qpdf_oh_get_object_id(q, oh) }
    func kids(_ node: qpdf_oh) -> [qpdf_oh] { qpdf_oh_has_key(q, node, "/K") != 0 ? items(q, qpdf_oh_get_key(q, node, "/K")) : [] }
    func setKids(_ node: qpdf_oh, _ list: [qpdf_oh]) {
      let a = qpdf_oh_new_array(q)
      for kid in list { qpdf_oh_append_item(q, a, kid) }
      qpdf_oh_replace_key(q, node, "/K", a)
    }
    for cut in cuts {
      guard let list = parents[cut.key], qpdf_oh_is_array(q, list) != 0 else { continue }
      let page = qpdf_get_page_n(q, cut.page)
      let count = Int(qpdf_oh_get_array_n_items(q, list))
      // The paragraph each cut came out of, and the MCID its text before the link ends with.
      var tail: [Int: Int] = [:]
      var plan: [(paragraph: qpdf_oh, at: Int, link: qpdf_oh, after: Int?)] = []
      for s in cut.splits where s.mcid < count && s.link < cut.links.count {
        let paragraph = qpdf_oh_get_array_item(q, list, Int32(s.mcid))
        let link = qpdf_get_object_by_id(q, cut.links[s.link].id, cut.links[s.link].generation)
        guard qpdf_oh_is_dictionary(q, paragraph) != 0, qpdf_oh_is_dictionary(q, link) != 0 else { continue }
        plan.append((paragraph, tail[s.mcid] ?? s.mcid, link, s.after))
        if let after = s.after { tail[s.mcid] = after }
      }
      for step in plan {
        let (paragraph, link) = (step.paragraph, step.link)
        // Out of wherever the structure pass put it.
        let parent = qpdf_oh_get_key(q, link, "/P")
        if qpdf_oh_is_dictionary(q, parent) != 0 { setKids(parent, kids(parent).filter { id($0) == 0 || id($0) != id(link) }) }
        qpdf_oh_replace_key(q, link, "/P", paragraph)
        var list2 = kids(paragraph)
        var inserted: [qpdf_oh] = [link]
        if let after = step.after {
          while Int(qpdf_oh_get_array_n_items(q, list)) < after { qpdf_oh_append_item(q, list, qpdf_oh_new_null(q)) }
          qpdf_oh_append_item(q, list, paragraph)
          let pg = qpdf_oh_get_key(q, paragraph, "/Pg")
          if qpdf_oh_is_dictionary(q, pg) == 0 || id(pg) == id(page) {
            inserted.append(qpdf_oh_new_integer(q, Int64(after)))
          } else {
            let mcr = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, mcr, "/Type", qpdf_oh_new_name(q, "/MCR"))
            qpdf_oh_replace_key(q, mcr, "/Pg", page)
            qpdf_oh_replace_key(q, mcr, "/MCID", qpdf_oh_new_integer(q, Int64(after)))
            inserted.append(mcr)
          }
        }
        if let at = list2.firstIndex(where: { markedContent(q, $0, of: paragraph, page: page) == step.at }) {
          list2.insert(contentsOf: inserted, at: at + 1)
        } else {
          list2.append(contentsOf: inserted)
        }
        setKids(paragraph, list2)
      }
    }
  }
}
