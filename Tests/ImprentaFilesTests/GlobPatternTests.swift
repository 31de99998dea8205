import Foundation
import ImprentaFiles
import Testing

@Suite("Glob patterns")
struct GlobPatternTests {
  /// A direct, exponential reference matcher for small inputs.
  static func reference(_ p: ArraySlice<String>, _ s: ArraySlice<String>) -> Bool {
    guard let first = p.first else { return s.isEmpty }
    if first == "**" {
      return (0...s.count).contains { reference(p.dropFirst(), s.dropFirst($0)) }
    }
    guard let segment = s.first else { return false }
    return fnmatch(first, segment, 0) == 0 && reference(p.dropFirst(), s.dropFirst())
  }

  @Test("matching agrees with a reference matcher on generated patterns and paths")
  func agreesWithReference() {
    var random = SystemRandomNumberGenerator()
    let pieces = ["**", "*", "a", "b*", "*.md", "?.md", "[ab]"]
    let names = ["a", "b", "bc", "x.md", "a.md", "ab"]
    for _ in 0..<3000 {
      let p = (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }
      let s = (0..<Int.random(in: 0...4, using: &random)).map { _ in names.randomElement(using: &random)! }
      guard let pattern = GlobPattern("root/" + p.joined(separator: "/")) else { continue }
      let expected = GlobPatternTests.reference(ArraySlice(pattern.components), ArraySlice(s))
      #expect(pattern.matches(s.joined(separator: "/")) == expected, "\(p) vs \(s)")
    }
  }

  @Test("many '**' stay linear")
  func manyStars() throws {
    let pattern = try #require(GlobPattern("c/" + Array(repeating: "*/**", count: 40).joined(separator: "/") + "/x.md"))
    let path = Array(repeating: "a", count: 60).joined(separator: "/") + "/y.md"
    #expect(!pattern.matches(path))
    #expect(pattern.root == "c")
  }
}
