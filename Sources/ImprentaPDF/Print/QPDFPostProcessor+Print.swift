import CQPDF

/// Page boxes and the embedded-font check, with qpdf's object API (Cairo has no API for
/// `TrimBox` or `BleedBox`; its `MediaBox` is already the sheet).
extension QPDFPostProcessor {
  /// Sets `TrimBox` and `BleedBox` on every page.
  static func setBoxes(_ q: qpdf_data?, _ boxes: PageBoxes) {
    func array(_ values: [Double]) -> qpdf_oh {
      let a = qpdf_oh_new_array(q)
      for v in values { qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v, 3)) }
      return a
    }
    for i in 0..<max(0, Int(qpdf_get_num_pages(q))) {
      let page = qpdf_get_page_n(q, i)
      qpdf_oh_replace_key(q, page, "/TrimBox", array(boxes.trim))
      qpdf_oh_replace_key(q, page, "/BleedBox", array(boxes.bleed))
    }
  }

  /// The names of fonts used on the pages whose program is not embedded (Type 3 fonts are
  /// drawn with PDF operators and always count as embedded).
  static func fontsNotEmbedded(_ q: qpdf_data?) -> [String] {
    var missing: [String] = []
    var seen: Set<String> = []
    func keys(_ dict: qpdf_oh) -> [String] { QPDFPostProcessor.keys(q, dict) }
    func name(_ oh: qpdf_oh) -> String { QPDFPostProcessor.name(q, oh) }
    func check(fonts: qpdf_oh, depth: Int) {
      guard qpdf_oh_is_dictionary(q, fonts) != 0 else { return }
      for key in keys(fonts) {
        var font = qpdf_oh_get_key(q, fonts, key)
        let base = name(qpdf_oh_get_key(q, font, "/BaseFont"))
        guard seen.insert(base + key).inserted else { continue }
        let subtype = name(qpdf_oh_get_key(q, font, "/Subtype"))
        if subtype == "/Type3" { continue }
        if subtype == "/Type0" { font = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, font, "/DescendantFonts"), 0) }
        let descriptor = qpdf_oh_get_key(q, font, "/FontDescriptor")
        let embedded = qpdf_oh_has_key(q, descriptor, "/FontFile") != 0 || qpdf_oh_has_key(q, descriptor, "/FontFile2") != 0
          || qpdf_oh_has_key(q, descriptor, "/FontFile3") != 0
        if !embedded { missing.append(base.hasPrefix("/") ? String(base.dropFirst()) : base) }
      }
    }
    func resources(_ res: qpdf_oh, depth: Int) {
      guard depth < 8, qpdf_oh_is_dictionary(q, res) != 0 else { return }
      check(fonts: qpdf_oh_get_key(q, res, "/Font"), depth: depth)
      let xobjects = qpdf_oh_get_key(q, res, "/XObject")
      guard qpdf_oh_is_dictionary(q, xobjects) != 0 else { return }
      for key in keys(xobjects) {
        let x = qpdf_oh_get_key(q, xobjects, key)
        if qpdf_oh_is_stream(q, x) != 0 { resources(qpdf_oh_get_key(q, qpdf_oh_get_dict(q, x), "/Resources"), depth: depth + 1) }
      }
    }
    for i in 0..<max(0, Int(qpdf_get_num_pages(q))) {
      resources(qpdf_oh_get_key(q, qpdf_get_page_n(q, i), "/Resources"), depth: 0)
    }
    return missing
  }
}
