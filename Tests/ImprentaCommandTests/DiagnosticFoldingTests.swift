import Foundation
import ImprentaTestSupport
import Testing

/// The printer's folding of repeated warnings: three per code and message, then one summary line
/// per code; `--verbose` and `--report` keep every one.
@Suite struct DiagnosticFoldingTests {
  func pages(_ r: CommandRunner) throws {
    // 10 uses of one unknown shortcode over two pages, and one of another.
    try r.write("content/a.md", "---\ntitle: A\n---\n\n" + String(repeating: "{{< mystery >}}\n\n", count: 6) + "{{< other >}}\n")
    try r.write("content/b.md", "---\ntitle: B\n---\n\n" + String(repeating: "{{< mystery >}}\n\n", count: 4))
  }

  @Test func repeatsAreFoldedIntoASummaryPerCode() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try pages(r)
    let result = try r.run(["build", "-f", "txt", "-o", "out", "--report", "report.json"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    let mystery = lines.filter { $0.contains("unknown shortcode 'mystery'") }
    #expect(mystery.count == 3, "\(result.stderr)")
    #expect(mystery.first == "content/a.md:5:1: warning: unknown shortcode 'mystery': its content is kept; add to imprenta.yaml: shortcodes: {mystery: drop}")
    #expect(lines.filter { $0.contains("unknown shortcode 'other'") }.count == 1)
    #expect(lines.contains("unknown-shortcode: 11 warnings in 2 files, 7 not shown (3 per message; --verbose or --report FILE.json lists them all)"), "\(result.stderr)")
    #expect(lines.last?.contains("11 warnings") == true, "the run's own summary still counts every warning")
    let report = try #require(r.read("report.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.filter { $0["code"] as? String == "unknown-shortcode" }.count == 11)
  }

  @Test func verboseShowsEveryOne() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try pages(r)
    let result = try r.run(["build", "-f", "txt", "-o", "out", "--verbose"])
    #expect(result.stderr.split(separator: "\n").filter { $0.contains("unknown shortcode 'mystery'") }.count == 10)
    #expect(!result.stderr.contains("not shown"))
  }

  @Test func fewRepeatsHaveNoSummary() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/a.md", "---\ntitle: A\n---\n\n{{< mystery >}}\n\n{{< mystery >}}\n")
    let result = try r.run(["build", "-f", "txt", "-o", "out"])
    #expect(result.stderr.split(separator: "\n").filter { $0.contains("unknown shortcode 'mystery'") }.count == 2)
    #expect(!result.stderr.contains("not shown"))
  }
}
