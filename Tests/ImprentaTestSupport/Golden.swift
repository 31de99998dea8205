import Foundation
import Testing

/// Paths of the repository, found from this file's location so tests run from any folder.
public enum Repository {
  /// The repository root.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  /// `content/`, the sample pages the project ships.
  public static var content: URL { root.appendingPathComponent("content") }
  /// `styles/`.
  public static var styles: URL { root.appendingPathComponent("styles") }
  /// `Tests/Fixtures/`.
  public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
  /// `Tests/Golden/`.
  public static var golden: URL { root.appendingPathComponent("Tests/Golden") }

  /// Every Markdown page under `content/`, as paths relative to it, sorted.
  public static var contentPages: [String] {
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: content.path) else { return [] }
    return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
  }

  /// The text of a fixture file.
  public static func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
  }
}

/// Compares `actual` with the golden file `Tests/Golden/<path>`.
///
/// With `IMPRENTA_RECORD=1` in the environment the file is rewritten and the test fails with
/// "recorded", so a recording run is never mistaken for a passing one. A mismatch shows a
/// line diff and the command that regenerates the file.
public func assertGolden(_ actual: String, path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = Repository.golden.appendingPathComponent(path)
  if ProcessInfo.processInfo.environment["IMPRENTA_RECORD"] == "1" {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("recorded \(path)", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record("no golden file \(path): run `IMPRENTA_RECORD=1 swift test` to create it", sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    Issue.record(
      "golden \(path) differs:\n\(lineDiff(expected: expected, actual: actual))\nregenerate with: IMPRENTA_RECORD=1 swift test",
      sourceLocation: sourceLocation)
  }
}

/// A short diff of the first lines that differ.
public func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  var i = 0
  while i < max(e.count, a.count), out.count < limit {
    let l = i < e.count ? String(e[i]) : nil
    let r = i < a.count ? String(a[i]) : nil
    if l != r {
      out.append("@@ line \(i + 1)")
      if let l { out.append("- \(l)") }
      if let r { out.append("+ \(r)") }
    }
    i += 1
  }
  return out.joined(separator: "\n")
}
