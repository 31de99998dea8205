import Foundation
import ImprentaModel
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Names and strings the backend writes: never PDF syntax, always resolvable, whatever an author
/// puts in an id or a URL.
@Suite(.serialized) struct PDFNameTests {
  /// Every ASCII punctuation character, accents, non-Latin scripts, an emoji and the attack's id.
  static let hostileIDs: [String] =
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ".map { "x\($0)y" } + [
      "participación-ciudadana", "Ελληνικά", "日本語", "a😀b", "a)]/Injected<</S/JavaScript/JS(app.alert(1))>>[(b", "a\\", "(", ")", "%41",
    ]

  @Test func destinationNamesArePlainASCIIAndDecodeToTheirID() {
    var seen: [String: String] = [:]
    for id in Self.hostileIDs + ["plain-id", "A.b_c-9"] {
      let name = PDFStrings.destinationName(id)
      #expect(name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.%".unicodeScalars.contains($0)) }, "\(name)")
      #expect(PDFStrings.id(fromDestinationName: name) == id)
      #expect(seen.updateValue(id, forKey: name) == nil, "two ids share the name \(name)")
    }
    #expect(PDFStrings.destinationName("plain-id") == "plain-id", "plain ids stay readable")
  }

  @Test(arguments: ["http://x/a\\", "http://x/(", "http://x/)", "http://x/'q'", "http://x/a b", "http://x/ñ?q=(1)#f\\", "http://x/%41%zz%"])
  func urisAreSafeASCII(_ url: String) {
    let uri = PDFStrings.uri(url)
    #expect(!uri.contains { "()\\' \"<>".contains($0) || !$0.isASCII }, "\(uri)")
    #expect(uri.removingPercentEncoding == url.removingPercentEncoding ?? url || url.contains("%zz"), "\(uri)")
  }

  /// A document whose headings carry every hostile id, each linked to from a paragraph, with
  /// links to URLs ending in the characters that break PDF strings.
  static func hostileDocument() -> Document {
    var blocks: [Block] = []
    for (k, id) in hostileIDs.enumerated() {
      blocks.append(.heading(Heading(level: 2, content: [.text(Text("Heading \(k) \(id)"))], id: id)))
      blocks.append(.paragraph(Paragraph([.link(Link(destination: "#" + id, content: [.text(Text("to \(k)"))]))])))
    }
    for url in ["http://x/a\\", "http://x/b)", "http://x/c(", "http://x/d'", "https://x/é"] {
      blocks.append(.paragraph(Paragraph([.link(Link(destination: url, content: [.text(Text("link \(url)"))]))])))
    }
    return Document(sourcePath: "hostile.md", metadata: Metadata(title: "Names)\\(", authors: ["a\\", "(b"]), blocks: blocks)
  }

  static func qdf(_ url: URL) throws -> String? {
    let out = PDFTest.outputFolder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".qdf.pdf")
    guard PDFTest.run("qpdf", ["--qdf", "--object-streams=disable", url.path, out.path]) != nil else { return nil }
    return String(decoding: try Data(contentsOf: out), as: UTF8.self)
  }

  @Test func hostileIDsAndURLsGiveAValidPDFWhoseLinksAndBookmarksAllResolve() throws {
    let (url, _, diagnostics) = try PDFTest.write(Self.hostileDocument(), name: "hostile-names", options: PDFOptions(tableOfContents: true))
    #expect(!diagnostics.items.contains { $0.code == .pdfRepaired }, "\(diagnostics.items)")
    guard let check = PDFTest.run("qpdf", ["--check", url.path]), let text = try Self.qdf(url) else { return }
    #expect(check.status == 0 && check.output.contains("No syntax or stream encoding errors") && !check.output.contains("WARNING"), "\(check.output)")
    // The canary: the attack's id turned into a dictionary key and an action (its text in a
    // string is fine).
    #expect(matches(#"(?m)^\s*(/Injected)"#, in: text).isEmpty && !text.contains("/S /JavaScript"), "PDF syntax injected")
    // Names defined in the Dests tree: `(name)` followed by its destination array.
    let defined = Set(matches(#"\(([^()\\]*)\)\s*\[\s*\d+ 0 R\s*/XYZ"#, in: text))
    let used = matches(#"/Dest \(([^()\\]*)\)"#, in: text)
    for id in Self.hostileIDs {
      #expect(defined.contains(PDFStrings.destinationName(id)), "no destination for \(id)")
    }
    // Every link and bookmark (two per heading: its link and its outline entry, plus the TOC).
    #expect(used.count >= 2 * Self.hostileIDs.count)
    for name in used { #expect(defined.contains(name), "\(name) does not resolve") }
    #expect(!text.contains("\nnull\n"), "an object was replaced by null")
    let uris = matches(#"/URI \(([^()\\]*)\)"#, in: text)
    #expect(Set(uris) == ["http://x/a%5C", "http://x/b%29", "http://x/c%28", "http://x/d%27", "https://x/%C3%A9"])
  }

  @Test func outlineEntriesOfAccentedHeadingsResolveToTheirPages() throws {
    let doc = try PDFTest.document("# Libro\n\n## Participación ciudadana\n\nVer [aquí](#participación-ciudadana).\n\n## Ñandú\n\nTexto.\n")
    let (url, _, _) = try PDFTest.write(doc, name: "accented-outline")
    guard let json = PDFTest.run("qpdf", ["--json", "--json-key=pages", url.path]), json.status == 0 else { return }
    // qpdf resolves each outline entry's named destination to a page array; an unresolved one has none.
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let outlines = ((object?["pages"] as? [[String: Any]]) ?? []).flatMap { ($0["outlines"] as? [[String: Any]]) ?? [] }
    let titles = outlines.compactMap { $0["title"] as? String }
    #expect(titles.contains("Participación ciudadana") && titles.contains("Ñandú"), "\(titles)")
    for entry in outlines { #expect((entry["dest"] as? [Any])?.isEmpty == false, "unresolved bookmark \(entry)") }
    guard let text = try Self.qdf(url) else { return }
    #expect(text.contains("/Dest (participaci%C3%B3n-ciudadana)"))
  }

  @Test(arguments: ["javascript:app.alert(1)", "JaVaScRiPt:x", " javascript:x", "java\tscript:x", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:x", "unknown-scheme:x"])
  func refusedURLsNeverBecomeLinksAndSayWhere(_ bad: String) throws {
    let doc = try PDFTest.document("# T\n\nText [canary link](<\(bad)>) after.\n", path: "refused.md")
    let (url, _, diagnostics) = try PDFTest.write(doc, name: "refused-url")
    // The warning is the content check's (HostileURLPolicyTests); the PDF only keeps the text.
    #expect(!diagnostics.items.contains { $0.code == .unsafeURL }, "\(diagnostics.items)")
    guard let text = try Self.qdf(url) else { return }
    #expect(!text.contains("/URI"), "a refused URL became a link")
    let words = PDFTest.run("pdftotext", [url.path, "-"])?.output ?? "canary link"
    #expect(words.contains("canary link"), "the link's text is kept")
  }

  private func matches(_ pattern: String, in text: String) -> [String] {
    guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
  }
}
