import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Every image is measured before it is decoded: its pixels, a JPEG's scans, an SVG's bytes and
/// the images inside it, and the pixels of the document's images together.
@Suite(.serialized) struct ImageBudgetTests {
  /// A PNG header (signature and IHDR) declaring `w` × `h`, and nothing else.
  static func pngHeader(_ w: Int, _ h: Int) -> [UInt8] {
    func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(w) + be32(h) + [8, 6, 0, 0, 0, 0, 0, 0, 0]
  }

  /// A progressive JPEG's markers with `scans` scans, each with entropy bytes holding a stuffed
  /// 0xFF00 and a restart marker (which are not scans).
  static func progressiveJPEG(scans: Int) -> [UInt8] {
    func seg(_ m: UInt8, _ p: [UInt8]) -> [UInt8] { [0xFF, m, UInt8((p.count + 2) >> 8), UInt8((p.count + 2) & 255)] + p }
    var j: [UInt8] = [0xFF, 0xD8]
    j += seg(0xDB, [0] + [UInt8](repeating: 1, count: 64))
    j += seg(0xC2, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
    for _ in 0..<scans { j += seg(0xDA, [1, 1, 0, 1, 63, 0]) + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56] }
    return j + [0xFF, 0xD9]
  }

  @Test(arguments: [1, 2, 17, Budget.jpegScans.limit, Budget.jpegScans.limit + 1, 500])
  func jpegScansAreCountedBeforeDecoding(_ n: Int) {
    let bytes = Self.progressiveJPEG(scans: n)
    #expect(ImageHeader.jpegScanCount(bytes) == n)
    let result = LoadedImage.load(bytes)
    if n > Budget.jpegScans.limit {
      guard case .failure(.overBudget(.jpegScans?, _)) = result else {
        Issue.record("\(n) scans not refused: \(result)")
        return
      }
    } else if case .failure(.overBudget) = result {
      Issue.record("\(n) scans refused")
    }
  }

  static func dataURL(_ bytes: [UInt8], type: String = "image/png") -> String { "data:\(type);base64," + Data(bytes).base64EncodedString() }

  @Test(arguments: [(100, 100, true), (10_000, 10_000, true), (10_001, 10_000, false), (30_000, 30_000, false), (70_000, 1, false)])
  func nestedImageIsMeasuredFromItsHeader(_ w: Int, _ h: Int, _ allowed: Bool) {
    let m = NestedImageBudget.measure(href: Self.dataURL(Self.pngHeader(w, h)))
    #expect(allowed ? m == .pixels(w * h) : m == .refused("an image of \(w)×\(h) pixels", .imagePixels), "\(m)")
  }

  @Test(arguments: [
    "DATA:image/png;base64,", " data:image/png;base64,", "data:image/png;BASE64,", "da\nta:image/png;base64,", "data:;base64,",
    "data:image/jpeg;base64,",
  ])
  func spellingsOfADataURLAreAllMeasured(_ prefix: String) {
    let encoded = Data(Self.pngHeader(30_000, 30_000)).base64EncodedString()
    let spaced = String(encoded.enumerated().flatMap { $0.offset % 10 == 9 ? [$0.element, " "] : [$0.element] })
    #expect(NestedImageBudget.measure(href: prefix + spaced) == .refused("an image of 30000×30000 pixels", .imagePixels))
    let percent = encoded.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
    #expect(NestedImageBudget.measure(href: prefix + percent) == .refused("an image of 30000×30000 pixels", .imagePixels))
  }

  @Test func unknownFormatsAndBadBase64AreRefused() {
    if case .refused(_, nil) = NestedImageBudget.measure(href: "data:image/bmp;base64," + Data("BM\0\0".utf8).base64EncodedString()) {} else { Issue.record("BMP measured") }
    if case .refused = NestedImageBudget.measure(href: "data:image/png;base64,!!!!") {} else { Issue.record("bad base64 measured") }
    #expect(NestedImageBudget.measure(href: "images/a.png") == .notData)
  }

  /// The attack's SVG and ways of hiding its `data:` URL from a plain search.
  static func svgs(hiding href: String) -> [String] {
    let open = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">"#
    let charRef = "&#100;&#x61;ta:" + href.dropFirst(5)
    return [
      open + #"<image width="10" height="10" xlink:href="\#(href)"/></svg>"#,
      open + #"<image width="10" height="10" href='  \#(href)'/></svg>"#,
      open + #"<image width="10" height="10" href="\#(charRef)"/></svg>"#,
      #"<!DOCTYPE svg [<!ENTITY img "\#(href)">]>"# + open + #"<image href="&img;"/></svg>"#,
      open + #"<feImage href="\#(href)"/></svg>"#,
      open + #"<style>rect { fill: url(\#(href)) }</style></svg>"#,
      open + #"<image href="\#(dataURL(Array((open + "<image href='\(href)'/></svg>").utf8), type: "image/svg+xml"))"/></svg>"#,
    ]
  }

  @Test func everyHiddenNestedImageIsMeasured() {
    let bomb = Self.dataURL(Self.pngHeader(30_000, 30_000))
    for svg in Self.svgs(hiding: bomb) {
      guard case .failure(let refusal) = NestedImageBudget.check(svg: Array(svg.utf8)) else {
        Issue.record("not refused: \(svg.prefix(200))")
        continue
      }
      #expect(refusal.budget == .imagePixels, "\(refusal)")
    }
    let small = Self.dataURL(Self.pngHeader(10, 10))
    for svg in Self.svgs(hiding: small) {
      // (An entity's value is counted where it is declared and where it is used.)
      let pixels = try? NestedImageBudget.check(svg: Array(svg.utf8)).get()
      #expect(pixels.map { $0 >= 100 } == true, "\(svg.prefix(200))")
    }
  }

  @Test func entitiesThatCannotBeExpandedRefuseTheSVG() {
    for doctype in [#"<!DOCTYPE svg [<!ENTITY % p "x">]>"#, #"<!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]>"#, #"<!DOCTYPE svg [<!ENTITY a "da"><!ENTITY b "&a;ta:">]>"#] {
      let svg = doctype + #"<svg xmlns="http://www.w3.org/2000/svg"/>"#
      if case .success = NestedImageBudget.check(svg: Array(svg.utf8)) { Issue.record("accepted \(doctype)") }
    }
  }

  @Test func svgOverItsByteBudgetIsRefused() {
    let svg = #"<svg xmlns="http://www.w3.org/2000/svg"><desc>"# + String(repeating: "x", count: Budget.svgBytes.limit) + "</desc></svg>"
    #expect((try? NestedImageBudget.check(svg: Array(svg.utf8)).get()) == nil)
    if case .failure(let r) = NestedImageBudget.check(svg: Array(svg.utf8)) { #expect(r.budget == .svgBytes) }
  }

  /// Serves generated files by name.
  struct Generated: ResourceProvider {
    let files: [String: [UInt8]]
    func resource(_ reference: String, for document: Document) -> ResourceLookup {
      files[reference].map { .found(Resource(name: reference, bytes: $0)) } ?? .missing("no file \(reference)")
    }
  }

  @Test func imagesPastTheDocumentBudgetAreRefusedNamingIt() throws {
    // SVGs whose nested image headers declare 99.99 megapixels each: measured, never decoded.
    let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image width="10" height="10" href="\#(Self.dataURL(Self.pngHeader(9_999, 9_999)))"/></svg>"#
    let n = Budget.documentPixels.limit / (9_999 * 9_999) + 2
    var files: [String: [UInt8]] = [:]
    var markdown = "# Images\n\n"
    for k in 0..<n {
      files["i\(k).svg"] = Array(svg.utf8)
      markdown += "![Image \(k)](i\(k).svg)\n\n"
    }
    let doc = try PDFTest.document(markdown, path: "budget.md")
    var diagnostics = Diagnostics()
    let env = ExportEnvironment(resources: Generated(files: files), buildDate: PDFTest.environment.buildDate)
    _ = PDFWriter(style: Style()).layout(doc, environment: env, diagnostics: &diagnostics)
    let refused = diagnostics.items.filter { $0.code == .imageOverBudget }
    #expect(refused.count == n - Budget.documentPixels.limit / (9_999 * 9_999), "\(diagnostics.items)")
    #expect(refused.allSatisfy { $0.message.contains("budget document-pixels") && $0.file == "budget.md" && $0.line > 0 })
  }

  @Test func aSecondPassReportsEachImageOnce() throws {
    let doc = try PDFTest.document("# A\n\n![x](nope.png)\n\n## B\n\n![y](nope.png)\n\n![big](../../../x.png)\n\n![Chart](images/chart.jpg)\n", path: "toc.md")
    let (url, _, diagnostics) = try PDFTest.write(doc, name: "toc-images", options: PDFOptions(tableOfContents: true))
    // Missing and refused images are the content check's to report; the PDF reports nothing twice.
    #expect(!diagnostics.items.contains { $0.code == .missingImage || $0.code == .refusedImage }, "\(diagnostics.items)")
    #expect(Set(diagnostics.items).count == diagnostics.items.count, "\(diagnostics.items)")
    guard let list = PDFTest.run("pdfimages", ["-list", url.path])?.output else { return }
    #expect(list.contains(" jpeg "), "the image of the first pass is drawn by the second")
  }

  @Test func jpegGoesIntoThePDFAsItIsWithoutDecoding() throws {
    let doc = try PDFTest.document("# J\n\n![Chart](images/chart.jpg)\n\n![Again](images/chart.jpg)\n")
    let (url, _, diagnostics) = try PDFTest.write(doc, name: "jpeg-as-is")
    #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
    guard let list = PDFTest.run("pdfimages", ["-list", url.path])?.output else { return }
    let rows = list.split(separator: "\n").dropFirst(2)
    #expect(rows.count == 2 && rows.allSatisfy { $0.contains(" jpeg ") && $0.contains("480") }, "\(list)")
    // Painted twice, embedded once.
    let objects = Set(rows.map { $0.split(separator: " ", omittingEmptySubsequences: true)[10] })
    #expect(objects.count == 1, "\(list)")
  }
}
