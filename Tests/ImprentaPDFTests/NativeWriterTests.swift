import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// The native writer (`NativePDF`) against the Cairo and qpdf path on the same layout: the same
/// text read back, the same pages to the eye, valid files, and the structure PDF/UA asks for.
@Suite struct NativeWriterTests {
  static func style(_ writer: String) -> Style {
    var s = Style()
    s.print.writer = writer
    return s
  }

  /// A page with what the writer has to carry: headings (bookmarks), a list, a table, a
  /// footnote, links (internal and web), inline code, emphasis, hyphenated justified text,
  /// ligatures, a PNG with alpha, a JPEG, a GIF and an SVG.
  static let mixed = """
    ---
    title: Prueba del escritor
    lang: es
    ---

    ## Primera sección {#primera}

    La participación ciudadana fortalece la confianza pública y mejora la rendición de cuentas en \
    los municipios; las definiciones oficiales difieren, y la *eficiencia* de los **flujos** \
    administrativos se mide con [indicadores verificables](https://example.org/indicadores) y \
    con `código-en-línea`.[^a]

    - Un elemento con un [enlace interno](#segunda) que cruza la línea cuando el texto es largo.
    - Otro elemento, con letras: ﬁ ﬂ ffi — «comillas» y “otras”.

    | Compromiso | Meta | Avance |
    |:--|--:|--:|
    | Transparencia | 12 | 40 % |
    | Participación | 7 | 85 % |

    ![Un logotipo con transparencia](images/logo.png)

    ![Un gráfico de barras](images/chart.jpg)

    ![Un diagrama](images/diagram.svg)

    ![Una insignia](images/badge.gif)

    ## Segunda sección {#segunda}

    \(String(repeating: "Los compromisos adquiridos por los países miembros se revisan periódicamente mediante mecanismos independientes. ", count: 30))

    [^a]: Una nota al pie con un [enlace](https://example.org/nota).
    """

  /// Writes `markdown` with both writers; returns the two files.
  static func both(_ markdown: String, name: String) throws -> (cairo: URL, native: URL, nativeDiagnostics: Diagnostics) {
    let doc = try PDFTest.document(markdown, path: PDFTest.fixtures.appendingPathComponent("page.md").path)
    let (cairo, _, _) = try PDFTest.write(doc, name: name + "-cairo", style: style("cairo"))
    let (native, _, d) = try PDFTest.write(doc, name: name + "-native", style: style("native"))
    return (cairo, native, d)
  }

  /// Grey pages at `dpi`, one PGM each (width, height, pixels).
  static func pages(_ pdf: URL, dpi: Int) throws -> [(Int, Int, [UInt8])] {
    let prefix = pdf.deletingPathExtension().path + "-page"
    _ = try #require(PDFTest.run("pdftoppm", ["-r", String(dpi), "-gray", pdf.path, prefix]))
    let folder = pdf.deletingLastPathComponent()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix(pdf.deletingPathExtension().lastPathComponent + "-page") && $0.hasSuffix(".pgm") }.sorted()
    return try names.map { name in
      let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      // P5\n<w> <h>\n255\n<pixels>
      var fields: [String] = []
      var i = 0
      while fields.count < 4, i < data.count {
        var field = ""
        while i < data.count, data[i] != 0x0A, data[i] != 0x20 {
          field.append(Character(Unicode.Scalar(data[i])))
          i += 1
        }
        i += 1
        if !field.isEmpty { fields.append(field) }
      }
      return (Int(fields[1]) ?? 0, Int(fields[2]) ?? 0, Array(data[i...]))
    }
  }

  @Test func theSamePagesAndTheSameTextAsCairo() throws {
    let (cairo, native, diagnostics) = try Self.both(Self.mixed, name: "native-mixed")
    #expect(!diagnostics.items.contains { $0.code == .pdfWrittenByCairo }, "\(diagnostics.items)")
    guard let check = PDFTest.run("qpdf", ["--check", native.path]) else { return }
    #expect(check.status == 0, "\(check.output)")
    // The text layer reads the same (words, hyphenation, ligatures, marks).
    let a = try #require(PDFTest.run("pdftotext", [cairo.path, "-"])).output
    let b = try #require(PDFTest.run("pdftotext", [native.path, "-"])).output
    #expect(a == b)
    for word in ["definiciones", "eficiencia", "flujos", "código-en-línea", "periódicamente"] { #expect(b.contains(word), "\(word)") }
    // Every font embedded, subset, with a ToUnicode map.
    let fonts = try #require(PDFTest.run("pdffonts", [native.path])).output.split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty)
    for line in fonts { #expect(line.hasSuffix("yes yes yes") || line.contains(" yes yes yes "), "\(line)") }
    // The pages look the same: under 5% of the ink differs by more than a quarter of the grey
    // range (anti-aliasing of the same glyphs at other sub-pixel positions).
    for (k, d) in try Self.inkDifference(cairo, native, dpi: 60).enumerated() { #expect(d < 0.05, "page \(k + 1): \(d) of the ink differs") }
  }

  @Test func structureLinksOutlineAndMetadata() throws {
    let (_, native, _) = try Self.both(Self.mixed, name: "native-structure")
    guard let qdf = PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", native.path, "-"]) else { return }
    let pdf = qdf.output
    #expect(pdf.contains("/Lang (es)"))
    #expect(pdf.firstMatch(of: /\/MarkInfo <<\s+\/Marked true\s+>>/) != nil)
    #expect(pdf.contains("/DisplayDocTitle true"))
    #expect(pdf.contains("<pdfuaid:part>1</pdfuaid:part>"))
    // Bookmarks for both sections, named destinations the links and bookmarks resolve.
    #expect(pdf.contains("/Type /Outlines"))
    #expect(pdf.contains("/Dests"))
    #expect(pdf.contains("/URI (https://example.org/indicadores)"))
    // Links hold their text and their annotation; annotations say what the link says.
    #expect(pdf.firstMatch(of: /\/S \/Link/) != nil)
    #expect(pdf.contains("/Type /OBJR"))
    #expect(pdf.firstMatch(of: /\/Link <<\s?\/MCID \d+>> BDC/) != nil)
    #expect(pdf.contains("/Contents (indicadores verificables)"))
    #expect(pdf.contains("/Tabs /S"))
    // Figures have their alternative text; decorations are artifacts; no marker element left.
    #expect(pdf.contains("/Alt (Un gr") || pdf.contains("/Alt <"))
    #expect(pdf.contains("/Artifact << /Type /Layout >> BDC"))
    #expect(!pdf.contains("/S /Private") && !pdf.contains("/S /WP\n"))
    #expect(pdf.contains("/Scope /Column"))
    if let check = pdfuaCheck([native.path]) { #expect(check.status == 0, "\(check.output)") }
  }

  @Test func twoRunsGiveTheSameBytes() throws {
    let doc = try PDFTest.document(Self.mixed, path: PDFTest.fixtures.appendingPathComponent("page.md").path)
    let (_, a, _) = try PDFTest.write(doc, name: "native-run-a", style: Self.style("native"))
    let (_, b, _) = try PDFTest.write(doc, name: "native-run-b", style: Self.style("native"))
    #expect(a == b)
    #expect(a.starts(with: Array("%PDF-1.7".utf8)))
  }

  /// How much of `a`'s ink (pixels darker than mid-grey) `b` draws otherwise: pixels that differ
  /// by more than a quarter of the grey range, over the ink pixels.
  static func inkDifference(_ a: URL, _ b: URL, dpi: Int) throws -> [Double] {
    let pa = try pages(a, dpi: dpi), pb = try pages(b, dpi: dpi)
    #expect(pa.count == pb.count && !pa.isEmpty)
    return zip(pa, pb).map { x, y in
      guard x.2.count == y.2.count else { return 1 }
      let ink = x.2.filter { $0 < 128 }.count
      let differing = zip(x.2, y.2).filter { abs(Int($0) - Int($1)) > 64 }.count
      return Double(differing) / Double(max(ink, 1))
    }
  }

  /// CJK (Noto CJK's CID-keyed CFF, embedded as `CIDFontType0C`, codes = CIDs) and colour emoji
  /// (PNG glyphs painted as images with their text) are written natively, where Cairo draws them.
  @Test func cjkAndEmojiAreWrittenNatively() throws {
    let (cairoCJK, cjk, diagnostics) = try Self.both("---\ntitle: 中文\nlang: zh\n---\n\n这是一个中文段落，用来测试字体。日本語の文章。한국어 문장.\n", name: "native-cjk")
    #expect(!diagnostics.items.contains { $0.code == .pdfWrittenByCairo }, "\(diagnostics.items)")
    let fonts = try #require(PDFTest.run("pdffonts", [cjk.path])).output
    #expect(fonts.contains("CID Type 0C"), "\(fonts)")
    let text = try #require(PDFTest.run("pdftotext", [cjk.path, "-"])).output
    #expect(text.contains("这是一个中文段落") && text.contains("日本語の文章") && text.contains("한국어"), "\(text)")
    for d in try Self.inkDifference(cairoCJK, cjk, dpi: 100) { #expect(d < 0.02, "\(d) of the ink differs") }

    let (cairo, emoji, d2) = try Self.both("---\ntitle: t\n---\n\nUn texto con un emoji 🎉 en medio.\n", name: "native-emoji")
    #expect(!d2.items.contains { $0.code == .pdfWrittenByCairo }, "\(d2.items)")
    guard let qdf = PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", emoji.path, "-"]) else { return }
    #expect(qdf.output.contains("/Em0 Do"))
    #expect(qdf.output.lowercased().contains("/actualtext <feffd83cdf89>"))
    // At Cairo's place and size; Cairo's emoji is a blurred copy of the font's bitmap, ours the
    // bitmap itself, so their pixels differ inside the picture (the text around is the same).
    for d in try Self.inkDifference(cairo, emoji, dpi: 60) { #expect(d < 0.3, "\(d) of the ink differs") }
  }

  /// Paragraphs shaped on the other core are set in the writer's fonts again (`rebind`): a
  /// bitmap font (Noto Color Emoji) described itself at its strike's size, 109 px, and its emoji
  /// came out ten times too big in long books, whichever writer. The same file either way.
  @Test func emojiShapedAheadKeepTheirSize() throws {
    let paragraphs = (1...40).map { "Párrafo \($0) con un emoji 🎉 y texto que sigue para llenar la línea." }.joined(separator: "\n\n")
    let doc = try PDFTest.document("---\ntitle: t\nlang: es\n---\n\n" + paragraphs + "\n")
    var alone = PDFWriter(style: Self.style("native"))
    alone.prefetchPolicy = .never
    var ahead = PDFWriter(style: Self.style("native"))
    ahead.prefetchPolicy = .always
    var d1 = Diagnostics(), d2 = Diagnostics()
    let a = try alone.write([doc], environment: PDFTest.environment, diagnostics: &d1)
    let b = try ahead.write([doc], environment: PDFTest.environment, diagnostics: &d2)
    let same = a == b
    #expect(same, "emoji shaped ahead came out otherwise")
  }

  /// `print.writer: cairo` keeps the path through Cairo and qpdf.
  @Test func theCairoWriterOnRequest() throws {
    let (cairo, _, _) = try Self.both("---\ntitle: t\n---\n\nUn párrafo.\n", name: "native-request")
    let info = try #require(PDFTest.run("pdfinfo", [cairo.path])).output
    #expect(info.contains("cairo"), "\(info)")
  }

  /// What the first review on foreign sites found: translucent text left images faded, one
  /// URL linked from two elements made one link whose second text went into the first, an empty
  /// table cell had no content at all.
  @Test func opacityLinksAndEmptyCells() throws {
    var style = Self.style("native")
    style.base.font.color = Color(red: 0, green: 0, blue: 0, alpha: 0.5)
    let markdown = """
      ---
      title: t
      lang: en
      ---

      See [the site](https://example.org/x) for details.

      - [The site again](https://example.org/x)

      ![A chart](images/chart.jpg)

      | a | b | c |
      |---|---|---|
      | x |   | y |
      """
    let doc = try PDFTest.document(markdown, path: PDFTest.fixtures.appendingPathComponent("page.md").path)
    let (url, _, _) = try PDFTest.write(doc, name: "native-review", style: style)
    guard let qdf = PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", url.path, "-"]) else { return }
    let pdf = qdf.output
    // The image is painted opaque after the translucent text.
    let translucent = try #require(pdf.range(of: "/A500 gs"))
    let image = try #require(pdf.range(of: #"/Im\d+ Do"#, options: .regularExpression))
    #expect(translucent.lowerBound < image.lowerBound)
    #expect(pdf[translucent.upperBound..<image.lowerBound].contains("/A1000 gs"))
    // Two links, each in its own element.
    #expect(pdf.components(separatedBy: "/Subtype /Link").count - 1 == 2)
    // Every table cell marks content (the empty one an empty sequence).
    let cells = pdf.components(separatedBy: "/S /TD").count - 1
    #expect(cells == 3)
    for element in pdf.components(separatedBy: "obj\n<<").filter({ $0.contains("/S /TD\n") }) { #expect(element.contains("/K "), "\(element)") }
  }

  @Test func pdfSyntax() {
    #expect(PDFSyntax.number(12) == "12")
    #expect(PDFSyntax.number(0.5) == "0.5")
    #expect(PDFSyntax.number(-3.25) == "-3.25")
    #expect(PDFSyntax.number(1.23456) == "1.235")
    #expect(PDFSyntax.number(-0.0001) == "0")
    #expect(PDFSyntax.number(.nan) == "0")
    for (v, text) in [(0.05, "0.05"), (100, "100"), (1000.001, "1000.001"), (10.5, "10.5"), (-0.5, "-0.5"), (1e10, "10000000000"), (0.001, "0.001"), (7.0709, "7.071")] {
      #expect(PDFSyntax.number(v) == text)
    }
    var out: [UInt8] = []
    PDFSyntax.appendNumber(-21.75, decimals: 1, to: &out)
    PDFSyntax.appendInteger(0, to: &out)
    PDFSyntax.appendInteger(90210, to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "-21.8090210")
    #expect(PDFSyntax.name("a b/c") == "/a#20b#2Fc")
    #expect(PDFSyntax.literal(Array("a(b)\\c\n".utf8)) == "(a\\(b\\)\\\\c\\n)")
    #expect(PDFSyntax.text("plain") == "(plain)")
    #expect(PDFSyntax.text("é") == "<FEFF00E9>")
    #expect(PDFSyntax.text("😀") == "<FEFFD83DDE00>")
  }

  /// Cairo's one-page PDF read back for an SVG: references renumbered, indirect lengths resolved.
  @Test func importedPageObjects() {
    let pdf = Array("%PDF-1.5\n1 0 obj\n<< /Length 2 0 R >>\nstream\nabc\nendstream\nendobj\n2 0 obj\n3\nendobj\n3 0 obj\n<< /Type /Page /Contents 1 0 R /Resources 4 0 R >>\nendobj\n".utf8)
    let objects = ImportedPage.objects(pdf)
    #expect(objects[1]?.stream.map { Array($0) } == Array("abc".utf8))
    #expect(ImportedPage.renumbered(ArraySlice(Array("<< /A 4 0 R /B [1 0 R 12.5] /C 7 0 R >>".utf8)), [4: 40, 1: 10]) == "<< /A 40 0 R /B [10 0 R 12.5] /C null >>")
    let writer = PDFFileWriter()
    #expect(ImportedPage.form(fromPDF: pdf, width: 10, height: 10, into: writer) != nil)
  }
}
