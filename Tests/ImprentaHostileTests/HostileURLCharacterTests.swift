import Foundation
import Imprenta
import Testing

/// Links whose URL holds characters a URI may not (a trailing `\`, spaces, quotes, braces, a
/// stray `%`) are still written as valid URIs: percent-encoded by the one URL policy, so an EPUB
/// checker does not reject the book (RSC-020) and no reader reads the `href` differently.
@Suite("Hostile URL characters")
struct HostileURLCharacterTests {
  static let urls = [
    "http://example.org/a\\", "https://example.org/a b", "https://example.org/\"q\"", "https://example.org/{x}|y^`",
    "https://example.org/100%", "https://example.org/%zz", "https://example.org/<x>", "https://example.org/a%20b",
  ]

  /// Every `href` value of an XHTML text.
  static func hrefs(_ xml: String) -> [String] {
    var out: [String] = []
    var rest = xml[...]
    while let r = rest.range(of: "href=\"") {
      let tail = rest[r.upperBound...]
      let end = tail.firstIndex(of: "\"") ?? tail.endIndex
      out.append(String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<"))
      rest = tail[end...]
    }
    return out
  }

  @Test("a link in Markdown or raw HTML is written as a valid URI", arguments: urls)
  func writtenValid(_ url: String) throws {
    let html = url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    let run = try Hostile.run("---\ntitle: T\n---\n\n[markdown](<\(url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: "<", with: "%3C"))>) and <a href=\"\(html)\">raw</a>.\n", formats: [.xhtml])
    let xhtml = String(decoding: try #require(run.outputs[.xhtml]), as: UTF8.self)
    let links = Self.hrefs(xhtml).filter { $0.hasPrefix("http") }
    #expect(links.count == 2, "\(xhtml)")
    for href in links {
      #expect(URL(string: href) != nil, "'\(href)' is not a valid URI")
      #expect(!href.contains("\\") && !href.contains(" ") && !href.contains("\""))
      // Nothing else changes: decoding gives back what was written (an escape already there stays).
      #expect(href.removingPercentEncoding == url.replacingOccurrences(of: "%3E", with: ">").removingPercentEncoding || url.contains("%zz") || url.hasSuffix("%"))
    }
  }

  @Test("valid URLs are written unchanged")
  func unchanged() {
    for url in ["https://example.org/a?b=c&d=e#f", "mailto:x@example.org", "https://ejemplo.org/año", "../a/b.xhtml#x", "https://example.org/a%20b"] {
      #expect(URLPolicy.written(url) == url)
    }
    #expect(URLPolicy.written("http://x/a\\") == "http://x/a%5C")
    #expect(URLPolicy.written("http://x/100%") == "http://x/100%25")
  }
}
