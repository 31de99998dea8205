import Foundation
import Imprenta
import Testing

/// Raw HTML, SVG, images and paths that try to reach outside the content root or blow up.
@Suite("Hostile HTML, images and paths")
struct HostileContentTests {
  // MARK: - Raw HTML and SVG

  @Test func rawHTMLExternalEntityIsNeverExpanded() throws {
    let page = """
      ---
      title: T
      ---

      <!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY sec SYSTEM "../outside/secret.txt">]>
      <p>&xxe; &sec;</p>

      Text.
      """
    let run = try Hostile.run(page)
    #expect(run.codes.contains("unsafe-html"))
    for (_, out) in run.outputs { #expect(!String(decoding: out, as: UTF8.self).contains("root:x:0")) }
    #expect(run.text.contains("Text."))
  }

  @Test func rawHTMLEntityBombFinishes() throws {
    var decl = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    for i in 1...9 { decl += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
    decl += "]>"
    let run = try Hostile.run("---\ntitle: T\n---\n\n" + decl + "\n<div>&lol9;</div>\n\nText.\n")
    #expect(run.codes.contains("unsafe-html"))
    #expect(run.xhtml.count < 1_000_000)
    #expect(run.elapsed < Hostile.bound)
  }

  @Test func rawHTMLRemoteAndFileReferencesAndScripts() throws {
    let page = """
      ---
      title: T
      ---

      <img src="file:///etc/passwd" alt="a"> <img src="http://example.com/x.png" alt="b">
      <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>
      <iframe src="file:///etc/passwd"></iframe>
      <svg><image href="file:///etc/passwd"/><script>alert(2)</script></svg>

      Text.
      """
    let run = try Hostile.run(page)
    #expect(run.codes.contains("unsafe-html"))
    #expect(!run.xhtml.contains("<script") && !run.xhtml.contains("javascript:") && !run.xhtml.contains("onclick"))
    #expect(run.opened.isEmpty)
  }

  // MARK: - Images

  static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
    func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be(width) + be(height) + [8, 6, 0, 0, 0, 0, 0, 0, 0]
  }

  @Test func hostileImagesAreWarningsNotCrashes() throws {
    let svg = """
      <?xml version="1.0"?>
      <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
      <text>&x;</text><image xlink:href="file:///etc/passwd" width="5" height="5"/><image href="../outside/real.png" width="5" height="5"/>
      </svg>
      """
    let page = """
      ---
      title: T
      ---

      ![huge](huge.png)

      ![truncated](cut.jpg)

      ![text](notes.png)

      ![svg](evil.svg)

      Text.
      """
    let files: [String: [UInt8]] = [
      "huge.png": Self.pngHeader(width: 100_000, height: 100_000),
      "cut.jpg": [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xC0, 0x00],
      "notes.png": Array("just some text, not an image\n".utf8),
      "evil.svg": Array(svg.utf8),
    ]
    let run = try Hostile.run(page, files: files)
    #expect(run.error == nil)
    #expect(run.codes.contains("image-too-large"))
    #expect(run.codes.contains("image-unreadable") || run.codes.contains("image-unsupported"))
    for (_, out) in run.outputs { #expect(!String(decoding: out, as: UTF8.self).contains("root:x:0")) }
    #expect(run.text.contains("Text."))
  }

  // MARK: - Paths

  @Test func pathsOutOfTheRootAreRefused() throws {
    let page = """
      ---
      title: T
      ---

      ![a](/etc/passwd) ![b](../outside/real.png) ![c](../../../../../../etc/passwd) ![d](link.png) ![e](dir/inner.png)
      ![f](file:///etc/passwd) ![g](%2e%2e/outside/real.png) ![h](/../outside/real.png)

      Text.
      """
    let run = try Hostile.run(page) { site in
      try FileManager.default.createSymbolicLink(
        atPath: site.content.appendingPathComponent("link.png").path, withDestinationPath: site.root.appendingPathComponent("outside/real.png").path)
      try FileManager.default.createSymbolicLink(
        atPath: site.content.appendingPathComponent("dir").path, withDestinationPath: site.root.appendingPathComponent("outside").path)
    }
    #expect(run.error == nil)
    #expect(run.opened.isEmpty, "served from outside the root: \(run.opened)")
    #expect(run.codes.contains("refused-image") || run.codes.contains("image-refused"))
  }

  @Test func fileNamesWithNewlinesAndOddBytes() throws {
    let name = "odd\nname <&>.png"
    let run = try Hostile.run("---\ntitle: T\n---\n\n![x](<odd\nname <&>.png>)\n\n![y](odd%0Aname%20%3C&%3E.png)\n\nText.\n", files: [name: Hostile.tinyPNG])
    #expect(run.error == nil)
    #expect(run.text.contains("Text."))
  }
}

/// Inputs the fuzzer found.
@Suite("Fuzzer findings")
struct FuzzFindingTests {
  /// A link whose URL holds an unbalanced `)` made Cairo 1.16 write a broken PDF object
  /// (qpdf: "unexpected )"); the URL is now percent-encoded where Cairo would not escape it.
  @Test func unbalancedParenthesisInALinkKeepsThePDFWellFormed() throws {
    let run = try Hostile.run("---\ntitle: T\n---\n\n[a](<http://x/a)b>) [c](<http://x/(d>)\n", formats: [.pdf])
    let bytes = try #require(run.outputs[.pdf])
    // Objects sit in compressed object streams: let qpdf write them out plainly to look.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(bytes).write(to: dir.appendingPathComponent("in.pdf"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
    p.arguments = ["--qdf", "--object-streams=disable", "in.pdf", "out.pdf"]
    p.currentDirectoryURL = dir
    let err = Pipe()
    p.standardError = err
    try p.run()
    let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let plain = String(decoding: try Data(contentsOf: dir.appendingPathComponent("out.pdf")), as: UTF8.self)
    #expect(!warnings.contains("WARNING") && !plain.contains("QPDFFake"), "\(warnings)")
    #expect(plain.contains("http://x/a%29b") && plain.contains("http://x/%28d"))
  }
}
