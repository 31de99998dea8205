import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// The one URL policy, over every backend: no refused scheme, however spelled, becomes a link or
/// an image source, and no remote image is loaded by an XHTML page or an EPUB.
@Suite("Hostile URLs")
struct HostileURLPolicyTests {
  /// Schemes that must never be written, and spellings a browser still reads as them.
  static let refused = ["javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "feed:javascript:alert(1)", "data:image/svg+xml,<svg/onload=alert(1)>"]

  static func spellings(_ url: String) -> [String] {
    let colon = url.firstIndex(of: ":")!
    let scheme = String(url[..<colon]), rest = String(url[colon...])
    let split = scheme.index(scheme.startIndex, offsetBy: 2)
    return [
      url, scheme.uppercased() + rest, String(scheme.prefix(1)).uppercased() + scheme.dropFirst() + rest,
      scheme[..<split] + "\t" + scheme[split...] + rest, scheme[..<split] + "&#x09;" + scheme[split...] + rest,
      scheme[..<split] + "&#10;" + scheme[split...] + rest, "&#x" + String(scheme.unicodeScalars.first!.value, radix: 16) + ";" + scheme.dropFirst() + rest,
      " " + url, "&#32;" + url,
    ]
  }

  /// The scheme of every `href`/`src` value in markup, as a browser reads it.
  static func schemes(in markup: String) -> [String] {
    var out: [String] = []
    for attribute in ["href=\"", "src=\"", "xlink:href=\""] {
      var rest = markup[...]
      while let r = rest.range(of: attribute) {
        let value = rest[r.upperBound...].prefix { $0 != "\"" }
        if let scheme = URLPolicy.scheme(of: String(value).replacingOccurrences(of: "&#9;", with: "").replacingOccurrences(of: "&#10;", with: "")) {
          out.append(scheme)
        }
        rest = rest[r.upperBound...]
      }
    }
    return out
  }

  static let allowedSchemes = URLPolicy.linkSchemes.union(["imprenta-page"])

  @Test(arguments: refused)
  func refusedSchemesNeverBecomeLinks(_ url: String) throws {
    var page = "---\ntitle: T\n---\n\n"
    for (i, s) in Self.spellings(url).enumerated() {
      let inMarkdown = s.contains(" ") || s.contains("\t") ? "<\(s)>" : s
      page += "[CANARY\(i)](\(inMarkdown)) and <a href=\"\(s)\">raw\(i)</a> and <img src=\"\(s)\" alt=\"pic\(i)\">\n\n"
      page += "<div><a href=\"\(s)\">block\(i)</a><img src=\"\(s)\" alt=\"bpic\(i)\"></div>\n\n"
    }
    let run = try Hostile.run(page, formats: [.txt, .xhtml, .epub])
    let epub = try HostileEPUB.contents(run)
    for (name, markup) in [("XHTML", run.xhtml), ("EPUB", epub)] {
      let bad = Self.schemes(in: markup).filter { !Self.allowedSchemes.contains($0) }
      #expect(bad.isEmpty, "\(name) writes \(bad) for \(url)")
    }
    // The link text is kept everywhere; the text's link list holds no refused URL.
    #expect(run.xhtml.contains("CANARY0") && run.text.contains("CANARY0") && epub.contains("CANARY0"))
    // (A spelling cmark does not read as a link stays text; the link list is what must be clean.)
    let listed = run.text.split(separator: "\n").filter { line in
      let t = line.drop { $0 == " " }
      guard t.hasPrefix("["), let close = t.firstIndex(of: "]") else { return false }
      return t[t.index(after: t.startIndex)..<close].allSatisfy(\.isNumber) && t[close...].hasPrefix("] ")
    }
    for line in listed {
      let compact = line.lowercased().filter { !$0.isWhitespace }
      for word in ["javascript:", "vbscript:", "data:", "file:", "feed:"] { #expect(!compact.contains(word), "text lists \(line)") }
    }
    #expect(run.codes.contains("unsafe-url") || run.codes.contains("unsafe-html"))
  }

  @Test func remoteImagesBecomeLinksWithOneWarningEach() throws {
    let page = """
      ---
      title: T
      ---

      ![Tracker one](http://tracker.example/one.png) <img src="https://tracker.example/two.png" alt="Tracker two"> <img src="//tracker.example/three.png" alt="three">

      <div><img src="HTTPS://tracker.example/four.png" alt="four"></div>

      End.
      """
    let run = try Hostile.run(page, formats: [.xhtml, .epub, .txt])
    let epub = try HostileEPUB.contents(run)
    for (name, markup) in [("XHTML", run.xhtml), ("EPUB", epub)] {
      #expect(!markup.contains("<img"), "\(name) loads a remote image")
      #expect(markup.contains("Tracker one"), "\(name) lost the alt text")
    }
    #expect(run.xhtml.contains(#"href="http://tracker.example/one.png""#))
    #expect(run.text.contains("End."))
    // One warning per image, whatever the formats (the content check's).
    #expect(run.diagnostics.items.filter { $0.code == .remoteImage }.count == 4)
  }
}

/// The files of an EPUB output, as one text (`unzip -p`).
enum HostileEPUB {
  static func contents(_ run: Hostile.Run) throws -> String {
    guard let bytes = run.outputs[.epub] else { return "" }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).epub")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try #require(runTool("unzip", ["-p", url.path]), "unzip is not installed")
    return result.output
  }
}
