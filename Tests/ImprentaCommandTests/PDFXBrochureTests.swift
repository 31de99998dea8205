import Foundation
import ImprentaTestSupport
import Testing

/// The shipped brochure (`brochure.imprenta.yaml`, style `brochure` with `print.standard:
/// pdf/x-4`) built with the command and read back with qpdf and Poppler, as a print shop's
/// preflight would.
@Suite("PDF/X-4 brochure")
struct PDFXBrochureTests {
  @Test("the brochure and its booklet are CMYK PDF/X-4 files that keep their tags")
  func brochureIsPDFX4() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    // The shipped content (its pages and images), as a user's checkout has it.
    for item in ["brochure.imprenta.yaml", "content", "static"] {
      try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(item), to: r.folder.appendingPathComponent(item))
    }
    let project = "brochure.imprenta.yaml"
    let result = try r.run(["build", "--project", project, "--output", "out", "--force"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("PDF/X-4") && !result.stderr.contains("total ink"), "no PDF/X or ink warning: \(result.stderr)")
    for name in ["folleto.pdf", "folleto.booklet.pdf"] {
      let pdf = r.folder.appendingPathComponent("out/" + name).path
      let qdf = r.folder.appendingPathComponent(name + ".qdf").path
      let unpack = try #require(runTool("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]), "qpdf is installed by scripts/setup")
      #expect(unpack.status == 0, "\(unpack.output)")
      // grep on the decompressed file (Swift's string search is slow on 2 MB in a debug build).
      func has(_ s: String) -> Bool { lines(s, in: qdf, fixed: true) > 0 }
      // The output intent with a four-channel profile, the version in Info and XMP.
      #expect(has("/S /GTS_PDFX") && has("/DestOutputProfile") && has("/N 4"), "\(name)")
      #expect(has("/GTS_PDFXVersion (PDF/X-4)") && has("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), "\(name)")
      // Nothing left in RGB: no colour space, image or group, and no rg/RG colour operator.
      #expect(!has("DeviceRGB"), "\(name)")
      let rgbOperators = lines(#"(?<![A-Za-z0-9.])-?[0-9.]+ -?[0-9.]+ -?[0-9.]+ (rg|RG)(?![A-Za-z])"#, in: qdf)
      #expect(rgbOperators == 0, "\(name): \(rgbOperators) rg/RG operators")
      #expect(lines(#"[0-9.] [0-9.]+ [0-9.]+ [0-9.]+ k\b"#, in: qdf) > 0, "colours are set in CMYK")
      let info = try #require(runTool("pdfinfo", [pdf])?.output)
      let pages = Int(info.firstMatch(of: /Pages:\s+(\d+)/)?.1 ?? "0") ?? 0
      #expect(pages > 1)
      // Counted in the page dictionaries (pdfinfo shows a TrimBox even where there is none).
      #expect(lines(#"/Type /Page$"#, in: qdf) == pages)
      #expect(lines(#"/TrimBox \["#, in: qdf) == pages, "\(name): a TrimBox on every page")
      #expect(lines(#"/BleedBox \["#, in: qdf) == pages)
      // The reading PDF keeps its structure tree through the conversion; the imposed booklet is
      // print order, written untagged on purpose (PDF/UA: not for reading).
      let imposed = name.contains("booklet")
      #expect(info.contains("Tagged:          yes") != imposed, "\(name): tagged unless imposed")
      #expect(has("/StructTreeRoot") != imposed)
      let images = try #require(runTool("pdfimages", ["-list", pdf])?.output)
      let kinds = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
      #expect(!kinds.isEmpty && kinds.allSatisfy { $0[2] == "smask" ? $0[5] == "gray" : $0[5] == "cmyk" }, "\(images)")
      // The cover photograph (a JPEG) stays a JPEG after conversion: DCT, four components.
      #expect(kinds.contains { $0[5] == "cmyk" && $0[6] == "4" && $0[8] == "jpeg" }, "\(name): \(images)")
      #expect(has("/Filter /DCTDecode"), "\(name)")
    }
    let check = try r.run(["check", "--project", project, "--preflight"])
    #expect(check.status == 0 && !check.stderr.contains("PDF/X-4") && !check.stderr.contains("total ink"), "\(check.stderr)")
  }

  /// `print.output_profile` picks the CMYK profile by name; a profile that is not a CMYK output
  /// profile (sRGB) is refused with its own diagnostic, and the PDF stays RGB without a claim.
  @Test("print.output_profile: an installed CMYK profile by name, an RGB profile refused")
  func outputProfileChoice() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("page.md", "---\ntitle: Hoja\nlang: es\n---\n\nUn párrafo en <span style=\"color:#c0392b\">rojo</span> y en negro.\n")
    try r.write("cmyk.yaml", "extends: default\nprint:\n  standard: pdf/x-4\n  output_profile: ps_cmyk\n")
    try r.write("rgb.yaml", "extends: default\nprint:\n  standard: pdf/x-4\n  output_profile: srgb\n")
    try r.write("missing.yaml", "extends: default\nprint:\n  standard: pdf/x-4\n  output_profile: no-such-profile\n")
    let good = try r.run(["build", "page.md", "--format", "pdf", "--style", "cmyk.yaml", "-o", "cmyk"])
    #expect(good.status == 0 && !good.stderr.contains("pdfx-"), "\(good.stderr)")
    let cmyk = r.folder.appendingPathComponent("cmyk/page.pdf").path
    let qdf = cmyk + ".qdf"
    _ = try #require(runTool("qpdf", ["--qdf", "--object-streams=disable", cmyk, qdf]))
    #expect(lines("/S /GTS_PDFX", in: qdf, fixed: true) > 0)
    // The intent is named after the chosen profile's own description, not the default's.
    let description = try #require(runTool("grep", ["-a", "-o", "/OutputCondition ([^)]*)", qdf])?.output)
    #expect(!description.isEmpty && !description.contains("Artifex CMYK SWOP"), "\(description)")
    #expect(lines("DeviceRGB", in: qdf, fixed: true) == 0)

    let bad = try r.run(["build", "page.md", "--format", "pdf", "--style", "rgb.yaml", "-o", "rgb"])
    #expect(bad.stderr.contains("'srgb' is not a CMYK output profile (it is a display profile in RGB)"), "\(bad.stderr)")
    let rgbQDF = r.folder.appendingPathComponent("rgb.qdf").path
    _ = try #require(runTool("qpdf", ["--qdf", "--object-streams=disable", r.folder.appendingPathComponent("rgb/page.pdf").path, rgbQDF]))
    #expect(lines("/S /GTS_PDFX", in: rgbQDF, fixed: true) == 0)
    let strict = try r.run(["build", "page.md", "--format", "pdf", "--style", "rgb.yaml", "-o", "rgb2", "--strict"])
    #expect(strict.status != 0)

    let missing = try r.run(["build", "page.md", "--format", "pdf", "--style", "missing.yaml", "-o", "missing"])
    #expect(missing.stderr.contains("'no-such-profile' names no installed profile"), "\(missing.stderr)")
  }

  /// The lines of `file` that match `pattern` (a Perl regular expression, or a fixed string).
  func lines(_ pattern: String, in file: String, fixed: Bool = false) -> Int {
    let out = runTool("grep", ["-a", "-c", fixed ? "-F" : "-P", "--", pattern, file])?.output ?? ""
    return Int(out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }
}
