import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// The paragraph engine read back from written PDFs: words broken at a hyphen stay searchable,
/// URLs break after their punctuation, no line overruns its measure, right-to-left lines keep
/// to the right, Chinese breaks without hyphens.
@Suite struct ParagraphEngineTests {
  /// A narrow justified page in Noto Serif (whose fi, ffi, ff ligatures sit across hyphenation points).
  static func narrowStyle() -> Style {
    var s = Style()
    s.page.width = .mm(90)
    s.page.marginInner = .mm(12)
    s.page.marginOuter = .mm(12)
    s.base.align = .justify
    s.base.font.family = ["Noto Serif", "DejaVu Serif"]
    return s
  }

  static func markdown(_ body: String, lang: String = "en") -> String {
    "---\ntitle: T\nlang: \(lang)\n---\n\n\(body)\n"
  }

  /// Lines of `pdftotext -bbox-layout`: their left and right edges and their words.
  static func lines(_ url: URL) throws -> [(xMin: Double, xMax: Double, text: String)] {
    let xml = try OutputTests.tool("pdftotext", ["-bbox-layout", url.path, "-"])
    var out: [(Double, Double, String)] = []
    for chunk in xml.components(separatedBy: "<line ").dropFirst() {
      func attr(_ name: String) -> Double {
        guard let r = chunk.range(of: "\(name)=\"") else { return 0 }
        return Double(chunk[r.upperBound...].prefix { $0 != "\"" }) ?? 0
      }
      let words = chunk.components(separatedBy: "</line>")[0].components(separatedBy: "<word ").dropFirst().map {
        String($0.split(separator: ">", maxSplits: 1).last?.prefix { $0 != "<" } ?? "")
      }
      out.append((attr("xMin"), attr("xMax"), words.joined(separator: " ")))
    }
    return out
  }

  @Test func hyphenatedLigatureWordsAreFound() throws {
    let sentence = "The definitions of official classification were different in the office, effectively sufficient."
    let doc = try PDFTest.document(Self.markdown(Array(repeating: sentence, count: 12).joined(separator: " ")))
    let (url, _, _) = try PDFTest.write(doc, name: "engine-ligatures", style: Self.narrowStyle())
    let text = try OutputTests.tool("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"])
    guard !text.isEmpty else { return }
    // Some lines end with the hyphen the breaker added, which reads as a soft hyphen ...
    #expect(text.contains("\u{AD}\n"))
    // ... and no soft hyphen is left inside a word (a ligature split by a hyphenation point).
    #expect(!text.split(separator: "\n").contains { $0.dropLast().contains("\u{AD}") })
    let words = OutputTests.rejoined(text).split(whereSeparator: \.isWhitespace)
    for word in ["definitions", "official", "different", "office,", "effectively", "sufficient."] {
      #expect(words.filter { $0 == word }.count == 12, "\(word)")
    }
  }

  @Test func urlsBreakAfterSlashesWithoutHyphens() throws {
    let url = "https://example.org/documentation/internationalization/considerations/extraordinarily/long/path.html"
    let doc = try PDFTest.document(Self.markdown("See <\(url)> and again <\(url)> for the whole story of it."))
    let (file, _, _) = try PDFTest.write(doc, name: "engine-url", style: Self.narrowStyle())
    let text = try OutputTests.tool("pdftotext", ["-raw", "-enc", "UTF-8", file.path, "-"])
    guard !text.isEmpty else { return }
    let lines = text.split(separator: "\n").map(String.init)
    // The URL spans lines, each piece but the last ending after / . - _ ?, never with a hyphen.
    let pieces = lines.filter { $0.contains("example.org") || $0.contains("/") }
    #expect(pieces.count >= 2)
    #expect(!text.contains("\u{AD}"))
    #expect(lines.contains { $0.hasSuffix("/") })
    // Never between the slashes of "https://".
    #expect(!lines.contains { $0.hasSuffix("https:/") || $0.hasSuffix("https:") })
    #expect(text.replacingOccurrences(of: "\n", with: "").contains(url))
  }

  @Test func noLineIsWiderThanItsMeasure() throws {
    let style = Self.narrowStyle()
    let words = "Una administración abierta publica sus datos, rinde cuentas y escucha a la ciudadanía; "
      + "la participación informada necesita información comprensible, oportuna y verificable. "
    let doc = try PDFTest.document(Self.markdown(String(repeating: words, count: 10) + "\n\n`/usr/share/doc/imprenta/examples/very/long/path/to/a/file.md` " + String(repeating: "x", count: 300), lang: "es"))
    let (url, _, _) = try PDFTest.write(doc, name: "engine-measure", style: style)
    let lines = try Self.lines(url)
    guard !lines.isEmpty else { return }
    let left = 12 / 25.4 * 72, right = (90 - 12) / 25.4 * 72
    // Body lines: within the measure, but for what hangs into the margin (half a hyphen or comma).
    let body = lines.filter { $0.xMin > left - 3 && $0.text != "T" }
    #expect(body.count > 20)
    for line in body { #expect(line.xMax <= right + 3, "\(line.text) ends at \(line.xMax), measure \(right)") }
  }

  @Test func rightToLeftLinesKeepToTheRightInOrder() throws {
    let hebrew = String(repeating: "שלום עולם זהו משפט בעברית שנכתב מימין לשמאל ונשבר לשורות רבות. ", count: 6)
    let doc = try PDFTest.document("---\ntitle: ת\nlang: he\n---\n\n\(hebrew)\n")
    var style = Self.narrowStyle()
    style.base.align = .left
    let (url, _, _) = try PDFTest.write(doc, name: "engine-rtl", style: style)
    let lines = try Self.lines(url).filter { $0.text.unicodeScalars.contains { (0x05D0...0x05EA).contains($0.value) } && $0.text.count > 4 }
    guard lines.count > 2 else {
      Issue.record("expected several Hebrew lines, got \(lines.count)")
      return
    }
    let right = (90 - 12) / 25.4 * 72
    for line in lines { #expect(abs(line.xMax - right) < 2, "\(line.text) ends at \(line.xMax)") }
    // Ragged on the left: not every line starts at the left margin.
    #expect(Set(lines.map { Int($0.xMin) }).count > 1)
  }

  @Test func chineseBreaksBetweenCharactersWithoutHyphens() throws {
    let chinese = String(repeating: "开放政府公开数据接受问责并倾听公民意见参与需要可理解及时和可核实的信息", count: 6)
    let doc = try PDFTest.document(Self.markdown(chinese, lang: "zh"))
    let (url, _, _) = try PDFTest.write(doc, name: "engine-cjk", style: Self.narrowStyle())
    let text = try OutputTests.tool("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"])
    guard !text.isEmpty else { return }
    let lines = text.split(separator: "\n").filter { $0.contains("开") || $0.contains("数") || $0.contains("信") }
    #expect(lines.count > 3)
    #expect(!text.contains("-") && !text.contains("\u{AD}"))
    #expect(text.replacingOccurrences(of: "\n", with: "").contains(chinese))
  }
}
