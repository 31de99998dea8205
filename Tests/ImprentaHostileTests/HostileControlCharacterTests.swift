import Foundation
import Imprenta
import Testing

/// The plain-text output holds no C0 or C1 control character but tab and newline, wherever the
/// character came from: body text, code, link URLs, front matter, alt text.
@Suite("Hostile control characters in text")
struct HostileControlCharacterTests {
  static let controls: [Unicode.Scalar] = [
    "\u{1B}", "\u{07}", "\u{08}", "\r", "\u{0B}", "\u{0C}", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}", "\u{00}",
  ]

  @Test(arguments: controls)
  func textOutputHoldsNoControlCharacter(_ c: Unicode.Scalar) throws {
    let x = String(c)
    // Front matter takes them as escapes (YAML refuses some raw), the body raw.
    let e = "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
    let page = """
      ---
      title: "Title\(e)[31mred"
      summary: "S\(e)"
      tags: ["t\(e)1"]
      ---

      Body \(x)[2J text and a [link](https://example.com/\(x)[31m) and ![alt\(x)x](img.png).

      ```
      code\(x)]0;title\u{07}
      ```

      | a\(x) | b |
      |---|---|
      | c | d\(x) |

      <p>raw \(x) html</p>

      CANARY
      """
    let run = try Hostile.run(page, formats: [.txt])
    #expect(run.text.contains("CANARY"), "\(String(describing: run.error))")
    let bad = run.text.unicodeScalars.filter { $0.isControlCharacter && $0 != "\n" && $0 != "\t" }
    #expect(bad.isEmpty, "U+\(String(c.value, radix: 16)) survived: \(bad.map(\.value))")
  }
}
