import CQPDF
import Foundation

/// Links hold their text: on each page, `LinkTextSplit` cuts the link's words out of the
/// paragraph's marked content into the link element's own MCID, and the tree follows: the link
/// element stands in its paragraph between the text before and after it, and the parent tree
/// knows the paragraph's new MCID.
extension QPDFPostProcessor {
  static func moveLinkText(_ q: qpdf_data?, treeRoot: qpdf_oh) {
    let nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, treeRoot, "/ParentTree"), "/Nums")
    guard qpdf_oh_is_array(q, nums) != 0 else { return }
    var byKey: [Int: qpdf_oh] = [:]
    var k: Int32 = 0
    while k + 1 < qpdf_oh_get_array_n_items(q, nums) {
      byKey[Int(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, nums, k)))] = qpdf_oh_get_array_item(q, nums, k + 1)
      k += 2
    }
    func items(_ oh: qpdf_oh) -> [qpdf_oh] { QPDFPostProcessor.items(q, oh) }
    func id(_ oh: qpdf_oh) -> Int32 { qpdf_oh_get_object_id(q, oh) }
    func int(_ oh: qpdf_oh) -> Int? { qpdf_oh_is_integer(q, oh) != 0 ? Int(qpdf_oh_get_int_value_as_int(q, oh)) : nil }
    func kids(_ node: qpdf_oh) -> [qpdf_oh] { qpdf_oh_has_key(q, node, "/K") != 0 ? items(qpdf_oh_get_key(q, node, "/K")) : [] }
    func setKids(_ node: qpdf_oh, _ list: [qpdf_oh]) {
      let a = qpdf_oh_new_array(q)
      for kid in list { qpdf_oh_append_item(q, a, kid) }
      qpdf_oh_replace_key(q, node, "/K", a)
    }
    /// The MCID a kid of `element` stands for on `page` (an integer, or a marked-content reference).
    func mcid(_ kid: qpdf_oh, of element: qpdf_oh, page: qpdf_oh) -> Int? {
      if let n = int(kid) {
        let pg = qpdf_oh_get_key(q, element, "/Pg")
        return qpdf_oh_is_dictionary(q, pg) == 0 || id(pg) == id(page) ? n : nil
      }
      guard qpdf_oh_is_dictionary(q, kid) != 0, QPDFPostProcessor.name(q, qpdf_oh_get_key(q, kid, "/Type")) == "/MCR",
        id(qpdf_oh_get_key(q, kid, "/Pg")) == id(page)
      else { return nil }
      return int(qpdf_oh_get_key(q, kid, "/MCID"))
    }
    for i in 0..<max(0, Int(qpdf_get_num_pages(q))) {
      let page = qpdf_get_page_n(q, i)
      guard let sp = int(qpdf_oh_get_key(q, page, "/StructParents")), let list = byKey[sp], qpdf_oh_is_array(q, list) != 0 else { continue }
      var links: [LinkTextSplit.Link] = []
      var elements: [qpdf_oh] = []
      for annot in items(qpdf_oh_get_key(q, page, "/Annots")) where QPDFPostProcessor.name(q, qpdf_oh_get_key(q, annot, "/Subtype")) == "/Link" {
        let rect = items(qpdf_oh_get_key(q, annot, "/Rect")).map { qpdf_oh_get_numeric_value(q, $0) }
        guard rect.count == 4, let key = int(qpdf_oh_get_key(q, annot, "/StructParent")), let element = byKey[key],
          QPDFPostProcessor.name(q, qpdf_oh_get_key(q, element, "/S")) == "/Link",
          let own = kids(element).lazy.compactMap({ mcid($0, of: element, page: page) }).first
        else { continue }
        links.append(.init(mcid: own, rect: (min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3]))))
        elements.append(element)
      }
      guard !links.isEmpty else { continue }
      var buffer: UnsafeMutablePointer<UInt8>? = nil
      var length = 0
      guard qpdf_oh_get_page_content_data(q, page, &buffer, &length) & QPDF_ERRORS == 0, let buffer else { continue }
      let content = Array(UnsafeBufferPointer(start: buffer, count: length))
      free(buffer)
      let count = Int(qpdf_oh_get_array_n_items(q, list))
      guard let (bytes, splits) = LinkTextSplit.split(content, links: links, nextMCID: count) else { continue }
      // Every cut must land in the tree, or the page stays as it was.
      var tail: [Int: Int] = [:]
      var plan: [(paragraph: qpdf_oh, at: Int, link: qpdf_oh, after: Int?)] = []
      for s in splits {
        guard s.mcid < count else { continue }
        let paragraph = qpdf_oh_get_array_item(q, list, Int32(s.mcid))
        guard qpdf_oh_is_dictionary(q, paragraph) != 0 else { continue }
        plan.append((paragraph, tail[s.mcid] ?? s.mcid, elements[s.link], s.after))
        if let after = s.after { tail[s.mcid] = after }
      }
      guard plan.count == splits.count else { continue }
      let stream = qpdf_oh_new_stream(q)
      bytes.withUnsafeBufferPointer { qpdf_oh_replace_stream_data(q, stream, $0.baseAddress, $0.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q)) }
      qpdf_oh_replace_key(q, page, "/Contents", stream)
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
        if let at = list2.firstIndex(where: { mcid($0, of: paragraph, page: page) == step.at }) {
          list2.insert(contentsOf: inserted, at: at + 1)
        } else {
          list2.append(contentsOf: inserted)
        }
        setKids(paragraph, list2)
      }
    }
  }
}
