import CQPDF
import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// PDF/X-4: colour conversion rules, the content-stream rewrite, the ink limit, and a print
/// PDF read back with qpdf.
@Suite(.serialized) struct PDFXTests {
  /// Ghostscript's CMYK profile (Debian `libgs-common`, installed by scripts/setup).
  static func profile() throws -> OutputProfile {
    let path = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
    let data = try #require(FileManager.default.contents(atPath: path), "\(path) is missing: run scripts/setup (libgs-common)")
    return OutputProfile(bytes: Array(data), name: "Artifex CMYK SWOP Profile")
  }

  static func converter() throws -> CMYKConverter {
    try #require(CMYKConverter(profile: profile()))
  }

  // MARK: - Colours

  @Test func nearBlackTextIsPureBlackAndLargeAreasRichBlack() throws {
    let c = try Self.converter()
    let body = [0x1a, 0x1a, 0x1a].map { Double($0) / 255 }
    #expect(c.cmyk(body) == [0, 0, 0, 1], "#1a1a1a body text prints in black ink alone")
    #expect(c.cmyk(body, largeArea: true) == CMYKConverter.richBlack)
    #expect(c.cmyk([1, 1, 1]) == [0, 0, 0, 0], "white stays paper")
    let grey = c.cmyk([0.5, 0.5, 0.5])
    #expect(grey[0] == 0 && grey[1] == 0 && grey[2] == 0 && abs(grey[3] - 0.5) < 0.01, "a neutral grey in K only: \(grey)")
    // A saturated colour goes through the profile: the brochure's teal is mostly cyan, and stays
    // inside the profile's ink limit.
    let teal = c.cmyk([0x0f, 0x4c, 0x5c].map { Double($0) / 255 })
    #expect(teal[0] > teal[1] && teal[1] > teal[2] && teal[0] > 0.7, "\(teal)")
    #expect(teal.reduce(0, +) * 100 <= QPDFPostProcessor.inkLimit, "\(teal)")
    let pixels = c.cmyk(pixels: [255, 255, 255, 0, 0, 0, 0x0f, 0x4c, 0x5c])
    #expect(pixels.count == 12 && pixels[0..<4].allSatisfy { $0 == 0 }, "white pixels carry no ink: \(pixels)")
    #expect(Int(pixels[4]) + Int(pixels[5]) + Int(pixels[6]) + Int(pixels[7]) > 500, "black pixels are a dark four-colour black: \(pixels)")
  }

  // MARK: - Content streams

  @Test func rewriteTouchesOnlyColourOperators() throws {
    let c = try Self.converter()
    let source = """
      q 0.101961 0.101961 0.101961 rg BT /f-0-0 9.5 Tf 1 0 0 -1 50 60 Tm (rg 1 0 0 RG \\) rg) Tj ET
      0.890196 0.392157 0.078431 RG 2 w 0 0 m 100 0 l S
      0.05 0.05 0.05 rg 0 0 200 300 re f
      /DeviceRGB cs 0 0 1 sc 10 10 5 5 re f Q
      BI /W 2 /H 1 /CS /G /BPC 8 ID \u{1}rg\u{2} EI
      [(rg) 120 (RG)] TJ % a comment with 1 0 0 rg
      """
    let (bytes, changed, inline) = ColorRewriter(convert: { c.cmyk($0, largeArea: $1) }).rewrite(Array(source.utf8))
    #expect(changed && inline == 0)
    let ops = ContentStream(bytes).operations
    #expect(!ops.contains { ["rg", "RG", "sc"].contains($0.op) && $0.operands.count == 3 }, "no RGB colour left: \(String(decoding: bytes, as: UTF8.self))")
    let fills = ops.filter { $0.op == "k" }.map { $0.operands }
    #expect(fills.first == [.number(0), .number(0), .number(0), .number(1)], "near-black text is pure K")
    #expect(fills.dropFirst().first == CMYKConverter.richBlack.map { .number($0) }, "a near-black 200 × 300 pt area is rich black")
    #expect(ops.contains { $0.op == "K" && $0.operands.count == 4 }, "the orange stroke is CMYK")
    #expect(ops.contains { $0.op == "cs" && $0.operands == [.name("DeviceCMYK")] })
    #expect(ops.contains { $0.op == "sc" && $0.operands.count == 4 })
    let text = String(decoding: bytes, as: UTF8.self)
    for kept in ["(rg 1 0 0 RG \\) rg) Tj", "BI /W 2 /H 1 /CS /G /BPC 8 ID \u{1}rg\u{2} EI", "[(rg) 120 (RG)] TJ % a comment with 1 0 0 rg"] {
      #expect(text.contains(kept), "strings, inline images and comments are copied as they were: \(text)")
    }
    #expect(ops.map(\.op).contains("TJ") && ops.map(\.op).contains("BI"), "parsing goes on after the inline image")
  }

  @Test func anInlineRGBImageIsCountedNotConverted() throws {
    let c = try Self.converter()
    let source = "q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID \u{FF}\u{0}\u{0} EI Q"
    let (bytes, changed, inline) = ColorRewriter(convert: { c.cmyk($0, largeArea: $1) }).rewrite(Array(source.utf8))
    #expect(inline == 1 && !changed && bytes == Array(source.utf8))
    // In a file, that keeps it from claiming PDF/X-4.
    var warnings: [String] = []
    var report: QPDFPostProcessor.PDFXReport? = nil
    let out = try QPDFPostProcessor.process(
      Self.handMadePDF(source), language: "es", date: PageDate(secondsSince1970: 0), warnings: &warnings, outputProfile: try Self.profile(), title: "x",
      pdfx: &report)
    #expect(report?.unconverted == ["an inline image in RGB"])
    #expect(!String(decoding: out, as: UTF8.self).contains("GTS_PDFX"), "no claim")
  }

  @Test func annotationColoursBecomeCMYK() throws {
    var warnings: [String] = []
    var report: QPDFPostProcessor.PDFXReport? = nil
    let pdf = Self.handMadePDF(
      "0 0 1 rg 0 0 10 10 re f", pageExtra: "/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /C [1 0 0] /Border [0 0 1] /URI (x) >>] ")
    let out = try QPDFPostProcessor.process(
      pdf, language: "es", date: PageDate(secondsSince1970: 0), warnings: &warnings, outputProfile: try Self.profile(), title: "x", pdfx: &report)
    #expect(report?.unconverted == [])
    var q: qpdf_data? = qpdf_init()
    defer { qpdf_cleanup(&q) }
    _ = out.withUnsafeBufferPointer { b in b.withMemoryRebound(to: CChar.self) { qpdf_read_memory(q, "x.pdf", $0.baseAddress, UInt64($0.count), nil) } }
    let annot = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Annots"), 0)
    let c = qpdf_oh_get_key(q, annot, "/C")
    #expect(qpdf_oh_get_array_n_items(q, c) == 4, "the link's red border colour in CMYK")
  }

  @Test func inkCoverageOfAContentStream() {
    #expect(InkCoverage.maximum(in: Array("1 1 1 1 k 0 0 100 100 re f".utf8)) == 400)
    #expect(InkCoverage.maximum(in: Array("q /DeviceCMYK cs .5 .5 .5 .5 sc Q .2 .2 .2 0 K".utf8)) == 200)
    #expect(InkCoverage.maximum(in: Array("1 0 0 rg (1 1 1 1 k) Tj".utf8)) == 0, "RGB and strings are no ink")
    let (share, most) = InkCoverage.pixels([255, 255, 255, 255, 0, 0, 0, 0], over: 300)
    #expect(share == 0.5 && most == 400)
  }

  /// A one-page PDF whose page paints `content`.
  static func handMadePDF(_ content: String, pageExtra: String = "") -> [UInt8] {
    var out = "%PDF-1.5\n"
    var offsets: [Int] = []
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << >> \(pageExtra)>>",
      "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
    ]
    for (i, o) in objects.enumerated() {
      offsets.append(out.utf8.count)
      out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(out.utf8)
  }

  @Test func aFourHundredPercentBlockIsReported() throws {
    let profile = try Self.profile()
    var warnings: [String] = []
    var report: QPDFPostProcessor.PDFXReport? = nil
    let pdf = Self.handMadePDF("0.2 0.2 0.2 rg 10 10 20 20 re f 1 1 1 1 k 0 0 100 100 re f")
    _ = try QPDFPostProcessor.process(
      pdf, language: "es", date: PageDate(secondsSince1970: 0), warnings: &warnings, outputProfile: profile, title: "Tinta", pdfx: &report)
    let found = try #require(report)
    #expect(found.unconverted.isEmpty)
    #expect(found.heavyInk.count == 1 && found.heavyInk.first?.page == 0 && found.heavyInk.first?.percent == 400, "\(found.heavyInk)")
    var findings = PDFXFindings(profile: profile)
    findings.add(found, imposed: false)
    var d = Diagnostics()
    findings.report(into: &d, preflight: true, labels: ["i"], file: "tinta.md")
    let item = try #require(d.items.first { $0.code == .preflightInkCoverage })
    #expect(item.message.contains("page i") && item.message.contains("400 %"), "\(item.message)")
    // Without preflight (a screen build) the limit is not checked.
    var quiet = Diagnostics()
    findings.report(into: &quiet, preflight: false, labels: [], file: "tinta.md")
    #expect(quiet.items.isEmpty)
  }

  // MARK: - A print PDF read back

  static var pdfxStyle: Style {
    var s = PrintTests.printStyle
    s.print.standard = "pdf/x-4"
    return s
  }

  /// Every content stream of the file (pages, forms, patterns, Type 3 glyphs), decoded, and the
  /// colour spaces of its images, read with qpdf's object API.
  static func streams(of pdf: [UInt8]) throws -> (contents: [[UInt8]], imageSpaces: [String], pages: Int, trimBoxes: Int, structTree: Bool) {
    var q: qpdf_data? = qpdf_init()
    defer { qpdf_cleanup(&q) }
    qpdf_silence_errors(q)
    let code = pdf.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { qpdf_read_memory(q, "x.pdf", $0.baseAddress, UInt64($0.count), nil) }
    }
    #expect(code & QPDF_ERRORS == 0)
    var contents: [[UInt8]] = []
    var spaces: [String] = []
    var seen: Set<Int32> = []
    func data(_ s: qpdf_oh) -> [UInt8] {
      var buffer: UnsafeMutablePointer<UInt8>? = nil
      var n = 0
      guard qpdf_oh_get_stream_data(q, s, qpdf_dl_generalized, nil, &buffer, &n) & QPDF_ERRORS == 0, let buffer else { return [] }
      defer { free(buffer) }
      return Array(UnsafeBufferPointer(start: buffer, count: n))
    }
    func name(_ oh: qpdf_oh) -> String { qpdf_oh_is_name(q, oh) != 0 ? String(cString: qpdf_oh_get_name(q, oh)) : "" }
    func each(_ dict: qpdf_oh, _ body: (qpdf_oh) -> Void) {
      guard qpdf_oh_is_dictionary(q, dict) != 0 else { return }
      var keys: [String] = []
      qpdf_oh_begin_dict_key_iter(q, dict)
      while qpdf_oh_dict_more_keys(q) != 0 { keys.append(String(cString: qpdf_oh_dict_next_key(q))) }
      for k in keys { body(qpdf_oh_get_key(q, dict, k)) }
    }
    func resources(_ res: qpdf_oh) {
      each(qpdf_oh_get_key(q, res, "/XObject")) { x in
        guard seen.insert(qpdf_oh_get_object_id(q, x)).inserted else { return }
        let d = qpdf_oh_get_dict(q, x)
        if name(qpdf_oh_get_key(q, d, "/Subtype")) == "/Image" {
          let cs = qpdf_oh_get_key(q, d, "/ColorSpace")
          spaces.append(qpdf_oh_is_name(q, cs) != 0 ? name(cs) : "array")
        } else {
          contents.append(data(x))
          resources(qpdf_oh_get_key(q, d, "/Resources"))
        }
      }
      each(qpdf_oh_get_key(q, res, "/Font")) { f in
        each(qpdf_oh_get_key(q, f, "/CharProcs")) { contents.append(data($0)) }
      }
      each(qpdf_oh_get_key(q, res, "/Pattern")) { p in
        if qpdf_oh_is_stream(q, p) != 0 { contents.append(data(p)) }
      }
    }
    let pages = Int(qpdf_get_num_pages(q))
    var trims = 0
    for i in 0..<pages {
      let page = qpdf_get_page_n(q, Int(i))
      var buffer: UnsafeMutablePointer<UInt8>? = nil
      var n = 0
      if qpdf_oh_get_page_content_data(q, page, &buffer, &n) & QPDF_ERRORS == 0, let buffer {
        contents.append(Array(UnsafeBufferPointer(start: buffer, count: n)))
        free(buffer)
      }
      if qpdf_oh_is_array(q, qpdf_oh_get_key(q, page, "/TrimBox")) != 0 { trims += 1 }
      resources(qpdf_oh_get_key(q, page, "/Resources"))
    }
    let tree = qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot")) != 0
    return (contents, spaces, pages, trims, tree)
  }

  @Test func printPDFIsCMYKWithOutputIntent() throws {
    let doc = try PDFTest.fixture("english.md")
    var options = PDFOptions(impose: .booklet)
    options.outputProfile = try Self.profile()
    var d = Diagnostics()
    let files = try PDFWriter(style: Self.pdfxStyle, options: options).writeFiles([doc], environment: PDFTest.environment, diagnostics: &d)
    #expect(!d.items.contains { $0.code == .pdfxIncomplete || $0.code == .pdfxNoProfile }, "\(d.items.map(\.message))")
    for (file, suffix) in zip(files, ["pdfx", "pdfx.booklet"]) {
      let url = PDFTest.outputFolder.appendingPathComponent("\(suffix).pdf")
      try Data(file.bytes).write(to: url)
      let read = try Self.streams(of: file.bytes)
      #expect(read.pages > 1 && read.trimBoxes == read.pages, "a TrimBox on every page of \(suffix)")
      // The booklet is print order, untagged on purpose; the reading PDF keeps its tags.
      #expect(read.structTree == !suffix.contains("booklet"), "the structure tree survives the conversion (\(suffix))")
      #expect(!read.imageSpaces.isEmpty && read.imageSpaces.allSatisfy { $0 == "/DeviceCMYK" || $0 == "/DeviceGray" }, "\(read.imageSpaces)")
      for content in read.contents {
        let ops = ContentStream(content).operations
        #expect(!ops.contains { $0.op == "rg" || $0.op == "RG" }, "no rg/RG operator left in \(suffix)")
      }
      #expect(read.contents.contains { ContentStream($0).operations.contains { $0.op == "k" } })
      // Decompressed by qpdf: no DeviceRGB anywhere, the output intent and the version in the
      // Info dictionary and in XMP.
      let qdf = PDFTest.outputFolder.appendingPathComponent("\(suffix).qdf.pdf")
      let run = try #require(PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", url.path, qdf.path]), "qpdf is installed by scripts/setup")
      #expect(run.status == 0, "\(run.output)")
      let text = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
      #expect(!text.contains("DeviceRGB"))
      #expect(text.contains("/S /GTS_PDFX") && text.contains("/OutputIntents") && text.contains("/DestOutputProfile"))
      #expect(text.contains("/N 4"), "the output profile is CMYK")
      #expect(text.contains("/GTS_PDFXVersion (PDF/X-4)") && text.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"))
      #expect(text.contains("/Trapped /False"))
      let fonts = PDFTest.run("pdffonts", [url.path])?.output ?? ""
      let rows = fonts.split(separator: "\n").dropFirst(2)
      #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" yes ") }, "every font embedded: \(fonts)")
    }
  }

  @Test func aStyleWithoutBleedStillGetsATrimBoxOnEveryPage() throws {
    var style = Style()
    style.print.standard = "pdf/x-4"
    let doc = try PDFTest.fixture("english.md")
    var d = Diagnostics()
    let bytes = try PDFWriter(style: style, options: PDFOptions(outputProfile: try Self.profile())).write([doc], environment: PDFTest.environment, diagnostics: &d)
    let read = try Self.streams(of: bytes)
    #expect(read.pages > 1 && read.trimBoxes == read.pages, "\(read.trimBoxes) of \(read.pages)")
  }

  @Test func withoutAProfileThePDFStaysRGBAndSaysSo() throws {
    let doc = try PDFTest.document("# Hola\n\nTexto.")
    var d = Diagnostics()
    let bytes = try PDFWriter(style: Self.pdfxStyle).write([doc], environment: PDFTest.environment, diagnostics: &d)
    #expect(d.items.contains { $0.code == .pdfxNoProfile })
    let read = try Self.streams(of: bytes)
    #expect(read.contents.contains { ContentStream($0).operations.contains { $0.op == "rg" } }, "no conversion without a profile")
  }
}
