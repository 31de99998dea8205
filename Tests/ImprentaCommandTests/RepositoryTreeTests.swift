import Foundation
import ImprentaTestSupport
import Testing

@Suite("The repository tree")
struct RepositoryTreeTests {
  @Test("no tracked file over 1 MB outside Tests/ (a tool's leftover was committed once)")
  func noHeavyFiles() throws {
    guard let listing = runTool("git", ["-C", Repository.root.path, "ls-files", "-z"]), listing.status == 0 else {
      // Not a git checkout (a source archive): nothing to check.
      return
    }
    let heavy = listing.output.split(separator: "\0").map(String.init).filter { path in
      guard !path.hasPrefix("Tests/") else { return false }
      let size = (try? FileManager.default.attributesOfItem(atPath: Repository.root.appendingPathComponent(path).path)[.size] as? Int) ?? 0
      return size > 1_000_000
    }
    #expect(heavy.isEmpty, "tracked files over 1 MB outside Tests/: \(heavy)")
  }
}
