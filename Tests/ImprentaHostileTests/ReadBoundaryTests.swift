import Foundation
import ImprentaTestSupport
import Testing

/// Nothing outside the roots is read, whatever the link and whatever way the pages are named.
@Suite("Trust boundary: reads")
struct ReadBoundaryTests {
  /// Link targets that lead out of `content/`, relative and absolute, direct, chained and through folders.
  static let targets = [
    "../../outside/secret.md", "ABS/outside/secret.md", "/proc/self/environ", "chain.md", "dirlink/sub/s.md", "../content/../../outside/secret.md", "../imprenta.yaml",
  ]
  /// The ways pages are named: a folder, a glob, a project file's publication, a Hugo site.
  static let modes = ["folder", "glob", "project", "site"]

  @Test("a page that is a link leading out is refused by name and its content reaches no output", arguments: targets, modes)
  func pageLinks(_ target: String, _ mode: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.link("content/dirlink", to: "../../outside")
    try b.link("content/chain.md", to: "../../outside/secret.md")
    try b.link("content/leak.md", to: target.replacingOccurrences(of: "ABS", with: b.folder))
    let args: [String]
    switch mode {
    case "glob": args = ["build", "content/**/*.md", "-f", "txt,xhtml", "-o", "out", "-v"]
    case "project":
      try b.write("imprenta.yaml", "publications:\n  - {name: site, inputs: [content], formats: [txt, xhtml]}\n  - {name: book, inputs: [content], formats: [txt], book: true}\noutput: out\n")
      args = ["build", "-v"]
    case "site":
      try b.write("hugo.toml", "title = \"S\"\nbaseURL = \"https://example.org/\"\n")
      args = ["build", ".", "-f", "txt,xhtml", "-o", "out", "-v"]
    default: args = ["build", "content", "-f", "txt,xhtml", "-o", "out", "-v"]
    }
    let before = b.snapshot(excluding: ["out"])
    let result = try b.run(args)
    #expect(result.status < 2, "\(result.stderr)")
    #expect(b.leaks(in: result).isEmpty, "canary in \(b.leaks(in: result)): \(result.stderr)")
    #expect(result.stderr.contains("content/leak.md"), "the refused link is named: \(result.stderr)")
    #expect(result.stderr.contains("outside-roots") || result.stderr.contains("outside the allowed folders") || result.stderr.contains("not read"))
    #expect(b.snapshot(excluding: ["out"]) == before)
  }

  @Test("a single page named on the command line that links out is an error, never read", arguments: targets)
  func singlePage(_ target: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.link("content/dirlink", to: "../../outside")
    try b.link("content/chain.md", to: "../../outside/secret.md")
    try b.link("content/leak.md", to: target.replacingOccurrences(of: "ABS", with: b.folder))
    let result = try b.run(["build", "content/leak.md", "-f", "txt", "-o", "out"])
    #expect(result.status == 1)
    #expect(b.leaks(in: result).isEmpty)
  }

  @Test("images, styles, extends and the project file stay inside their roots")
  func otherFiles() throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.link("content/img.png", to: "../../outside/secret.png")
    try b.link("static", to: "../outside")
    try b.write("content/p.md", "---\ntitle: P\n---\n\n![a](img.png) ![b](/secret.png) ![c](../../outside/secret.png)\n")
    try b.write("styles/evil.yaml", "extends: ../../outside/secret.yml\n")
    try b.write("imprenta.yaml", """
      publications:
        - {name: one, inputs: [content], formats: [txt, xhtml, epub], style: styles/evil.yaml}
        - {name: two, inputs: [content], formats: [xhtml]}
      output: out
      """)
    let result = try b.run(["build"])
    #expect(result.status == 1, "the style that extends outside fails its publication: \(result.stderr)")
    #expect(result.stderr.contains("styles/evil.yaml:1:10: error:"), "\(result.stderr)")
    #expect(b.leaks(in: result).isEmpty, "\(b.leaks(in: result))")
    let style = try b.run(["build", "content", "-s", "styles/evil.yaml", "-o", "out2", "-f", "txt"])
    #expect(style.status == 1)
    #expect(b.leaks(in: style).isEmpty)
  }

  /// Found by scripts/fuzz (path mode): a `styles` folder that is a link out of the project
  /// was made a root, so a style there was read and its keys quoted in warnings.
  @Test("a styles folder that links out of the project is not read from", arguments: ["canary", "styles/canary.yaml"])
  func stylesFolderLink(_ style: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try "\(Boundary.canary): 1\n".write(toFile: b.folder + "/outside/canary.yaml", atomically: true, encoding: .utf8)
    try b.link("styles", to: "../outside")
    try b.write("imprenta.yaml", "publications:\n  - {name: p, inputs: [content], formats: [txt], style: \(style)}\noutput: out\n")
    let before = b.snapshot(excluding: ["out"])
    let result = try b.run(["build"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(b.leaks(in: result).isEmpty, "canary in \(b.leaks(in: result)): \(result.stderr)")
    #expect(result.stderr.contains("styles/canary.yaml") && result.stderr.contains("outside"), "\(result.stderr)")
    #expect(b.snapshot(excluding: ["out"]) == before)
  }

  @Test("a Hugo site's contentDir and language folders may not leave the site", arguments: ["contentDir = \"../../outside\"", "contentDir = \"/tmp\"", "[languages.es]\ncontentDir = \"../../outside\"", "contentDir = \"lnk\""])
  func siteFolders(_ setting: String) throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.write("site/hugo.toml", "title = \"S\"\nbaseURL = \"https://example.org/\"\n" + setting + "\n")
    try b.write("site/content/_index.md", "---\ntitle: Home\n---\n\nHome.\n")
    try b.link("site/lnk", to: "../../../outside")
    let result = try b.run(["build", "site", "-o", "out", "-f", "txt,xhtml"])
    #expect(result.status < 2)
    #expect(b.leaks(in: result).isEmpty)
    #expect(result.stderr.contains("outside the site"), "\(result.stderr)")
  }

  @Test("a content folder that is a link out of the project, an unreadable folder and an empty one all say so")
  func inputsThatSaySo() throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.link("repo/content", to: "../../outside")
    try FileManager.default.createDirectory(atPath: b.project + "/repo/empty", withIntermediateDirectories: true)
    let inRepo = try CommandRunner.run(in: b.project + "/repo", ["check"])
    #expect(inRepo.status == 1)
    #expect(inRepo.stderr.contains("content: error: a symbolic link to a place outside the project folder"), "\(inRepo.stderr)")
    let empty = try CommandRunner.run(in: b.project + "/repo", ["check", "empty"])
    #expect(empty.stderr.contains("empty: warning: no Markdown page"), "\(empty.stderr)")
  }

  @Test("a FIFO or a loop of links among the pages never hangs the build")
  func fifoAndLoops() throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    #expect(mkfifo(b.project + "/content/pipe.md", 0o644) == 0)
    for name in ["a", "b", "c"] { try b.link("content/" + name, to: ".") }
    try b.link("content/x.md", to: "y.md")
    try b.link("content/y.md", to: "x.md")
    let result = try b.run(["build", "content/**/*.md", "-f", "txt", "-o", "out"])
    #expect(result.status < 2)
    #expect(b.files(under: "out") == ["good.txt"])
    #expect(result.stderr.contains("content/pipe.md: warning: not a regular file"), "\(result.stderr)")
  }

  @Test("two pages whose names differ only in Unicode normalization are both reported, never one dropped silently")
  func normalizationTwins() throws {
    let b = try Boundary()
    defer { b.cleanUp() }
    try b.write("content/caf\u{E9}.md", "---\ntitle: A\n---\n\nONE\n")
    try b.write("content/cafe\u{301}.md", "---\ntitle: B\n---\n\nTWO\n")
    let result = try b.run(["build", "content", "-f", "txt", "-o", "out"])
    #expect(result.stderr.contains("ambiguous-page-name") || result.stderr.contains("only in Unicode normalization"), "\(result.stderr)")
    #expect(result.status == 1)
  }
}

