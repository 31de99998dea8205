import Foundation
import ImprentaModel
import Testing

@testable import ImprentaFiles

/// The read policy holds at open time, not only when a path is checked: a file or folder on the
/// checked path that is replaced by a symbolic link before the file is opened (a race another
/// process can win) is never followed.
@Suite("Read policy at open time")
struct ReadRaceTests {
  /// What is swapped for a link to the canaries outside, below `project/content`, after the check.
  static let swaps: [(page: String, swapped: String)] = [
    ("d/page.md", "d"),  // the page's folder
    ("a/b/page.md", "a"),  // a folder further up
    ("a/b/page.md", "a/b"),  // the folder in the middle
    ("page.md", "page.md"),  // the file itself
  ]

  @Test("a folder or file swapped for a link between the check and the read is refused, never read", arguments: swaps)
  func swappedAfterCheck(_ swap: (page: String, swapped: String)) throws {
    let s = try Scratch()
    try s.write("project/content/" + swap.page, "inside")
    // The canaries mirror the content tree, so whichever component is swapped, the page's path leads to one.
    let below = swap.page.dropFirst(swap.swapped.count).drop { $0 == "/" }
    try s.write("outside/mirror/" + (below.isEmpty ? "page.md" : String(below)), Scratch.canary)
    let policy = ReadPolicy(roots: [s.content])
    let path = s.content + "/" + swap.page
    guard case .success(let real) = policy.resolve(path) else {
      Issue.record("the page inside was not allowed")
      return
    }
    let swapped = s.content + "/" + swap.swapped
    #expect(rename(swapped, swapped + ".moved") == 0)
    try s.link("project/content/" + swap.swapped, to: s.root + "/outside/mirror" + (below.isEmpty ? "/page.md" : ""))
    // The same path now leads outside: the link is followed by everything but the policy.
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Scratch.canary)
    do {
      let bytes = try ReadPolicy.read(resolved: real, as: path, budget: .pageBytes)
      Issue.record("read through a link swapped in after the check: \(String(decoding: bytes, as: UTF8.self))")
    } catch {
      #expect(error.reason == .changed)
      #expect(error.code == .outsideRoots)
      #expect(!error.error().diagnostic.description.contains(Scratch.canary))
    }
    // Once the swap is undone, the same check and read give the page.
    #expect(unlink(swapped) == 0)
    #expect(rename(swapped + ".moved", swapped) == 0)
    #expect(try policy.read(path) == Array("inside".utf8))
  }

  @Test("pages read while another process swaps their folder for a link never yield the outside file")
  func swappedWhileReading() throws {
    let s = try Scratch()
    for i in 0..<200 {
      try s.write("project/content/d/p\(i).md", "inside")
      try s.write("outside/mirror/p\(i).md", Scratch.canary)
    }
    try s.link("project/content/.swap", to: s.root + "/outside/mirror")
    let policy = ReadPolicy(roots: [s.content])
    let a = s.content + "/d", b = s.content + "/.swap"
    let stop = ManagedAtomicFlag()
    // renameat2(RENAME_EXCHANGE): the folder and the link trade places atomically, over and over.
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    let symbol = try #require(dlsym(nil, "renameat2"))
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let swapper = Thread {
      while !stop.isSet { _ = renameat2(AT_FDCWD, a, AT_FDCWD, b, 2) }
    }
    swapper.start()
    var leaked = 0, read = 0
    for round in 0..<50 {
      for i in 0..<200 {
        if let bytes = try? policy.read(a + "/p\((i + round) % 200).md") {
          read += 1
          if bytes != Array("inside".utf8) { leaked += 1 }
        }
      }
    }
    stop.set()
    while !swapper.isFinished { usleep(1000) }
    #expect(leaked == 0, "\(leaked) of \(read) reads returned the file outside")
  }
}

/// A flag one thread sets and another polls.
final class ManagedAtomicFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
