import CQPDF

/// Reading and rewriting qpdf object handles, shared by every pass over the finished file
/// (fonts, colour, accessibility, structure).
extension QPDFPostProcessor {
  /// A dictionary's keys, in qpdf's order.
  static func keys(_ q: qpdf_data?, _ dict: qpdf_oh) -> [String] {
    var out: [String] = []
    qpdf_oh_begin_dict_key_iter(q, dict)
    while qpdf_oh_dict_more_keys(q) != 0 {
      if let k = qpdf_oh_dict_next_key(q) { out.append(String(cString: k)) }
    }
    return out
  }

  /// A name object's text (`/Type0`), or empty for anything else.
  static func name(_ q: qpdf_data?, _ oh: qpdf_oh) -> String {
    qpdf_oh_is_name(q, oh) != 0 ? qpdf_oh_get_name(q, oh).map { String(cString: $0) } ?? "" : ""
  }

  /// An array's items; any other object as one item; null or nothing as none (a structure
  /// element's `/K` is an array, one kid, or absent).
  static func items(_ q: qpdf_data?, _ oh: qpdf_oh) -> [qpdf_oh] {
    if qpdf_oh_is_array(q, oh) != 0 { return (0..<qpdf_oh_get_array_n_items(q, oh)).map { qpdf_oh_get_array_item(q, oh, $0) } }
    return qpdf_oh_is_null(q, oh) != 0 || qpdf_oh_is_initialized(q, oh) == 0 ? [] : [oh]
  }

  /// Replaces a page's content with `bytes` (unfiltered: qpdf compresses it when writing). The
  /// page's own stream is rewritten in place: `qpdf_oh_new_stream` checks every object of the
  /// file for dangling references, so a new stream per page was quadratic in the page count (6%
  /// of a 1,000-page PDF's time). A page whose content is an array of streams gets a new one.
  static func replacePageContent(_ q: qpdf_data?, page: qpdf_oh, with bytes: [UInt8]) {
    let existing = qpdf_oh_get_key(q, page, "/Contents")
    let stream = qpdf_oh_is_stream(q, existing) != 0 ? existing : qpdf_oh_new_stream(q)
    bytes.withUnsafeBufferPointer { qpdf_oh_replace_stream_data(q, stream, $0.baseAddress, $0.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q)) }
    if stream != existing { qpdf_oh_replace_key(q, page, "/Contents", stream) }
  }

  /// Rewrites the structure tree's parent tree: every element it points at (a page's list of
  /// marked-content elements, or an annotation's element) is replaced by what `change` returns
  /// for it; nil keeps it.
  static func rewriteParentTree(_ q: qpdf_data?, treeRoot: qpdf_oh, _ change: (qpdf_oh) -> qpdf_oh?) {
    let nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, treeRoot, "/ParentTree"), "/Nums")
    guard qpdf_oh_is_array(q, nums) != 0 else { return }
    var k: Int32 = 1
    while k < qpdf_oh_get_array_n_items(q, nums) {
      let value = qpdf_oh_get_array_item(q, nums, k)
      if qpdf_oh_is_array(q, value) != 0 {
        for m in 0..<qpdf_oh_get_array_n_items(q, value) {
          if let new = change(qpdf_oh_get_array_item(q, value, m)) { qpdf_oh_set_array_item(q, value, m, new) }
        }
      } else if let new = change(value) {
        qpdf_oh_set_array_item(q, nums, k, new)
      }
      k += 2
    }
  }
}
