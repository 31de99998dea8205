import Foundation
import Imprenta
import Testing

/// librsvg's cost for some filter primitives grows with a number the file gives (a morphology
/// radius of 10,000 on 50 shapes took 38 s): past `svg-filter-reach` the primitive is removed
/// and reported; ordinary values stay.
@Suite("Hostile SVG filters")
struct HostileSVGFilterTests {
  static let svg = "http://www.w3.org/2000/svg"

  static func image(_ primitive: String) -> String {
    let shapes = (0..<50).map { "<rect x=\"\($0 * 2)\" y=\"\($0)\" width=\"20\" height=\"20\" filter=\"url(#f)\"/>" }.joined()
    return "<svg xmlns=\"\(svg)\" width=\"400\" height=\"400\"><defs><filter id=\"f\">\(primitive)</filter></defs>\(shapes)</svg>"
  }

  static let costly = [
    "<feMorphology operator=\"dilate\" radius=\"10000\"/>",
    "<feMorphology radius=\"2 5000\"/>",
    "<feMorphology radius=\"1e9\"/>",
    "<feMorphology radius=\"NaN\"/>",
    "<feConvolveMatrix order=\"400\" kernelMatrix=\"1\"/>",
    "<feTurbulence baseFrequency=\"0.05\" numOctaves=\"100000\"/>",
  ]

  @Test("a primitive past the budget is removed with a warning, and the PDF is written in time", arguments: costly)
  func costlyPrimitive(_ primitive: String) throws {
    let image = Self.image(primitive)
    let result = try #require(SVGSanitizer.sanitize(Array(image.utf8)))
    #expect(result.removed.contains { $0.contains("svg-filter-reach") }, "\(result.removed)")
    #expect(String(decoding: result.bytes, as: UTF8.self).contains("<rect"))
    let run = try Hostile.run("---\ntitle: P\n---\n\n![A picture](f.svg)\n", files: ["f.svg": Array(image.utf8)], formats: [.pdf])
    #expect(run.elapsed < .seconds(30))
    #expect(run.diagnostics.items.contains { $0.code == .svgSanitized && $0.message.contains("svg-filter-reach") }, "\(run.diagnostics.items)")
    #expect(run.outputs[.pdf] != nil)
  }

  @Test("ordinary filters are kept")
  func ordinary() throws {
    for primitive in ["<feMorphology radius=\"2\"/>", "<feMorphology radius=\"1.5 3\"/>", "<feConvolveMatrix order=\"3\" kernelMatrix=\"0 1 0 1 -4 1 0 1 0\"/>", "<feTurbulence numOctaves=\"4\"/>", "<feGaussianBlur stdDeviation=\"40\"/>"] {
      let result = try #require(SVGSanitizer.sanitize(Array(Self.image(primitive).utf8)))
      #expect(result.removed.isEmpty, "\(primitive): \(result.removed)")
    }
  }
}
