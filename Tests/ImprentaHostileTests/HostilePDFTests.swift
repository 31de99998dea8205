import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// The PDF backend's hostile inputs, end to end through the exporter: names and URLs that would
/// be PDF syntax, images over their budgets, and text that must all be drawn.
@Suite("Hostile PDF", .serialized)
struct HostilePDFTests {
  /// Writes the PDF of a run to a file for the command-line tools; nil without the tool.
  static func tool(_ name: String, _ args: [String], pdf: [UInt8]) throws -> String? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-hostile-\(UUID().uuidString).pdf")
    try Data(pdf).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return runTool(name, args.map { $0 == "FILE" ? url.path : $0 })?.output
  }

  @Test func namesAndURLsNeverBecomePDFSyntax() throws {
    let page = """
      ---
      title: T)\\(
      ---

      ## Heading {#a)]/Injected<</S/JavaScript/JS(app.alert(1))>>[(b}

      [to](<#a)]/Injected<</S/JavaScript/JS(app.alert(1))>>[(b>) <http://x/a\\>  [bs](http://x/b\\ "t")

      [js](javascript:app.alert(1)) [file](file:///etc/passwd) [vb](vbscript:x)
      """
    let run = try Hostile.run(page, formats: [.pdf])
    let pdf = try #require(run.outputs[.pdf])
    #expect(run.diagnostics.items.filter { $0.code == .unsafeURL }.count == 3)
    #expect(!run.codes.contains("pdf-repaired"), "\(run.diagnostics.items)")
    guard let check = try Self.tool("qpdf", ["--check", "FILE"], pdf: pdf) else { return }
    #expect(check.contains("No syntax or stream encoding errors") && !check.contains("WARNING"), "\(check)")
    let qdfURL = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-hostile-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: qdfURL) }
    _ = try Self.tool("qpdf", ["--qdf", "--object-streams=disable", "FILE", qdfURL.path], pdf: pdf)
    let qdf = String(decoding: (try? Data(contentsOf: qdfURL)) ?? Data(), as: UTF8.self)
    #expect(!qdf.contains("/S /JavaScript") && !qdf.contains("javascript:") && !qdf.contains("file:///"), "an action or refused URL in the PDF")
    #expect(qdf.contains("/URI (http://x/a%5C)") && qdf.contains("/URI (http://x/b%5C)"))
  }

  @Test func imagesOverTheirBudgetsAreNamedAndNeverDecoded() throws {
    func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
    let bigPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(30_000) + be32(30_000) + [8, 6, 0, 0, 0, 0, 0, 0, 0]
    let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/png;base64,\#(Data(bigPNG).base64EncodedString())"/></svg>"#
    var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC2, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0]
    for _ in 0..<200 { jpeg += [0xFF, 0xDA, 0, 8, 1, 1, 0, 1, 63, 0, 0x12, 0x34] }
    jpeg += [0xFF, 0xD9]
    let run = try Hostile.run(
      "---\ntitle: T\n---\n\n![bomb](bomb.svg)\n\n![scans](scans.jpg)\n\nText.\n", files: ["bomb.svg": Array(svg.utf8), "scans.jpg": jpeg], formats: [.pdf])
    let svgWarning = run.diagnostics.items.first { $0.message.contains("bomb.svg") }
    // The resource layer's SVG sanitizer removes the nested image first; the PDF's own check is the second line of defence.
    #expect((svgWarning?.code == .imageTooLarge || svgWarning?.code == .svgSanitized) && svgWarning?.message.contains("image-pixels") == true && svgWarning?.line == 5, "\(run.diagnostics.items)")
    let jpegWarning = run.diagnostics.items.first { $0.message.contains("scans.jpg") && $0.code != .missingAltText }
    #expect(jpegWarning?.code == .imageOverBudget && jpegWarning?.message.contains("budget jpeg-scans") == true && jpegWarning?.line == 7)
  }

  @Test func longNoteAndTallRowAreDrawnWhole() throws {
    let words = (0..<2_000).map { "w\($0)" }.joined(separator: " ")
    let page = "---\ntitle: T\n---\n\nA call[^1].\n\n| a | b |\n|---|---|\n| \(words) | x |\n\n[^1]: \(words)\n"
    let run = try Hostile.run(page, formats: [.pdf])
    let pdf = try #require(run.outputs[.pdf])
    guard let text = try Self.tool("pdftotext", ["FILE", "-"], pdf: pdf) else { return }
    let found = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.hasPrefix("w") }
    #expect(found.count == 4_000, "\(found.count) of 4,000 words drawn")
  }
}
