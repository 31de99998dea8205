import Foundation
import ImprentaFiles
import ImprentaModel
import Testing

@Suite("Read policy")
struct ReadPolicyTests {
  /// Every way a link can lead out of the content root, relative or absolute, direct or chained,
  /// through a folder or to a system file.
  static let escapes: [(name: String, target: String)] = [
    ("relative.md", "../../outside/secret.md"),
    ("absolute.md", "ROOT/outside/secret.md"),
    ("environ.md", "/proc/self/environ"),
    ("hostname.md", "/etc/hostname"),
    ("dev.md", "/dev/zero"),
    ("chain.md", "chain2.md"),
    ("via-folder.md", "dirlink/s.md"),
  ]

  @Test("a link leading out of the roots is refused and named, never its target", arguments: escapes)
  func linksOut(_ escape: (name: String, target: String)) throws {
    let s = try Scratch()
    try s.link("project/content/dirlink", to: "../../outside/sub")
    try s.link("project/content/chain2.md", to: "../../outside/secret.md")
    try s.link("project/content/" + escape.name, to: escape.target.replacingOccurrences(of: "ROOT", with: s.root))
    let policy = ReadPolicy(roots: [s.content])
    #expect(throws: ReadRefusal.self) { try policy.read(s.content + "/" + escape.name) }
    do {
      _ = try policy.read(s.content + "/" + escape.name)
    } catch {
      #expect(error.code == .outsideRoots)
      let text = error.error().diagnostic.description
      #expect(!text.contains(Scratch.canary))
      #expect(!text.contains("outside/"))
      #expect(text.contains(escape.name))
    }
  }

  @Test("a link whose target is inside is followed")
  func linkInside() throws {
    let s = try Scratch()
    try s.write("project/content/real.md", "inside")
    try s.link("project/content/alias.md", to: "real.md")
    try s.link("project/content/up.md", to: "../content/real.md")
    let policy = ReadPolicy(roots: [s.content])
    #expect(try policy.read(s.content + "/alias.md") == Array("inside".utf8))
    #expect(try policy.read(s.content + "/up.md") == Array("inside".utf8))
  }

  @Test("'/' and system folders are never roots")
  func neverRoots() {
    #expect(ReadPolicy(roots: ["/", "/proc", "/sys/kernel", "/dev"]).roots.isEmpty)
    #expect(throws: ReadRefusal.self) { try ReadPolicy(roots: ["/"]).read("/etc/hostname") }
  }

  @Test("a FIFO is refused at once, never read (no hang)")
  func fifo() throws {
    let s = try Scratch()
    #expect(mkfifo(s.content + "/pipe.md", 0o644) == 0)
    do {
      _ = try ReadPolicy(roots: [s.content]).read(s.content + "/pipe.md")
      Issue.record("a FIFO was read")
    } catch {
      #expect(error.code == .notARegularFile)
    }
  }

  @Test("files over their budget are refused before reading, naming the budget", arguments: [Budget.pageBytes, .configBytes])
  func overBudget(_ budget: Budget) throws {
    let s = try Scratch()
    let path = s.content + "/big.md"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(truncate(path, off_t(budget.limit + 1)) == 0)  // sparse: costs no disk
    do {
      _ = try ReadPolicy(roots: [s.content]).read(path, budget: budget)
      Issue.record("an over-budget file was read")
    } catch {
      #expect(error.code == .budgetExceeded)
      #expect(error.message.contains(budget.rawValue))
    }
    #expect(truncate(path, off_t(budget.limit)) == 0)
    #expect(try ReadPolicy(roots: [s.content]).read(path, budget: budget).count == budget.limit)
  }

  @Test("a broken link and a link loop are diagnosed, not followed")
  func brokenLinks() throws {
    let s = try Scratch()
    try s.link("project/content/nowhere.md", to: "missing.md")
    try s.link("project/content/a.md", to: "b.md")
    try s.link("project/content/b.md", to: "a.md")
    let policy = ReadPolicy(roots: [s.content])
    for name in ["nowhere.md", "a.md"] {
      #expect(throws: ReadRefusal.self) { try policy.read(s.content + "/" + name) }
    }
  }
}
