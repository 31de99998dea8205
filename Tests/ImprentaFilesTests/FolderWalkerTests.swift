import Foundation
import ImprentaFiles
import ImprentaModel
import Testing

@Suite("Folder walker")
struct FolderWalkerTests {
  @Test("links to '.' and to parents never make the walk loop or repeat pages", arguments: 1...5)
  func loops(_ links: Int) throws {
    let s = try Scratch()
    try s.write("project/content/good.md", "x")
    try s.write("project/content/sub/deep.md", "y")
    for i in 0..<links {
      try s.link("project/content/l\(i)", to: ".")
      try s.link("project/content/sub/up\(i)", to: "..")
    }
    var walker = FolderWalker(policy: ReadPolicy(roots: [s.content]))
    let files = walker.files(under: s.content) { $0.hasSuffix(".md") }
    #expect(files == ["good.md", "sub/deep.md"])
    #expect(walker.diagnostics.items.count { $0.code == .folderLoop } == 2 * links)
  }

  @Test("a folder link leading out is reported by its name and not walked")
  func folderOutside() throws {
    let s = try Scratch()
    try s.write("project/content/good.md", "x")
    try s.link("project/content/dirlink", to: "../../outside")
    var walker = FolderWalker(policy: ReadPolicy(roots: [s.content]))
    let files = walker.files(under: s.content) { _ in true }
    #expect(files == ["good.md"])
    let d = try #require(walker.diagnostics.items.first)
    #expect(d.code == .outsideRoots)
    #expect(d.file.hasSuffix("content/dirlink"))
  }

  @Test("names are kept byte for byte: NFC and NFD twins are two files; non-UTF-8 names are reported")
  func names() throws {
    let s = try Scratch()
    let nfc = "caf\u{E9}.md", nfd = "cafe\u{301}.md"
    try s.write("project/content/" + nfc, "1")
    try s.write("project/content/" + nfd, "2")
    let bad = s.content + "/bad\u{FF}name.md"
    _ = bad
    let raw: [UInt8] = Array((s.content + "/bad").utf8) + [0xFF] + Array("name.md".utf8) + [0]
    let fd = raw.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
    #expect(fd >= 0)
    close(fd)
    var walker = FolderWalker(policy: ReadPolicy(roots: [s.content]))
    let files = walker.files(under: s.content) { _ in true }
    #expect(files.count == 2)
    #expect(Set(files.map { Array($0.utf8) }) == [Array(nfc.utf8), Array(nfd.utf8)])
    #expect(walker.diagnostics.items.contains { $0.code == .invalidFileName })
  }
}
