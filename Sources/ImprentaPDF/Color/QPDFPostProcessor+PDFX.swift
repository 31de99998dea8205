import Foundation
import CQPDF
import ImprentaModel

/// PDF/X-4 with qpdf's object API: every DeviceRGB colour, image, shading and transparency group
/// converted to the output profile's CMYK (`CMYKConverter`), then the output intent with the
/// embedded profile, `GTS_PDFXVersion` and `Trapped` in the Info dictionary, and XMP metadata.
extension QPDFPostProcessor {
  /// What the conversion found.
  struct PDFXReport {
    /// What could not be converted (the file then does not claim PDF/X-4).
    var unconverted: [String] = []
    /// Pages (0-based) whose colours ask for more total ink than the limit, with the most ink.
    var heavyInk: [(page: Int, percent: Double, what: String)] = []
  }

  /// The ink limit of the preflight, in percent.
  static let inkLimit = 300.0

  /// Converts the document to CMYK and, when nothing was left over, marks it PDF/X-4.
  static func makePDFX(_ q: qpdf_data?, profile: OutputProfile, converter: CMYKConverter, title: String, date: String) -> PDFXReport {
    var walk = ColorWalk(q: q, converter: converter)
    for i in 0..<max(0, Int(qpdf_get_num_pages(q))) {
      walk.page = i
      let page = qpdf_get_page_n(q, i)
      var buffer: UnsafeMutablePointer<UInt8>? = nil
      var length = 0
      if qpdf_oh_get_page_content_data(q, page, &buffer, &length) & QPDF_ERRORS == 0, let buffer {
        let data = Array(UnsafeBufferPointer(start: buffer, count: length))
        free(buffer)
        let (bytes, changed) = walk.rewrite(data)
        if changed { QPDFPostProcessor.replacePageContent(q, page: page, with: bytes) }
        walk.ink(bytes, what: "a colour")
      }
      walk.group(page)
      walk.annotations(page)
      walk.resources(qpdf_oh_get_key(q, page, "/Resources"), depth: 0)
    }
    var report = PDFXReport(unconverted: walk.unconverted, heavyInk: walk.heavyInk)
    report.unconverted = Array(Set(report.unconverted)).sorted()
    guard report.unconverted.isEmpty else { return report }
    markPDFX(q, profile: profile, title: title, date: date)
    return report
  }

  /// The output intent, the Info keys and (when the catalog has none) XMP metadata.
  static func markPDFX(_ q: qpdf_data?, profile: OutputProfile, title: String, date: String) {
    let root = qpdf_get_root(q)
    let icc = qpdf_oh_new_stream(q)
    profile.bytes.withUnsafeBufferPointer { b in
      qpdf_oh_replace_stream_data(q, icc, b.baseAddress, b.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
    }
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, icc), "/N", qpdf_oh_new_integer(q, 4))
    let intent = qpdf_oh_new_dictionary(q)
    qpdf_oh_replace_key(q, intent, "/Type", qpdf_oh_new_name(q, "/OutputIntent"))
    qpdf_oh_replace_key(q, intent, "/S", qpdf_oh_new_name(q, "/GTS_PDFX"))
    // A profile that is not a registered characterization is named `Custom`, and described.
    qpdf_oh_replace_key(q, intent, "/OutputConditionIdentifier", qpdf_oh_new_unicode_string(q, "Custom"))
    qpdf_oh_replace_key(q, intent, "/OutputCondition", qpdf_oh_new_unicode_string(q, profile.name))
    qpdf_oh_replace_key(q, intent, "/Info", qpdf_oh_new_unicode_string(q, profile.name))
    qpdf_oh_replace_key(q, intent, "/RegistryName", qpdf_oh_new_unicode_string(q, "http://www.color.org"))
    qpdf_oh_replace_key(q, intent, "/DestOutputProfile", icc)
    let intents = qpdf_oh_new_array(q)
    qpdf_oh_append_item(q, intents, qpdf_make_indirect_object(q, intent))
    qpdf_oh_replace_key(q, root, "/OutputIntents", intents)

    let trailer = qpdf_get_trailer(q)
    var info = qpdf_oh_get_key(q, trailer, "/Info")
    if qpdf_oh_is_dictionary(q, info) == 0 {
      info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q))
      qpdf_oh_replace_key(q, trailer, "/Info", info)
    }
    qpdf_oh_replace_key(q, info, "/GTS_PDFXVersion", qpdf_oh_new_string(q, "PDF/X-4"))
    qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"))
    if qpdf_oh_has_key(q, info, "/Title") == 0 { qpdf_oh_replace_key(q, info, "/Title", qpdf_oh_new_unicode_string(q, title)) }
    qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, date))
    qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, date))
    // XMP: the one metadata writer (`XMPMetadata`) takes the PDF/X properties
    // (`PDFXMetadata.properties`) before this runs.
  }
}

/// The walk over a page's resources (images, forms, Type 3 glyphs, patterns, shadings, soft
/// masks), converting each object once.
struct ColorWalk {
  let q: qpdf_data?
  let converter: CMYKConverter
  var page = 0
  var seen: Set<Int> = []
  var unconverted: [String] = []
  var heavyInk: [(page: Int, percent: Double, what: String)] = []
  var reportedInk: Set<Int> = []

  init(q: qpdf_data?, converter: CMYKConverter) {
    self.q = q
    self.converter = converter
  }

  mutating func rewrite(_ data: [UInt8]) -> (bytes: [UInt8], changed: Bool) {
    let converter = self.converter
    let (bytes, changed, inline) = ColorRewriter(convert: { converter.cmyk($0, largeArea: $1) }).rewrite(data)
    if inline > 0 { unconverted.append("an inline image in RGB") }
    return (bytes, changed)
  }

  /// Annotations' colours (`/C`, `/IC`) with three components are RGB: converted to four.
  func annotations(_ page: qpdf_oh) {
    let annots = qpdf_oh_get_key(q, page, "/Annots")
    guard qpdf_oh_is_array(q, annots) != 0 else { return }
    for i in 0..<qpdf_oh_get_array_n_items(q, annots) {
      let annot = qpdf_oh_get_array_item(q, annots, i)
      for key in ["/C", "/IC"] {
        let c = qpdf_oh_get_key(q, annot, key)
        guard qpdf_oh_is_array(q, c) != 0, qpdf_oh_get_array_n_items(q, c) == 3 else { continue }
        let rgb = (0..<3).map { qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, c, Int32($0))) }
        qpdf_oh_replace_key(q, annot, key, array(converter.cmyk(rgb)))
      }
    }
  }

  func replace(_ stream: qpdf_oh, _ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { b in
      qpdf_oh_replace_stream_data(q, stream, b.baseAddress, b.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
    }
  }

  mutating func ink(_ content: [UInt8], what: String) {
    let most = InkCoverage.maximum(in: content)
    if most > QPDFPostProcessor.inkLimit + 0.5 { noteInk(most, what: what) }
  }

  mutating func noteInk(_ percent: Double, what: String) {
    guard reportedInk.insert(page).inserted else { return }
    heavyInk.append((page, percent, what))
  }

  func name(_ oh: qpdf_oh) -> String { QPDFPostProcessor.name(q, oh) }

  func keys(_ dict: qpdf_oh) -> [String] { QPDFPostProcessor.keys(q, dict) }

  /// Whether `oh` is an indirect object seen before (and marks it seen).
  mutating func visited(_ oh: qpdf_oh) -> Bool {
    let id = Int(qpdf_oh_get_object_id(q, oh))
    return id != 0 && !seen.insert(id).inserted
  }

  /// A transparency group's blending space: DeviceRGB becomes DeviceCMYK.
  func group(_ owner: qpdf_oh) {
    let group = qpdf_oh_get_key(q, owner, "/Group")
    guard qpdf_oh_is_dictionary(q, group) != 0, name(qpdf_oh_get_key(q, group, "/CS")) == "/DeviceRGB" else { return }
    qpdf_oh_replace_key(q, group, "/CS", qpdf_oh_new_name(q, "/DeviceCMYK"))
  }

  /// A content stream (form, pattern, Type 3 glyph) converted in place.
  mutating func content(_ stream: qpdf_oh, what: String) {
    var buffer: UnsafeMutablePointer<UInt8>? = nil
    var length = 0
    guard qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, nil, &buffer, &length) & QPDF_ERRORS == 0, let buffer else {
      unconverted.append("\(what) whose content cannot be read")
      return
    }
    let data = Array(UnsafeBufferPointer(start: buffer, count: length))
    free(buffer)
    let (bytes, changed) = rewrite(data)
    if changed { replace(stream, bytes) }
    ink(bytes, what: what)
    let dict = qpdf_oh_get_dict(q, stream)
    group(dict)
    resources(qpdf_oh_get_key(q, dict, "/Resources"), depth: 1)
  }

  mutating func resources(_ res: qpdf_oh, depth: Int) {
    guard depth < 16, qpdf_oh_is_dictionary(q, res) != 0 else { return }
    let xobjects = qpdf_oh_get_key(q, res, "/XObject")
    if qpdf_oh_is_dictionary(q, xobjects) != 0 {
      for key in keys(xobjects) {
        let x = qpdf_oh_get_key(q, xobjects, key)
        guard qpdf_oh_is_stream(q, x) != 0, !visited(x) else { continue }
        let dict = qpdf_oh_get_dict(q, x)
        switch name(qpdf_oh_get_key(q, dict, "/Subtype")) {
        case "/Image": image(x)
        case "/Form": content(x, what: "a drawing")
        default: break
        }
      }
    }
    let fonts = qpdf_oh_get_key(q, res, "/Font")
    if qpdf_oh_is_dictionary(q, fonts) != 0 {
      for key in keys(fonts) {
        let font = qpdf_oh_get_key(q, fonts, key)
        guard name(qpdf_oh_get_key(q, font, "/Subtype")) == "/Type3", !visited(font) else { continue }
        let procs = qpdf_oh_get_key(q, font, "/CharProcs")
        if qpdf_oh_is_dictionary(q, procs) != 0 {
          for glyph in keys(procs) {
            let proc = qpdf_oh_get_key(q, procs, glyph)
            if qpdf_oh_is_stream(q, proc) != 0, !visited(proc) { content(proc, what: "a glyph") }
          }
        }
        resources(qpdf_oh_get_key(q, font, "/Resources"), depth: depth + 1)
      }
    }
    let patterns = qpdf_oh_get_key(q, res, "/Pattern")
    if qpdf_oh_is_dictionary(q, patterns) != 0 {
      for key in keys(patterns) {
        let p = qpdf_oh_get_key(q, patterns, key)
        guard !visited(p) else { continue }
        if qpdf_oh_is_stream(q, p) != 0 {
          content(p, what: "a pattern")
        } else {
          shading(qpdf_oh_get_key(q, p, "/Shading"))
          extGState(qpdf_oh_get_key(q, p, "/ExtGState"), depth: depth)
        }
      }
    }
    let shadings = qpdf_oh_get_key(q, res, "/Shading")
    if qpdf_oh_is_dictionary(q, shadings) != 0 {
      for key in keys(shadings) {
        let s = qpdf_oh_get_key(q, shadings, key)
        if !visited(s) { shading(s) }
      }
    }
    let states = qpdf_oh_get_key(q, res, "/ExtGState")
    if qpdf_oh_is_dictionary(q, states) != 0 {
      for key in keys(states) { extGState(qpdf_oh_get_key(q, states, key), depth: depth) }
    }
    let spaces = qpdf_oh_get_key(q, res, "/ColorSpace")
    if qpdf_oh_is_dictionary(q, spaces) != 0 {
      for key in keys(spaces) {
        let s = qpdf_oh_get_key(q, spaces, key)
        if usesRGB(s) { unconverted.append("a colour space in DeviceRGB (\(key))") }
      }
    }
  }

  /// Soft masks: their groups are drawn too (an alpha mask converts like any drawing).
  mutating func extGState(_ gs: qpdf_oh, depth: Int) {
    guard qpdf_oh_is_dictionary(q, gs) != 0 else { return }
    let mask = qpdf_oh_get_key(q, gs, "/SMask")
    guard qpdf_oh_is_dictionary(q, mask) != 0 else { return }
    let g = qpdf_oh_get_key(q, mask, "/G")
    guard qpdf_oh_is_stream(q, g) != 0, !visited(g) else { return }
    if name(qpdf_oh_get_key(q, mask, "/S")) == "/Luminosity", let bc = Optional(qpdf_oh_get_key(q, mask, "/BC")), qpdf_oh_is_array(q, bc) != 0,
      qpdf_oh_get_array_n_items(q, bc) == 3
    {
      // A luminosity mask's backdrop in the group's space: black in CMYK is 0 0 0 1.
      let rgb = (0..<3).map { qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, bc, Int32($0))) }
      qpdf_oh_replace_key(q, mask, "/BC", array(converter.cmyk(rgb)))
    }
    content(g, what: "a soft mask")
  }

  func usesRGB(_ space: qpdf_oh) -> Bool {
    if name(space) == "/DeviceRGB" || name(space) == "/RGB" { return true }
    guard qpdf_oh_is_array(q, space) != 0 else { return false }
    for i in 0..<qpdf_oh_get_array_n_items(q, space) where name(qpdf_oh_get_array_item(q, space, i)) == "/DeviceRGB" { return true }
    return false
  }

  func array(_ values: [Double]) -> qpdf_oh {
    let a = qpdf_oh_new_array(q)
    for v in values { qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v, 4)) }
    return a
  }

  /// Whether the image is stored as a JPEG (`/Filter /DCTDecode`, alone or last in a chain).
  func isJPEG(_ dict: qpdf_oh) -> Bool {
    let filter = qpdf_oh_get_key(q, dict, "/Filter")
    if qpdf_oh_is_array(q, filter) != 0 {
      let n = qpdf_oh_get_array_n_items(q, filter)
      return n > 0 && name(qpdf_oh_get_array_item(q, filter, n - 1)) == "/DCTDecode"
    }
    return name(filter) == "/DCTDecode"
  }

  /// An axial or radial shading in DeviceRGB whose function is exponential (type 2) or stitches
  /// exponential ones (type 3): its end colours converted.
  mutating func shading(_ s: qpdf_oh) {
    let dict = qpdf_oh_is_stream(q, s) != 0 ? qpdf_oh_get_dict(q, s) : s
    guard qpdf_oh_is_dictionary(q, dict) != 0, usesRGB(qpdf_oh_get_key(q, dict, "/ColorSpace")) else { return }
    func convert(_ f: qpdf_oh) -> Bool {
      let type = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, f, "/FunctionType"))
      if type == 2 {
        for key in ["/C0", "/C1"] {
          let c = qpdf_oh_get_key(q, f, key)
          let rgb: [Double] =
            qpdf_oh_is_array(q, c) != 0 && qpdf_oh_get_array_n_items(q, c) == 3
            ? (0..<3).map { qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, c, Int32($0))) } : (key == "/C0" ? [0, 0, 0] : [1, 1, 1])
          qpdf_oh_replace_key(q, f, key, array(converter.cmyk(rgb)))
        }
        return true
      }
      if type == 3 {
        let parts = qpdf_oh_get_key(q, f, "/Functions")
        guard qpdf_oh_is_array(q, parts) != 0 else { return false }
        for i in 0..<qpdf_oh_get_array_n_items(q, parts) where !convert(qpdf_oh_get_array_item(q, parts, i)) { return false }
        return true
      }
      return false
    }
    if convert(qpdf_oh_get_key(q, dict, "/Function")) {
      qpdf_oh_replace_key(q, dict, "/ColorSpace", qpdf_oh_new_name(q, "/DeviceCMYK"))
      if qpdf_oh_has_key(q, dict, "/Background") != 0 { qpdf_oh_remove_key(q, dict, "/Background") }
    } else {
      unconverted.append("a colour gradient in DeviceRGB")
    }
  }

  /// An 8-bit DeviceRGB image: its pixels converted with the profile; a JPEG stays a JPEG,
  /// re-encoded in CMYK, unless Flate stores it smaller (a diagram saved as JPEG:
  /// `CMYKJPEG.smaller`); other images are stored Flate-compressed.
  mutating func image(_ x: qpdf_oh) {
    let dict = qpdf_oh_get_dict(q, x)
    let space = qpdf_oh_get_key(q, dict, "/ColorSpace")
    guard usesRGB(space) else { return }
    let bits = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/BitsPerComponent"))
    guard name(space) == "/DeviceRGB", bits == 8 else {
      unconverted.append("an image in DeviceRGB with \(bits)-bit components")
      return
    }
    var buffer: UnsafeMutablePointer<UInt8>? = nil
    var length = 0
    var filtered: QPDF_BOOL = 0
    guard qpdf_oh_get_stream_data(q, x, qpdf_dl_all, &filtered, &buffer, &length) & QPDF_ERRORS == 0, filtered != 0, let buffer else {
      unconverted.append("an image in DeviceRGB that cannot be decoded")
      return
    }
    let rgb = Array(UnsafeBufferPointer(start: buffer, count: length))
    free(buffer)
    let cmyk = converter.cmyk(pixels: rgb)
    let width = Int(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width")))
    let height = Int(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height")))
    let (stored, filter) = isJPEG(dict) ? CMYKJPEG.smaller(cmyk, width: width, height: height) : (cmyk, nil)
    stored.withUnsafeBufferPointer { b in
      let f = filter.map { qpdf_oh_new_name(q, $0) } ?? qpdf_oh_new_null(q)
      qpdf_oh_replace_stream_data(q, x, b.baseAddress, b.count, f, qpdf_oh_new_null(q))
    }
    qpdf_oh_replace_key(q, dict, "/ColorSpace", qpdf_oh_new_name(q, "/DeviceCMYK"))
    if qpdf_oh_has_key(q, dict, "/Decode") != 0 { qpdf_oh_remove_key(q, dict, "/Decode") }
    let (share, most) = InkCoverage.pixels(cmyk, over: QPDFPostProcessor.inkLimit)
    if share > 0.005 { noteInk(most, what: "an image") }
  }
}

extension QPDFPostProcessor {
  /// A finished PDF (the native writer's) converted to PDF/X-4 (`makePDFX`) and written again,
  /// objects in object streams, with a deterministic identifier. qpdf's warnings go to `warnings`.
  static func convertToPDFX(
    _ pdf: [UInt8], profile: OutputProfile, title: String, date: String, warnings: inout [String], report: inout PDFXReport?
  ) throws -> [UInt8] {
    guard let converter = CMYKConverter(profile: profile) else {
      throw Failure(description: "littleCMS cannot use the output profile \(profile.name) (not a CMYK printer profile)")
    }
    return try rewrite(pdf, what: "the PDF", warnings: &warnings) { q in
      report = makePDFX(q, profile: profile, converter: converter, title: title, date: date)
    }
  }
}
