import Foundation
import ImprentaTestSupport
import Testing

/// Nothing from content reaches a terminal or a CI log raw: no forged annotation, no escape sequence.
@Suite("Trust boundary: the CI log")
struct LogChannelTests {
  /// What a contributor may smuggle into a value that ends up in a diagnostic.
  static let payloads = [
    "\n::error file=README.md,line=1,title=forged::Forged", "\r::error::forged", "\u{1B}]0;title\u{7}\u{1B}[2J", "\u{9B}2J\u{9D}0;T\u{9C}",
    "\u{2028}::warning::forged", "%0A::error::forged", "\u{202E}evil",
  ]

  @Test("values from pages and file names never start a line of the log or carry a control", arguments: payloads, ["text", "github"])
  func forgedLines(_ payload: String, _ mode: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    let yaml = payload.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? String(format: "\\u%04X", $0.value) : String($0) }.joined()
    try b.write("content/p.md", "---\ntitle: P\ndate: \"2024\(yaml)\"\ncover: \"x\(yaml).png\"\n---\n\n<img src=\"a.png\(payload.replacingOccurrences(of: "\n", with: "&#10;"))\" alt=\"x\">\n\n![y](m\(yaml).png)\n")
    let name = "n" + payload.replacingOccurrences(of: "/", with: "_") + ".md"
    try b.write("content/" + name, "---\ntitle: N\n---\n\n![z](missing.png)\n")
    let result = try b.run(["build", "content", "-f", "txt,epub", "-o", "out", "-v", "--diagnostics", mode])
    #expect(result.status < 2)
    for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false) {
      if mode == "text" {
        #expect(!line.hasPrefix("::"), "\(line)")
      } else if line.hasPrefix("::") {
        #expect(line.range(of: #"^::(error|warning|notice) file=[^:]*(,line=\d+)?(,col=\d+)?,title=[a-z0-9-]+::"#, options: .regularExpression) != nil, "\(line)")
        // One `file=` property, never README.md: a forged value stays inside its escaped property.
        let properties = line.dropFirst(2).prefix { $0 != ":" }.split(separator: " ", maxSplits: 1).last?.split(separator: ",") ?? []
        #expect(properties.count { $0.hasPrefix("file=") } == 1 && !properties.contains("file=README.md"), "\(line)")
      }
      #expect(!line.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{202E}" }, "\(line.debugDescription)")
    }
  }
}
