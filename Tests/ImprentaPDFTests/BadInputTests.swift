import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

@Suite struct BadInputTests {
  @Test func hugeImageIsRefusedBeforeDecoding() {
    // A PNG header declaring 20000 × 20000 pixels, and nothing else.
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    png += [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 6, 0, 0, 0]
    guard case .failure(.tooLarge(20000, 20000)) = LoadedImage.load(png) else {
      Issue.record("not refused")
      return
    }
  }

  @Test func jpegHeaderGivesItsSize() throws {
    let bytes = try [UInt8](Data(contentsOf: PDFTest.fixtures.appendingPathComponent("images/chart.jpg")))
    #expect(ImageHeader(bytes) == ImageHeader(format: .jpeg, width: 480, height: 240, components: 3))
  }

  @Test func missingImageIsAWarningAndAPlaceholder() throws {
    let doc = try PDFTest.document("---\ntitle: T\n---\n\nText.\n\n![Alt words](nope.png)\n", path: "dir/page.md")
    let (layout, diagnostics) = PDFTest.layout(doc)
    #expect(!diagnostics.items.contains { $0.code == .missingImage }, "the content check's warning, once for every format")
    #expect(layout.dump().contains(": Alt words]"))
  }

  @Test func pathOutsideTheContentIsRefused() throws {
    let doc = try PDFTest.document("---\ntitle: T\n---\n\n![x](../../../etc/passwd)\n")
    let (layout, _) = PDFTest.layout(doc)
    #expect(!layout.dump().contains("root:"))
  }

  @Test func missingFontFamilyIsAWarningNamingIt() throws {
    var style = Style()
    style.base.font.family = ["Imaginary Serif Pro", "DejaVu Serif"]
    let doc = try PDFTest.document("---\ntitle: T\n---\n\nText.\n")
    var diagnostics = Diagnostics()
    _ = PDFWriter(style: style).layout(doc, environment: PDFTest.environment, diagnostics: &diagnostics)
    let w = try #require(diagnostics.items.first { $0.code == .fontNotInstalled })
    #expect(w.message.contains("Imaginary Serif Pro") && w.message.contains("DejaVu Serif"))
  }
}

extension BadInputTests {
  @Test func gifIsDecodedThroughGdkPixbuf() throws {
    let bytes = try [UInt8](Data(contentsOf: PDFTest.fixtures.appendingPathComponent("images/badge.gif")))
    guard case .success(let image) = LoadedImage.load(bytes) else {
      Issue.record("GIF not decoded")
      return
    }
    #expect(image.format == .gif && image.pixelWidth == 64 && image.pixelHeight == 32)
    // Painted on a tiny page, the red bar shows where the layout put the image.
    var page = LaidPage(width: 64, height: 32)
    page.items.append(PageItem(.image(Rect(x: 0, y: 0, width: 64, height: 32), image)))
    let ctx = CairoContext(imageWidth: 64, height: 32, scale: 1)
    Painter(layout: PageLayout(pages: [page])).paint(page: 0, into: ctx)
    #expect(ctx.pixel(x: 32, y: 16) == 0xc81e1e)
    #expect(ctx.pixel(x: 2, y: 2) == 0xffffff)
  }
}
