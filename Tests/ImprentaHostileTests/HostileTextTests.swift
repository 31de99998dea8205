import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// Bytes and sizes: encodings, control characters, line ends, huge lines, notes and tables.
@Suite("Hostile text")
struct HostileTextTests {
  @Test func invalidUTF8IsAnErrorWithItsPosition() throws {
    let run = try Hostile.run(Array("---\ntitle: T\n---\n\nCaf".utf8) + [0xE9, 0x20, 0xFF] + Array("\n".utf8))
    let e = try #require(run.error)
    #expect(e.diagnostic.code == .invalidUTF8 && e.diagnostic.line == 5 && e.diagnostic.column == 4)
    #expect(run.outputs.isEmpty)
  }

  @Test func controlCharactersAreReplacedWithAWarning() throws {
    let run = try Hostile.run("---\ntitle: T\n---\n\nNUL\u{0} bell\u{7} vt\u{B} ff\u{C} esc\u{1B} nonchar\u{FFFE}\u{FFFF} end.\n")
    let w = try #require(run.diagnostics.items.first { $0.code == .invalidCharacter })
    #expect(w.line == 5 && w.column == 4 && w.message.hasPrefix("7 "))
    for (format, out) in run.outputs where format != .pdf && format != .epub {
      let s = String(decoding: out, as: UTF8.self)
      #expect(!s.unicodeScalars.contains { $0.value < 9 || $0.value == 0xB || $0.value == 0xC || $0.value == 0x1B || $0.value == 0xFFFE || $0.value == 0xFFFF }, "\(format)")
    }
    #expect(run.text.contains("end."))
    #expect(run.xhtml.contains("end."))
  }

  @Test func entitiesForControlCharactersNeverReachXML() throws {
    let run = try Hostile.run("---\ntitle: T\n---\n\nA&#1;B &#xFFFE; C&#0;D `\u{1}`\n")
    #expect(run.error == nil)
    #expect(!run.xhtml.unicodeScalars.contains { $0.value == 1 || $0.value == 0xFFFE || $0.value == 0 })
    #expect(run.xhtml.contains("D"))
  }

  @Test func byteOrderMarkAndLineEnds() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let crlf = try Hostile.run(bom + Array("---\r\ntitle: Windows\r\n---\r\n\r\nOne\r\ntwo\r\n\r\n# Head\r\n".utf8), formats: [.txt, .xhtml])
    #expect(crlf.error == nil && crlf.text.contains("Windows") && crlf.text.contains("Head") && !crlf.text.contains("\r"))
    let cr = try Hostile.run("---\rtitle: Mac\r---\r\rOne\rtwo\r\r# Head\r", formats: [.txt, .xhtml])
    #expect(cr.error == nil && cr.text.contains("Mac") && cr.text.contains("Head") && !cr.text.contains("\r"))
    let warned = try Hostile.run("---\ntitle: T\n---\n\nbad\u{B}line\r\n", formats: [.txt])
    let w = try #require(warned.diagnostics.items.first { $0.code == .invalidCharacter })
    #expect(w.line == 5 && w.column == 4)
  }

  @Test func fiveMegabyteSingleLine() throws {
    let count = (5 << 17) / Hostile.divisor  // 5 MB in one line with IMPRENTA_HOSTILE_FULL=1
    let words = String(repeating: "palabra ", count: count)
    let run = try Hostile.run("---\ntitle: T\n---\n\n" + words + "\n")
    #expect(run.error == nil)
    #expect(run.text.count(of: "palabra") == count)
    #expect(run.elapsed < Hostile.bound)
  }

  @Test func manyFootnotes() throws {
    let n = 100_000 / Hostile.divisor
    var page = "---\ntitle: T\n---\n\n"
    // A hundred references per paragraph (the bracket budget counts per paragraph), then the notes.
    page += stride(from: 1, through: n, by: 100).map { s in (s..<(s + 100)).map { "w[^\($0)]" }.joined(separator: " ") }.joined(separator: "\n\n") + "\n\n"
    page += (1...n).map { "[^\($0)]: note \($0)\n\n" }.joined()
    let run = try Hostile.run(page, formats: [.txt, .xhtml, .epub])
    #expect(run.error == nil)
    #expect(run.text.contains("note \(n)"))
    #expect(run.elapsed < Hostile.bound)
  }

  @Test func twoThousandColumnTable() throws {
    let columns = 2000
    let header = "|" + (1...columns).map { "h\($0)" }.joined(separator: "|") + "|"
    let rule = "|" + String(repeating: "-|", count: columns)
    let row = "|" + (1...columns).map { "c\($0)" }.joined(separator: "|") + "|"
    let run = try Hostile.run("---\ntitle: T\n---\n\n" + [header, rule, row, row].joined(separator: "\n") + "\n\nAfter.\n")
    #expect(run.error == nil)
    #expect(run.text.contains("After.") && run.text.contains("c2000"))
    #expect(run.elapsed < Hostile.bound)
  }
}

/// The built command on hostile names: outputs stay in the output folder, and none is partial.
@Suite("Hostile names through the command")
struct HostileCommandTests {
  @Test func slugAndNamesCannotLeaveTheOutputFolder() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("site/evil.md", "---\ntitle: Evil\nslug: ../../x\n---\n\nText.\n")
    try r.write("site/new\nline.md", "---\ntitle: Newline\n---\n\nText.\n")
    try r.write("site/good.md", "---\ntitle: Good\n---\n\nText.\n")
    try r.write("outside/secret.md", "---\ntitle: Secret\n---\n\nSECRET\n")
    try FileManager.default.createSymbolicLink(atPath: r.folder.appendingPathComponent("site/linked.md").path, withDestinationPath: r.folder.appendingPathComponent("outside/secret.md").path)
    let result = try r.run(["build", "site", "--format", "txt,xhtml,epub,pdf", "--output", "out"])
    // Nothing written outside out/ (the slug tried ../../x).
    #expect(!FileManager.default.fileExists(atPath: r.folder.appendingPathComponent("x.txt").path))
    #expect(!FileManager.default.fileExists(atPath: r.folder.deletingLastPathComponent().appendingPathComponent("x.txt").path))
    let files = r.files(under: "out")
    #expect(files.contains("good.txt") && files.contains("good.pdf"), "\(files) \(result.stderr)")
    #expect(!files.contains { $0.contains(".imprenta-tmp") }, "temporary files left: \(files)")
    for f in files where f.hasSuffix(".pdf") {
      let data = try Data(contentsOf: r.folder.appendingPathComponent("out/" + f))
      #expect(String(decoding: data.suffix(16), as: UTF8.self).contains("%%EOF"))
    }
    #expect(result.stderr.isEmpty || !result.stderr.contains("Fatal error"), "\(result.stderr)")
  }
}
