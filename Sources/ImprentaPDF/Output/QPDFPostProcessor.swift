import Foundation
import CQPDF
import ImprentaModel

/// What Cairo cannot write, set with qpdf's C API on the finished file: the catalog's `/Lang`,
/// `/CreationDate` and `/ModDate` with the `D:` prefix, a deterministic `/ID`, so two runs
/// give the same bytes, and what PDF/UA-1 needs beyond Cairo's tags (`+Accessibility`). Objects are packed into object streams on the way.
enum QPDFPostProcessor {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// `D:YYYYMMDDHHmmSS+HH'mm'`.
  static func pdfDate(_ d: PageDate) -> String {
    func p(_ v: Int, _ n: Int = 2) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    var s = "D:\(p(d.year, 4))\(p(d.month))\(p(d.day))\(p(d.hour ?? 0))\(p(d.minute ?? 0))\(p(d.second ?? 0))"
    if let off = d.utcOffset {
      if off == 0 {
        s += "Z"
      } else {
        let a = abs(off)
        s += (off < 0 ? "-" : "+") + "\(p(a / 3600))'\(p((a % 3600) / 60))'"
      }
    }
    return s
  }

  /// Cairo 1.16 lists an image painted twice on a page twice in the page's resources
  /// (`/x11 11 0 R /x11 11 0 R`). Its resource names carry the object's number (`/x11`,
  /// `/f-0-0`), so a repeated key always names the same object: nothing to repair or report.
  static func isCairoResourceRepeat(_ warning: String) -> Bool {
    warning.range(of: #"dictionary has duplicated key /[a-z]+[-0-9]+; last occurrence overrides"#, options: .regularExpression) != nil
  }

  /// `rightToLeft` asks viewers to read the pages right to left (`/ViewerPreferences /Direction
  /// /R2L`: a two-page view puts page 2 on the right). `boxes` sets `TrimBox` and `BleedBox` on every page (print production); `inspect` looks at
  /// the document before it is written (preflight's font check). `outputProfile` converts the
  /// document to its CMYK and marks it PDF/X-4 (`makePDFX`); what that found goes to `pdfx`. qpdf's warnings (a repaired
  /// object, a broken stream) never go to stderr: they are added to `warnings`, for diagnostics.
  static func process(
    _ pdf: [UInt8], language: String, rightToLeft: Bool = false, date: PageDate, figureAlts: [String] = [], boxes: PageBoxes? = nil,
    accessibility: Accessibility = .init(), warnings: inout [String],
    inspect: ((qpdf_data?) -> Void)? = nil, outputProfile: OutputProfile? = nil, title: String = "", pdfx: inout PDFXReport?
  ) throws -> [UInt8] {
    try rewrite(pdf, what: "Cairo's PDF", warnings: &warnings, keep: { !isCairoResourceRepeat($0) }) { q in
      let root = qpdf_get_root(q)
      if !language.isEmpty { qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, language)) }
      if rightToLeft {
        let existing = qpdf_oh_get_key(q, root, "/ViewerPreferences")
        let preferences = qpdf_oh_is_dictionary(q, existing) != 0 ? existing : qpdf_oh_new_dictionary(q)
        qpdf_oh_replace_key(q, preferences, "/Direction", qpdf_oh_new_name(q, "/R2L"))
        qpdf_oh_replace_key(q, root, "/ViewerPreferences", preferences)
      }
      var accessibility = accessibility
      accessibility.figureAlts = figureAlts
      // A PDF/X-4 file says so in its XMP too (with the identifiers PDF/X asks for).
      if outputProfile != nil, var metadata = accessibility.metadata {
        metadata.extra += PDFXMetadata.properties(title: metadata.title, date: pdfDate(date))
        accessibility.metadata = metadata
      }
      makeAccessible(q, root: root, accessibility)
      if let boxes { setBoxes(q, boxes) }
      inspect?(q)
      let trailer = qpdf_get_trailer(q)
      var info = qpdf_oh_get_key(q, trailer, "/Info")
      if qpdf_oh_is_dictionary(q, info) == 0 {
        info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q))
        qpdf_oh_replace_key(q, trailer, "/Info", info)
      }
      let stamp = pdfDate(date)
      qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, stamp))
      qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, stamp))
      if let outputProfile {
        guard let converter = CMYKConverter(profile: outputProfile) else {
          throw Failure(description: "littleCMS cannot use the output profile \(outputProfile.name) (not a CMYK printer profile)")
        }
        pdfx = makePDFX(q, profile: outputProfile, converter: converter, title: title, date: stamp)
      }
    }
  }

  /// `pdf` read into qpdf, changed by `edit`, and written again: objects packed into object
  /// streams, a deterministic `/ID`. qpdf's warnings that `keep` keeps go to `warnings` (never to
  /// stderr); what qpdf cannot read or write throws, named after `what`.
  static func rewrite(
    _ pdf: [UInt8], what: String, warnings: inout [String], keep: (String) -> Bool = { _ in true }, edit: (qpdf_data?) throws -> Void
  ) throws -> [UInt8] {
    let q: qpdf_data? = qpdf_init()
    // Taking qpdf's objects apart (3% of a 1,000-page PDF) waits for no one: it runs on another
    // core once the bytes are copied out.
    defer { QPDFCleanup(q).later() }
    qpdf_silence_errors(q)
    qpdf_set_suppress_warnings(q, 1)
    defer {
      while qpdf_more_warnings(q) != 0 {
        guard let w = qpdf_next_warning(q), let t = qpdf_get_error_full_text(q, w) else { continue }
        let text = String(cString: t)
        if keep(text) { warnings.append(text) }
      }
    }
    func check(_ code: QPDF_ERROR_CODE, _ message: String) throws {
      if code & QPDF_ERRORS != 0 {
        var message = message
        if let e = qpdf_get_error(q), let t = qpdf_get_error_full_text(q, e) { message += ": " + String(cString: t) }
        throw Failure(description: message)
      }
    }
    try pdf.withUnsafeBufferPointer { buf in
      try buf.withMemoryRebound(to: CChar.self) { chars in
        try check(qpdf_read_memory(q, "imprenta.pdf", chars.baseAddress, UInt64(chars.count), nil), "qpdf could not read \(what)")
        try edit(q)
        try check(qpdf_init_write_memory(q), "qpdf could not start writing")
        qpdf_set_deterministic_ID(q, 1)
        qpdf_set_object_stream_mode(q, qpdf_o_generate)
        try check(qpdf_write(q), "qpdf could not write the PDF")
      }
    }
    let n = qpdf_get_buffer_length(q)
    guard let out = qpdf_get_buffer(q), n > 0 else { throw Failure(description: "qpdf wrote nothing") }
    return Array(UnsafeBufferPointer(start: out, count: n))
  }
}

/// A finished qpdf handle, freed on another thread.
private struct QPDFCleanup: @unchecked Sendable {
  var q: qpdf_data?
  init(_ q: qpdf_data?) { self.q = q }
  func later() {
    DispatchQueue.global(qos: .utility).async {
      var q = self.q
      qpdf_cleanup(&q)
    }
  }
}
