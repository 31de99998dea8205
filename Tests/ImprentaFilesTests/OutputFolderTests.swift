import Foundation
import ImprentaFiles
import ImprentaModel
import Testing

@Suite("Write policy")
struct OutputFolderTests {
  @Test("an empty, root, content or content-holding output folder is refused", arguments: ["", " ", "/", "CONTENT", "PROJECT", "CONTENT/.."])
  func refusedFolders(_ spelling: String) throws {
    let s = try Scratch()
    let path = spelling.replacingOccurrences(of: "CONTENT", with: s.content).replacingOccurrences(of: "PROJECT", with: s.project)
    #expect(throws: ImprentaError.self) { try OutputFolder(path, contentRoots: [s.content]) }
  }

  @Test("unsafe names are refused, never written or removed", arguments: ["", "/etc/x.txt", "../victim", "a/../../b.txt", "./a.txt", "a//b.txt", "a\nb.txt", "a\\..\\b", "x\u{1B}[2J.txt"])
  func unsafeNames(_ name: String) throws {
    let s = try Scratch()
    let out = try OutputFolder(s.project + "/output", contentRoots: [s.content])
    #expect(!OutputFolder.isValidName(name))
    #expect(throws: ImprentaError.self) { try out.write([1], to: name, source: "t") }
    if case .removed = out.remove(name) { Issue.record("removed \(name)") }
  }

  @Test("a link inside the output folder is never written through, and the victim is unchanged")
  func linkedSubfolder() throws {
    let s = try Scratch()
    try s.write("victim/page.txt", "original")
    try s.link("project/output/sub", to: "../../victim")
    let out = try OutputFolder(s.project + "/output", contentRoots: [s.content])
    #expect(throws: ImprentaError.self) { try out.write(Array("evil".utf8), to: "sub/page.txt", source: "t") }
    #expect(try String(contentsOfFile: s.root + "/victim/page.txt", encoding: .utf8) == "original")
    #expect(out.contents(of: "sub/page.txt") == nil)
  }

  @Test("remove deletes only regular files: never a folder, never a link's target")
  func removeOnlyFiles() throws {
    let s = try Scratch()
    try s.write("victim/important/data.txt", "precious")
    try s.write("project/output/keep/a.txt", "a")
    try s.link("project/output/victim.txt", to: "../../victim/important/data.txt")
    let out = try OutputFolder(s.project + "/output", contentRoots: [s.content])
    #expect(out.remove("keep") != .removed)
    #expect(out.remove("victim.txt") != .removed)
    #expect(FileManager.default.fileExists(atPath: s.root + "/victim/important/data.txt"))
    #expect(out.remove("keep/a.txt") == .removed)
  }

  @Test("writes are whole and leave no temporary behind")
  func atomicWrite() throws {
    let s = try Scratch()
    let out = try OutputFolder(s.project + "/output", contentRoots: [s.content])
    let bytes = (0..<100_000).map { UInt8($0 % 251) }
    try out.write(bytes, to: "deep/er/file.pdf", source: "t")
    #expect(out.contents(of: "deep/er/file.pdf") == bytes)
    let names = try FileManager.default.contentsOfDirectory(atPath: s.project + "/output/deep/er")
    #expect(names == ["file.pdf"])
  }

  @Test("an output folder reached through a link out of the project is refused when confined")
  func confined() throws {
    let s = try Scratch()
    try s.link("project/output", to: "../outside")
    #expect(throws: ImprentaError.self) { try OutputFolder(s.project + "/output", contentRoots: [s.content], project: s.project, confined: true) }
    #expect(throws: ImprentaError.self) { try OutputFolder(s.project + "/output/new", contentRoots: [s.content], project: s.project) }
    #expect(!FileManager.default.fileExists(atPath: s.root + "/outside/new"))
  }
}
