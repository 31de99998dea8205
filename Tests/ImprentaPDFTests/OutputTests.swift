import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Checks of real output with the tools of qpdf and poppler (skipped with a message when missing).
@Suite(.serialized) struct OutputTests {
  static func tool(_ name: String, _ args: [String]) throws -> String {
    guard let r = PDFTest.run(name, args) else {
      withKnownIssue("\(name) is not installed: check skipped") { throw CancellationError() }
      return ""
    }
    return r.output
  }

  @Test(arguments: ["english.md", "espanol-largo.md"])
  func validFileWithEmbeddedSubsetFonts(_ name: String) throws {
    let (url, _, _) = try PDFTest.write(try PDFTest.fixture(name), name: "check-" + name.dropLast(3), options: PDFOptions(tableOfContents: true))
    let check = try Self.tool("qpdf", ["--check", url.path])
    #expect(check.contains("No syntax or stream encoding errors"), "\(check)")
    let fonts = try Self.tool("pdffonts", [url.path]).split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty)
    for line in fonts {
      let cols = line.split(separator: " ")
      // The columns after the encoding: emb sub uni.
      let flags = cols.suffix(5).prefix(3)
      #expect(Array(flags) == ["yes", "yes", "yes"], "font not embedded and subset: \(line)")
    }
  }

  @Test func infoShowsTitlePageSizeAndTags() throws {
    let (url, _, _) = try PDFTest.write(try PDFTest.fixture("english.md"), name: "info")
    let info = try Self.tool("pdfinfo", [url.path])
    guard !info.isEmpty else { return }
    #expect(info.contains("Title:           Typesetting Notes"))
    #expect(info.contains("Tagged:          yes"))
    #expect(info.contains("(A4)"))
    #expect(info.contains("Author:          Ada Writer, Ben Editor"))
    #expect(info.contains("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"))
    var letter = Style()
    letter.page.width = .mm(215.9)
    letter.page.height = .mm(279.4)
    let (url2, _, _) = try PDFTest.write(try PDFTest.fixture("english.md"), name: "info-letter", style: letter)
    #expect(try Self.tool("pdfinfo", [url2.path]).contains("612 x 792 pts (letter)"))
  }

  @Test func catalogHasTheLanguage() throws {
    let (url, _, _) = try PDFTest.write(try PDFTest.fixture("espanol-largo.md"), name: "lang")
    let root = try Self.tool("qpdf", ["--show-object=trailer", url.path])
    guard !root.isEmpty else { return }
    let catalog = try Self.tool("qpdf", ["--filtered-stream-data", "--show-object=1", url.path])
    let json = try Self.tool("qpdf", ["--json", url.path])
    #expect(json.contains("\"/Lang\": \"u:es\"") || json.contains("\"/Lang\": \"es\""), "no /Lang es: \(root) \(catalog.prefix(200))")
  }

  /// Every word of the source comes back in order, accents, ¿ and ¡ intact, hyphenated words rejoined.
  @Test(arguments: ["espanol-largo.md", "english.md"])
  func textComesBackInOrder(_ name: String) throws {
    let doc = try PDFTest.fixture(name)
    let (url, _, _) = try PDFTest.write(doc, name: "text-" + name.dropLast(3))
    var text = try Self.tool("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"])
    guard !text.isEmpty else { return }
    let got = Self.rejoined(text).split(whereSeparator: \.isWhitespace).map(String.init)
    var expected: [String] = []
    for block in doc.blocks {
      switch block {
      case .heading(let h): expected += h.content.plainText.split(whereSeparator: \.isWhitespace).map(String.init)
      case .paragraph(let p): expected += p.content.plainText.split(whereSeparator: \.isWhitespace).map(String.init)
      case .table(let t):
        for row in [t.header] + t.rows { for c in row { expected += c.content.plainText.split(whereSeparator: \.isWhitespace).map(String.init) } }
      default: break
      }
    }
    #expect(expected.count > 50)
    var k = 0
    for word in got where k < expected.count {
      // A footnote call sticks to its word ("pie1").
      if word == expected[k] || (word.hasPrefix(expected[k]) && word.dropFirst(expected[k].count).allSatisfy(\.isNumber)) { k += 1 }
    }
    #expect(k == expected.count, "word \(k) '\(k < expected.count ? expected[k] : "")' not found in order in \(got.prefix(80))")
    if name.hasPrefix("espanol") {
      #expect(text.contains("¿Cómo se mide"))
      #expect(text.contains("¡Es indispensable"))
      #expect(text.contains("participación"))
    }
  }

  /// The text with hyphenated words rejoined: a line ending in a soft hyphen (the hyphen the line
  /// breaker added reads as one) goes on with the next line that starts in lower case (at a
  /// page's end, after its notes, header and footer).
  static func rejoined(_ text: String) -> String {
    var lines = text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < lines.count {
      if lines[i].hasSuffix("\u{AD}"), let j = lines[(i + 1)...].prefix(12).firstIndex(where: { $0.first?.isLowercase == true }) {
        lines[i] = String(lines[i].dropLast())
        let words = lines[j].split(separator: " ", maxSplits: 1).map(String.init)
        lines[i] += words[0]
        lines[j] = words.count > 1 ? words[1] : ""
        continue
      }
      i += 1
    }
    return lines.joined(separator: "\n").replacingOccurrences(of: "\u{AD}", with: "")
  }

  @Test func jpegIsEmbeddedAsJPEG() throws {
    let (url, _, diagnostics) = try PDFTest.write(try PDFTest.fixture("english.md"), name: "images")
    let list = try Self.tool("pdfimages", ["-list", url.path])
    guard !list.isEmpty else { return }
    let rows = list.split(separator: "\n").dropFirst(2)
    #expect(rows.contains { $0.contains(" jpeg ") && $0.contains("480") })
    #expect(rows.contains { $0.contains("300") && $0.contains("150") }, "the PNG is missing")
    // The missing image is a placeholder; its warning is the content check's, once for every format.
    #expect(!diagnostics.items.contains { $0.code == .missingImage })
  }

  @Test func figuresCarryTheirAltText() throws {
    let (url, _, _) = try PDFTest.write(try PDFTest.fixture("english.md"), name: "alt")
    let json = try Self.tool("qpdf", ["--json", url.path])
    guard !json.isEmpty else { return }
    #expect(json.contains("\"/Alt\": \"u:A bar chart with a sun\""))
    #expect(json.contains("\"/Alt\": \"u:Three boxes\""))
  }

  @Test func twoWritesGiveTheSameBytes() throws {
    let doc = try PDFTest.fixture("english.md")
    let (_, a, _) = try PDFTest.write(doc, name: "same-a", options: PDFOptions(tableOfContents: true))
    let (_, b, _) = try PDFTest.write(doc, name: "same-b", options: PDFOptions(tableOfContents: true))
    #expect(a == b)
  }
}
