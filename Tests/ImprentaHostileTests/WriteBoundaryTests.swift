import Foundation
import ImprentaTestSupport
import Testing

/// Nothing outside the output folder is written or deleted, whatever the folder, the names and the manifest say.
@Suite("Trust boundary: writes")
struct WriteBoundaryTests {
  @Test("an output folder that is empty, the root, the content or a folder holding it is refused, and nothing is written", arguments: ["", "/", "content", ".", "content/..", "./"])
  func refusedOutputFolders(_ output: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    let before = b.snapshot(excluding: [])
    let result = try b.run(["build", "content", "-f", "txt", "--output", output])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("unsafe-output-folder") || result.stderr.contains("output folder"), "\(result.stderr)")
    #expect(b.snapshot(excluding: []) == before)
    #expect(!FileManager.default.fileExists(atPath: "/good.txt"))
  }

  /// Manifest keys an attacker may commit: every one names something outside or unsafe.
  static let manifestKeys = [
    "../../victim", "../../victim/important/data.txt", "/tmp/imprenta-victim-abs.txt", "a/../../../victim", "sub/../../../victim/important",
    "gone.txt\n::error file=README.md::forged", "./../../victim", "victim.txt", "linkdir/data.txt", "..", ".",
  ]

  @Test("--prune removes only regular files Imprenta wrote inside the output folder", arguments: manifestKeys)
  func pruneManifest(_ key: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try FileManager.default.createDirectory(atPath: b.project + "/output", withIntermediateDirectories: true)
    try b.link("output/victim.txt", to: "../../victim/important/data.txt")
    try b.link("output/linkdir", to: "../../victim/important")
    let manifest: [String: Any] = [
      "imprenta": "0.1.0", "version": 1,
      "outputs": [key: ["bytes": 1, "format": "txt", "key": "x", "publication": "pages", "sha256": "x", "sources": ["content/gone.md"]]],
    ]
    try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: b.project + "/output/.imprenta-manifest.json"))
    let before = b.snapshot(excluding: ["output"])
    let result = try b.run(["build", "content", "-f", "txt", "-o", "output", "--prune", "-v", "--diagnostics", "github"])
    #expect(result.status < 2)
    #expect(b.snapshot(excluding: ["output"]) == before)
    #expect(FileManager.default.fileExists(atPath: b.folder + "/victim/important/data.txt"))
    #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("::error file=README.md") })
  }

  @Test("a link inside the output folder is never written through", arguments: ["sub", "sub/deeper", "en"])
  func linkedSubfolders(_ folder: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.write("content/\(folder)/page.md", "---\ntitle: P\n---\n\nInjected.\n")
    try b.r.write("victim/page.txt", "original")
    let depth = folder.split(separator: "/").count
    try b.link("output/\(folder)", to: String(repeating: "../", count: depth + 1) + "victim")
    let before = b.snapshot(excluding: ["output"])
    let result = try b.run(["build", "content", "-f", "txt", "-o", "output"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unsafe-output-path") || result.stderr.contains("symbolic link"), "\(result.stderr)")
    #expect(b.snapshot(excluding: ["output"]) == before)
  }

  @Test("the default and the project file's output folder stay in the project", arguments: ["output", "out/deeper"])
  func confinedOutput(_ name: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.link(name.split(separator: "/").first.map(String.init)!, to: "../victim")
    if name != "output" { try b.write("imprenta.yaml", "publications:\n  - {name: s, inputs: [content], formats: [txt]}\noutput: \(name)\n") }
    let before = b.snapshot(excluding: [])
    let result = try b.run(["build"] + (name == "output" ? ["-f", "txt"] : []))
    #expect(result.status == 1, "\(result.stderr)")
    #expect(b.snapshot(excluding: []) == before)
  }

  @Test("--report with a bare file name writes it in the current folder")
  func bareReport() throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    let result = try b.run(["build", "content", "-f", "txt", "-o", "out", "--report", "report.json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(b.read("report.json")?.contains("\"documents\" : 1") == true)
  }

  @Test("huge --shard and SOURCE_DATE_EPOCH values are refused, never a crash", arguments: ["1/9223372036854775807", "1/10000000000", "1/10001", "0/1", "2/1", "a/b"])
  func shardValues(_ shard: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    let result = try b.run(["build", "content", "-q", "-o", "out", "-f", "txt", "--shard", shard])
    #expect(result.status == 64, "\(result.stderr)")
  }

  @Test("a malformed SOURCE_DATE_EPOCH is an error, never ignored and never a crash", arguments: ["9223372036854775807", "253402300800", "abc", "-1", "1e9", " 12"])
  func sourceDateEpoch(_ value: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    let result = try b.run(["build", "content", "-q", "-o", "out", "-f", "pdf,epub"], environment: ["SOURCE_DATE_EPOCH": value])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("SOURCE_DATE_EPOCH: error:"))
    let good = try b.run(["build", "content", "-q", "-o", "out", "-f", "txt"], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
    #expect(good.status == 0, "\(good.stderr)")
  }
}
