import Foundation
import ImprentaTestSupport
import Testing

@Suite("Batch builds")
struct BatchCommandTests {
  func site(_ r: CommandRunner, pages: Int = 3) throws {
    for i in 1...pages { try r.write("content/p\(i).md", "---\ntitle: Página \(i)\ndate: 2024-01-0\(i)\n---\n\nTexto \(i).\n") }
    try r.write("styles/plain.yaml", "text: {columns: 60}\n")
  }

  @Test func incrementalRebuildsOnlyWhatChanged() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try site(r)
    try r.write("imprenta.yaml", """
      publications:
        - {name: a, inputs: [content], formats: [txt], style: plain}
        - {name: b, inputs: [content/p1.md], formats: [txt]}
      """)
    let first = try r.run(["build", "--verbose"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(r.read("output/.imprenta-manifest.json") != nil)
    #expect(r.files(under: "output") == ["a/p1.txt", "a/p2.txt", "a/p3.txt", "b/p1.txt"])
    let second = try r.run(["build", "--verbose"])
    #expect(second.stderr.contains("4 outputs (4 up to date)"), "\(second.stderr)")
    try r.write("content/p2.md", "---\ntitle: Cambiada\n---\nOtro texto.\n")
    let third = try r.run(["build", "--verbose"])
    #expect(third.stderr.contains("wrote output/a/p2.txt"))
    #expect(third.stderr.contains("4 outputs (3 up to date)"), "\(third.stderr)")
    try r.write("styles/plain.yaml", "text: {columns: 50}\n")
    let fourth = try r.run(["build", "--verbose"])
    #expect(fourth.stderr.contains("4 outputs (1 up to date)"), "\(fourth.stderr)")
    #expect(fourth.stderr.contains("up to date output/b/p1.txt"))
    let forced = try r.run(["build", "--force"])
    #expect(forced.stderr.contains("4 outputs, 0 errors"))
    // An output edited by hand is rebuilt.
    try r.write("output/b/p1.txt", "edited")
    let fifth = try r.run(["build"])
    #expect(fifth.stderr.contains("(3 up to date)"))
    #expect(r.read("output/b/p1.txt") != "edited")
  }

  /// A print file depends on its output profile: replacing the profile file a style names
  /// rebuilds the PDF (the style's text is unchanged).
  @Test func changedOutputProfileRebuildsThePrintFile() throws {
    let folder = "/usr/share/color/icc/ghostscript/"
    guard let one = FileManager.default.contents(atPath: folder + "default_cmyk.icc"), let two = FileManager.default.contents(atPath: folder + "ps_cmyk.icc") else {
      Issue.record("Ghostscript's CMYK profiles (libgs-common, installed by scripts/setup) are missing")
      return
    }
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/p.md", "---\ntitle: Impreso\n---\n\nTexto.\n")
    try r.write("content/press.icc", bytes: Array(one))
    try r.write("styles/press.yaml", "print: {standard: pdf/x-4, output_profile: press.icc}\n")
    try r.write("imprenta.yaml", "publications:\n  - {name: a, inputs: [content], formats: [pdf], style: press}\n")
    let first = try r.run(["build", "--verbose"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try r.run(["build", "--verbose"]).stderr.contains("(1 up to date)"))
    try r.write("content/press.icc", bytes: Array(two))
    let changed = try r.run(["build", "--verbose"])
    #expect(changed.stderr.contains("wrote output/a/p.pdf"), "\(changed.stderr)")
  }

  @Test func staleOutputsAreReportedAndPruned() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try site(r)
    try r.write("imprenta.yaml", "publications:\n  - {name: a, inputs: [content], formats: [txt]}\n  - {name: old, inputs: [content/p1.md], formats: [txt]}\n")
    #expect(try r.run(["build"]).status == 0)
    try r.write("imprenta.yaml", "publications:\n  - {name: a, inputs: [content], formats: [txt]}\n")
    let kept = try r.run(["build"])
    #expect(kept.stderr.contains("output/old/p1.txt: warning: output of a publication or page that no longer exists"), "\(kept.stderr)")
    #expect(r.read("output/old/p1.txt") != nil)
    let pruned = try r.run(["build", "--prune"])
    #expect(pruned.status == 0)
    #expect(r.read("output/old/p1.txt") == nil)
    #expect(!pruned.stderr.contains("warning:"))
  }

  @Test func shardsSplitTheWorkAndTogetherCoverIt() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try site(r, pages: 9)
    var seen: [String] = []
    for k in 1...3 {
      let out = "out\(k)"
      #expect(try r.run(["build", "content", "-f", "txt", "-o", out, "--shard", "\(k)/3"]).status == 0)
      let files = r.files(under: out).filter { $0.hasSuffix(".txt") }
      #expect(!files.isEmpty)
      seen += files
    }
    #expect(seen.sorted() == (1...9).map { "p\($0).txt" }.sorted())
    #expect(try r.run(["build", "--shard", "4/3"]).status == 64)
  }

  @Test func githubAnnotationsAndJSONReport() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/p.md", "---\ntitle: x\nweight: pesado\n---\ntexto\n")
    let result = try r.run(["build", "-f", "txt", "--diagnostics", "github", "--report", "report/build.json"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("::warning file=content/p.md,line=3,col=1,title=invalid-front-matter-value::'weight' should be a whole number, not 'pesado'"), "\(result.stderr)")
    let json = try #require(r.read("report/build.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["documents"] as? Int == 1)
    #expect(object["warnings"] as? Int == 1)
    let outputs = try #require(object["outputs"] as? [[String: Any]])
    #expect(outputs.count == 1)
    #expect((outputs[0]["sha256"] as? String)?.count == 64)
    #expect(outputs[0]["format"] as? String == "txt")
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.first?["code"] as? String == "invalid-front-matter-value")
    #expect(try r.run(["build", "-f", "txt", "--strict"]).status == 1)
  }

  @Test func reproducibleWithSourceDateEpoch() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    for page in Repository.contentPages {
      try r.write("content/" + page, bytes: [UInt8](try Data(contentsOf: Repository.content.appendingPathComponent(page))))
    }
    let env = ["SOURCE_DATE_EPOCH": "1700000000"]
    #expect(try r.run(["build", "-o", "one", "--force"], environment: env).status == 0)
    #expect(try r.run(["build", "-o", "two", "--force"], environment: env).status == 0)
    let one = r.files(under: "one"), two = r.files(under: "two")
    #expect(one == two && one.count >= Repository.contentPages.count)
    for f in one {
      #expect(try Data(contentsOf: r.folder.appendingPathComponent("one/" + f)) == Data(contentsOf: r.folder.appendingPathComponent("two/" + f)), "\(f) differs")
    }
  }

  @Test func checkReportsWithoutWriting() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/p.md", "# T\n\n[roto](#no-existe) [otra](falta.md) ![x](/images/nada.png) ![y](../../etc/passwd)\n")
    let result = try r.run(["check"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("content/p.md:3:1: warning: no heading with id 'no-existe' in this page"), "\(result.stderr)")
    #expect(result.stderr.contains("content/p.md:3:20: warning: link to a page that does not exist: falta.md"))
    #expect(result.stderr.contains("content/p.md:3:37: warning: image /images/nada.png not found"), "\(result.stderr)")
    #expect(result.stderr.contains("warning: image ../../etc/passwd refused: ../../etc/passwd is outside the content folder"))
    #expect(r.files(under: ".").filter { !$0.hasPrefix("content/") }.isEmpty)
    #expect(try r.run(["check", "--strict"]).status == 1)
  }

  @Test func killedBuildLeavesNoPartialFileAndTheNextBuildFinishes() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let paragraph = String(repeating: "Texto de prueba para un documento largo con muchas palabras. ", count: 400)
    for i in 0..<300 { try r.write("content/p\(i).md", "# Página \(i)\n\n" + (0..<8).map { _ in paragraph }.joined(separator: "\n\n")) }
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = ["build", "-f", "txt", "--jobs", "1"]
    process.currentDirectoryURL = r.folder
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until some outputs exist, then kill without warning.
    let deadline = Date().addingTimeInterval(20)
    while r.files(under: "output").filter({ $0.hasSuffix(".txt") }).count < 5 && Date() < deadline { usleep(5_000) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let partial = r.files(under: "output")
    #expect(partial.filter { $0.hasSuffix(".txt") }.count < 300, "the build finished before it was killed")
    #expect(!partial.contains { $0.contains(".imprenta-tmp-") })
    let before = Dictionary(uniqueKeysWithValues: partial.filter { $0.hasSuffix(".txt") }.map { ($0, r.read("output/" + $0)) })
    if let manifest = r.read("output/.imprenta-manifest.json") {
      #expect((try? JSONSerialization.jsonObject(with: Data(manifest.utf8))) != nil)
    }
    let next = try r.run(["build", "-f", "txt"])
    #expect(next.status == 0)
    #expect(r.files(under: "output").filter { $0.hasSuffix(".txt") }.count == 300)
    for (file, text) in before { #expect(r.read("output/" + file) == text, "\(file) was partial") }
  }
}

@Suite("Batch builds: pages deleted")
struct DeletedPageTests {
  @Test func deletedPagesOutputsAreStaleButOtherInvocationsAreNot() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("a/one.md", "# One\n")
    try r.write("b/two.md", "# Two\n")
    #expect(try r.run(["build", "a", "-f", "txt"]).status == 0)
    let other = try r.run(["build", "b", "-f", "txt"])
    #expect(!other.stderr.contains("warning:"), "\(other.stderr)")
    try FileManager.default.removeItem(at: r.folder.appendingPathComponent("a/one.md"))
    let after = try r.run(["build", "b", "-f", "txt", "--prune"])
    #expect(r.read("output/one.txt") == nil)
    #expect(r.read("output/two.txt") != nil)
    #expect(after.status == 0)
  }
}

@Suite("Links between pages of a folder")
struct PageLinkTests {
  @Test func linksToOtherPagesBecomeSiblingLinks() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("content/a.md", "# A\n\n[b](sub/b.md#dos) [c](/sub/c/) [fuera](https://x.org) [nada](zz.md)\n")
    try r.write("content/sub/b.md", "# B\n\n## Dos\n\n[a](../a.md)\n")
    try r.write("content/sub/c.md", "# C\n")
    let result = try r.run(["build", "-f", "xhtml,epub,txt"])
    #expect(result.status == 0, "\(result.stderr)")
    let a = try #require(r.read("output/a.xhtml"))
    #expect(a.contains("href=\"sub/b.xhtml#dos\""))
    #expect(a.contains("href=\"sub/c.xhtml\""))
    #expect(a.contains("href=\"zz.md\""))
    let b = try #require(r.read("output/sub/b.xhtml"))
    #expect(b.contains("href=\"../a.xhtml\""))
    let text = try #require(r.read("output/a.txt"))
    #expect(!text.contains("imprenta-page"))
    #expect(text.contains("https://x.org"))
    // The text file lists the other pages' text files as targets.
    #expect(text.contains("sub/b.txt") && text.contains("sub/c.txt"), "\(text)")
    // The link to a page that does not exist: it does not exist (the content check, once), and it
    // cannot be a link inside the EPUB (the EPUB's own). A page's EPUB cannot link the other pages
    // either (there is no address on the web to send them to): nothing is lost silently.
    #expect(result.stderr.contains("content/a.md:3:55: warning: link to a page that does not exist: zz.md"), "\(result.stderr)")
    #expect(result.stderr.contains("content/a.md:3:55: warning: the link zz.md is text in the EPUB"))
    for (at, page) in [("a.md:3:1", "sub/b"), ("a.md:3:19", "sub/c"), ("sub/b.md:5:1", "a")] {
      #expect(result.stderr.contains("content/\(at): warning: the link to \(page) is text in this EPUB"), "\(result.stderr)")
    }
    #expect(result.stderr.components(separatedBy: "warning:").count == 6, "\(result.stderr)")
  }
}
