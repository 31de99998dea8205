import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// Active content stays out of SVG images, whatever the prefix, namespace or spelling, and the
/// attack's four images make an EPUB epubcheck finds clean.
@Suite("Hostile SVG")
struct HostileSVGTests {
  static let svg = "http://www.w3.org/2000/svg"

  /// One hostile construct inside an SVG root that also holds a canary shape.
  static func image(_ inner: String, prefix: String? = nil, root extra: String = "") -> String {
    let p = prefix.map { $0 + ":" } ?? ""
    let ns = prefix.map { "xmlns:\($0)=\"\(svg)\"" } ?? "xmlns=\"\(svg)\""
    return "<\(p)svg \(ns) xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:h=\"http://www.w3.org/1999/xhtml\" width=\"10\" height=\"10\"\(extra)>"
      + inner.replacingOccurrences(of: "P:", with: p) + "<\(p)rect id=\"canary\" width=\"10\" height=\"10\"/></\(p)svg>"
  }

  static let hostile: [String] = [
    "<P:script>alert(1)</P:script>", "<P:script><![CDATA[alert(1)]]></P:script>", "<h:script>alert(1)</h:script>",
    "<script xmlns=\"\">alert(1)</script>", "<P:SCRIPT>alert(1)</P:SCRIPT>",
    "<P:g onload=\"alert(1)\"/>", "<P:g ONCLICK=\"alert(1)\"/>", "<P:g h:onclick=\"alert(1)\"/>",
    "<P:foreignObject><h:iframe src=\"http://evil.example/\"/></P:foreignObject>",
    "<P:set attributeName=\"onclick\" to=\"alert(1)\"/>", "<P:animate attributeName=\"href\" values=\"javascript:alert(1)\"/>",
    "<P:set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/>",
    "<P:a xlink:href=\"javascript:alert(1)\"><P:circle r=\"1\"/></P:a>", "<P:a href=\"jav&#x09;ascript:alert(1)\"><P:circle r=\"1\"/></P:a>",
    "<P:a href=\"http://evil.example/\"><P:circle r=\"1\"/></P:a>",
    "<P:image href=\"http://evil.example/t.png\" width=\"1\" height=\"1\"/>", "<P:image xlink:href=\"//evil.example/t.png\"/>",
    "<P:image href=\"file:///etc/passwd\"/>", "<P:image href=\"other.svg\"/>", "<P:use href=\"other.svg#x\"/>",
    "<P:image href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\"/>",
    "<P:style>@import url(http://evil.example/x.css);</P:style>", "<P:style>rect { fill: url(http://evil.example/p.png) }</P:style>",
    "<P:style>@\\69mport 'http://evil.example/x.css';</P:style>", "<P:rect style=\"fill: url('http://evil.example/a')\"/>",
    "<P:rect fill=\"url(http://evil.example/a)\"/>", "<?xml-stylesheet href=\"http://evil.example/x.css\"?>",
  ]

  static func check(_ result: SVGSanitizer.Result?, _ source: String) {
    guard let result else {
      Issue.record("refused: \(source)")
      return
    }
    let out = String(decoding: result.bytes, as: UTF8.self)
    let lower = out.lowercased()
    for word in ["script", "onload", "onclick", "foreignobject", "javascript", "evil.example", "iframe", "@import", "other.svg", "passwd", "svg+xml"] {
      #expect(!lower.contains(word), "\(word) survived in \(out)")
    }
    #expect(out.contains("canary"), "the safe content was lost: \(out)")
    #expect(!result.removed.isEmpty, "nothing reported removed for \(source)")
  }

  @Test(arguments: [nil, "svg", "s"] as [String?])
  func everyConstructUnderEveryPrefix(_ prefix: String?) {
    for construct in Self.hostile {
      let source = Self.image(construct, prefix: prefix)
      Self.check(SVGSanitizer.sanitize(Array(source.utf8)), source)
    }
  }

  @Test func safeContentIsKeptAndNothingReported() throws {
    let source = Self.image("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient></defs><use href=\"#g\"/><path d=\"M0 0L1 1\" fill=\"url(#g)\"/><text x=\"1\">Hi</text><style>rect { fill: url(#g) }</style>")
    let result = try #require(SVGSanitizer.sanitize(Array(source.utf8)))
    let out = String(decoding: result.bytes, as: UTF8.self)
    #expect(result.removed.isEmpty, "\(result.removed)")
    for kept in ["linearGradient", "url(#g)", "href=\"#g\"", ">Hi<", "canary"] { #expect(out.contains(kept), "\(kept) lost: \(out)") }
  }

  @Test func entitiesAndInternalSubsetsAreRefused() {
    for doctype in [
      "<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;alert(2)&#60;/script&#62;\">]>",
      "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "<!doctype svg [ ]>", "<!ENTITY x \"y\">",
    ] {
      #expect(SVGSanitizer.sanitize(Array((doctype + Self.image("&s;")).utf8)) == nil, "\(doctype) accepted")
    }
    // A plain external DTD reference (Inkscape, Illustrator) is never loaded and is dropped.
    let publicDTD = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" + Self.image("")
    let result = SVGSanitizer.sanitize(Array(publicDTD.utf8))
    #expect(result.map { !String(decoding: $0.bytes, as: UTF8.self).contains("DOCTYPE") } == true)
  }

  @Test func notSVGIsRefused() {
    for source in ["<html><script>alert(1)</script></html>", "<svg>no namespace</svg>", "<svg xmlns=\"\(Self.svg)\"", "not xml"] {
      #expect(SVGSanitizer.sanitize(Array(source.utf8)) == nil, "\(source) accepted")
    }
  }

  @Test func embeddedRasterImagesAreHeldToThePixelBudget() throws {
    func png(_ w: UInt32, _ h: UInt32) -> String {
      var b: [UInt8] = Array(Hostile.tinyPNG)
      for (i, v) in [w, h].enumerated() { for k in 0..<4 { b[16 + i * 4 + k] = UInt8((v >> (24 - 8 * UInt32(k))) & 0xFF) } }
      return "data:image/png;base64," + Data(b).base64EncodedString()
    }
    let small = try #require(SVGSanitizer.sanitize(Array(Self.image("<image href=\"\(png(2, 2))\"/>").utf8)))
    #expect(String(decoding: small.bytes, as: UTF8.self).contains("data:image/png"))
    let huge = try #require(SVGSanitizer.sanitize(Array(Self.image("<image href=\"\(png(30_000, 30_000))\"/>").utf8)))
    #expect(!String(decoding: huge.bytes, as: UTF8.self).contains("data:image"))
    #expect(huge.removed.contains { $0.contains(Budget.imagePixels.rawValue) })
  }

  /// The attack `epub-svg-active-content`: its four SVGs packaged into an EPUB.
  static let attack: [String: String] = [
    "ent.svg": "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;alert(2)&#60;/script&#62;\">]>\n<svg xmlns=\"\(svg)\" width=\"10\" height=\"10\">&s;<rect width=\"10\" height=\"10\"/></svg>\n",
    "link.svg": "<svg xmlns=\"\(svg)\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"><a xlink:href=\"javascript:alert(3)\"><rect width=\"10\" height=\"10\"/></a><foreignObject width=\"10\" height=\"10\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"http://evil.example/\"/></foreignObject><image href=\"http://evil.example/track.png\" width=\"1\" height=\"1\"/><style>@import url(http://evil.example/x.css);</style></svg>\n",
    "nsscript.svg": "<svg:svg xmlns:svg=\"\(svg)\" width=\"10\" height=\"10\"><svg:script>alert(1)</svg:script><svg:rect width=\"10\" height=\"10\"/></svg:svg>\n",
    "onload.svg": "<svg xmlns=\"\(svg)\" width=\"10\" height=\"10\" onload=\"alert(document.domain)\"><rect width=\"10\" height=\"10\" fill=\"red\"/></svg>\n",
  ]

  @Test func attackImagesMakeACleanEPUB() throws {
    let page = "---\ntitle: P\n---\n\n![An onload SVG](onload.svg)\n\n![A namespaced script](nsscript.svg)\n\n![Entity script](ent.svg)\n\n![Links](link.svg)\n"
    var files: [String: [UInt8]] = [:]
    for (name, text) in Self.attack { files[name] = Array(text.utf8) }
    let run = try Hostile.run(page, files: files, formats: [.epub, .pdf])
    let epub = try HostileEPUB.contents(run)
    for word in ["onload=", "svg:script", "ENTITY", "javascript:", "evil.example", "scripted", "remote-resources"] {
      #expect(!epub.contains(word), "\(word) is in the EPUB")
    }
    // One warning per image changed, whatever the formats; the entity image is refused, not packaged.
    #expect(run.diagnostics.items.filter { $0.code == .svgSanitized }.count == 3)
    #expect(run.codes.contains("refused-image"))

    guard FileManager.default.fileExists(atPath: "/usr/share/java/epubcheck.jar"), let bytes = run.outputs[.epub] else { return }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-svg-\(UUID().uuidString).epub")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    guard let check = runTool("java", ["-jar", "/usr/share/java/epubcheck.jar", url.path]) else { return }
    #expect(!check.output.contains("ERROR") && !check.output.contains("OPF-014") && !check.output.contains("RSC-006"), "\(check.output)")
  }
}

extension HostileSVGTests {
  @Test func whatIsServedAsSVGCoversWhatOutputsTakeForSVG() {
    #expect(SVGSanitizer.looksLikeXML(Array("\u{FEFF} \n<svg/>".utf8)))
    #expect(SVGSanitizer.looksLikeXML(Array("junk before <svg onload=x>".utf8)))
    #expect(!SVGSanitizer.looksLikeXML(Hostile.tinyPNG))
    #expect(!SVGSanitizer.looksLikeXML(Array("GIF89a\u{1}\0\u{1}\0<svg".utf8)))
  }
}

extension HostileSVGTests {
  @Test func drawingProgramsMetadataGoesWithoutAWarning() throws {
    let source = """
      <svg xmlns="\(Self.svg)" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="10" height="10">
      <sodipodi:namedview pagecolor="#fff"/><metadata><rdf:RDF/></metadata>
      <g inkscape:label="Layer 1" inkscape:groupmode="layer" data-name="x"><rect id="canary" width="10" height="10"/></g></svg>
      """
    let result = try #require(SVGSanitizer.sanitize(Array(source.utf8)))
    #expect(result.removed.isEmpty, "\(result.removed)")
    let out = String(decoding: result.bytes, as: UTF8.self)
    #expect(out.contains("canary") && !out.contains("namedview") && !out.contains("inkscape:label"))
  }
}
