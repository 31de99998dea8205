import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// A small multilingual Hugo site written for these tests (zh-cn, ko, ru), built with the command
/// as a user would, and read back from its outputs.
enum ForeignSite {
  static let config = """
    baseURL = "https://example.org/"
    title = "多语言测试"
    defaultContentLanguage = "zh-cn"

    [languages.zh-cn]
    weight = 1
    languageCode = "zh-CN"
    contentDir = "content/zh-cn"

    [languages.ko]
    weight = 2
    languageCode = "ko"
    contentDir = "content/ko"

    [languages.ru]
    weight = 3
    languageCode = "ru"
    contentDir = "content/ru"
    """

  /// Headings with ids in Han script, linked with percent-encoded fragments (as the Chinese pages
  /// of a real site write them) and one written as is.
  static let certificates = """
    ---
    title: 证书说明
    date: 2026-03-05
    ---
    关于[证书](#%E8%AF%81%E4%B9%A6)和[吊销](#%E5%90%8A%E9%94%80)，请看下文；[再看证书](#证书)。

    ## 证书

    证书由我们签发，有效期为九十天。

    ## 吊销

    证书可以在到期之前被吊销。
    """

  /// A page linking another page of the site (by its URL, and by its file with an encoded anchor).
  static let questions = """
    ---
    title: 常见问题
    ---
    先读[证书说明](../certificates/)，特别是[吊销](certificates.md#%E5%90%8A%E9%94%80)一节。

    ## 为什么是九十天

    短期证书更安全。
    """

  /// Writes the site under `site/` in `r`'s folder, with `pages` (path under content/ → text).
  static func write(into r: CommandRunner, config: String = ForeignSite.config, pages: [String: String]) throws {
    try r.write("site/hugo.toml", config)
    for language in ["zh-cn", "ko", "ru"] {
      try FileManager.default.createDirectory(at: r.folder.appendingPathComponent("site/content/" + language), withIntermediateDirectories: true)
    }
    for (path, text) in pages { try r.write("site/content/" + path, text) }
  }

  /// The PDF as qpdf's QDF text (uncompressed objects), nil without qpdf.
  static func qdf(_ r: CommandRunner, _ path: String) -> String? {
    let out = r.folder.appendingPathComponent(path + ".qdf")
    guard let run = runTool("qpdf", ["--qdf", "--object-streams=disable", r.folder.appendingPathComponent(path).path, out.path]), run.status == 0 else { return nil }
    return try? String(decoding: Data(contentsOf: out), as: UTF8.self)
  }

  /// The names of the PDF's named destinations, and the names its link annotations go to.
  static func destinations(_ qdf: String) -> (defined: Set<String>, linked: [String]) {
    func all(_ pattern: String) -> [String] {
      let regex = try! NSRegularExpression(pattern: pattern)
      let ns = qdf as NSString
      return regex.matches(in: qdf, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
    return (Set(all(#"\(([^()\\]*)\)\s*\[\s*\d+ 0 R\s*/XYZ"#)), all(#"/Subtype /Link[^>]*?/Dest \(([^()\\]*)\)"#) + all(#"/Dest \(([^()\\]*)\)[^>]*?/Subtype /Link"#))
  }

  /// One file of an EPUB, nil without unzip.
  static func epubFile(_ r: CommandRunner, _ epub: String, _ path: String) -> String? {
    guard let run = runTool("unzip", ["-p", r.folder.appendingPathComponent(epub).path, path]), run.status == 0 else { return nil }
    return run.output
  }
}

@Suite struct ForeignSiteTests {
  /// `[证书](#%E8%AF%81%E4%B9%A6)` names the heading whose id is `证书`: every output links it,
  /// and the content check finds the anchor.
  @Test func percentEncodedFragmentsReachTheirHeadings() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try ForeignSite.write(into: r, pages: ["zh-cn/docs/certificates.md": ForeignSite.certificates])
    let result = try r.run(["build", "site", "-f", "pdf,epub,xhtml", "-o", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("broken-anchor") && !result.stderr.contains("no heading with id"), "\(result.stderr)")

    // PDF: three link annotations, each to a destination the PDF defines.
    let qdf = try #require(ForeignSite.qdf(r, "out/zh-cn/docs/certificates.pdf"), "qpdf (installed by scripts/setup) could not read the PDF")
    let (defined, linked) = ForeignSite.destinations(qdf)
    #expect(linked.count == 3, "\(linked)")
    for name in linked { #expect(defined.contains(name), "\(name) is not a destination of the PDF") }
    #expect(Set(linked).count == 2, "the encoded and the plain link to 证书 go to the same place: \(linked)")
    // EPUB: the links point at the ids of the headings (epubcheck would refuse a fragment with no id).
    if let content = ForeignSite.epubFile(r, "out/zh-cn/docs/certificates.epub", "OEBPS/text/zh-cn-docs-certificates.xhtml") {
      #expect(content.contains("id=\"证书\"") && content.contains("id=\"吊销\""), "\(content)")
      #expect(content.components(separatedBy: "href=\"#证书\"").count == 3, "\(content)")
      #expect(content.contains("href=\"#吊销\""), "\(content)")
    } else {
      Issue.record("unzip (installed by scripts/setup) could not read the page's content document")
    }

    // The page's XHTML writes the ids the links name.
    let page = try #require(r.read("out/zh-cn/docs/certificates.xhtml"))
    #expect(page.components(separatedBy: "href=\"#证书\"").count == 3 && page.contains("href=\"#吊销\""), "\(page)")

    // A book of the site (every page merged, ids made unique): the links follow their headings.
    let book = try r.run(["build", "site", "--book", "-f", "xhtml", "-o", "book"])
    #expect(book.status == 0, "\(book.stderr)")
    let xhtml = try #require(r.files(under: "book").first { $0.hasSuffix(".xhtml") }.flatMap { r.read("book/" + $0) })
    let hrefs = matches(##"href="#([^"]+)""##, in: xhtml)
    #expect(hrefs.count >= 3)
    for id in hrefs { #expect(xhtml.contains("id=\"\(id)\""), "#\(id) names no element of the book") }
  }
}

extension ForeignSiteTests {
  /// A page's own PDF and text file cannot hold another page: their links go to that page on the
  /// web (the site's `baseURL` and the page's permalink), as the page's EPUB's do; the page's
  /// XHTML links its sibling file.
  @Test func linksToOtherPagesGoToTheWebFromPerPagePDFAndText() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try ForeignSite.write(into: r, pages: ["zh-cn/docs/certificates.md": ForeignSite.certificates, "zh-cn/docs/questions.md": ForeignSite.questions])
    let result = try r.run(["build", "site", "-f", "pdf,txt,xhtml", "-o", "out"])
    #expect(result.status == 0 && !result.stderr.contains(": warning:"), "\(result.stderr)")
    let page = "https://example.org/docs/certificates/"
    let text = try #require(r.read("out/zh-cn/docs/questions.txt"))
    #expect(text.contains("证书说明 [1]") && text.contains("吊销 [2]"), "\(text)")
    #expect(text.contains("[1] \(page)\n") && text.contains("[2] \(page)#%E5%90%8A%E9%94%80\n"), "\(text)")
    let qdf = try #require(ForeignSite.qdf(r, "out/zh-cn/docs/questions.pdf"))
    let uris = matches(#"/URI \(([^()\\]*)\)"#, in: qdf)
    #expect(uris == [page, page + "#%E5%90%8A%E9%94%80"], "\(uris)")
    let xhtml = try #require(r.read("out/zh-cn/docs/questions.xhtml"))
    #expect(xhtml.contains("href=\"certificates.xhtml\"") && xhtml.contains("href=\"certificates.xhtml#吊销\""), "\(xhtml)")
  }

  /// Without an absolute `baseURL` there is no address to go to: the text file shows the other
  /// page's text file as the link's target; the PDF and EPUB keep the link's text and warn.
  @Test func withoutABaseURLLinksToOtherPagesAreShownOrWarned() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let config = ForeignSite.config.replacingOccurrences(of: "baseURL = \"https://example.org/\"", with: "baseURL = \"/\"")
    try ForeignSite.write(into: r, config: config, pages: ["zh-cn/docs/certificates.md": ForeignSite.certificates, "zh-cn/docs/questions.md": ForeignSite.questions])
    let result = try r.run(["build", "site", "-f", "pdf,txt,epub", "-o", "out", "--report", "report.json"])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try #require(r.read("out/zh-cn/docs/questions.txt"))
    #expect(text.contains("证书说明 [1]") && text.contains("[1] certificates.txt\n") && !text.contains("[2]"), "\(text)")
    for output in ["PDF", "EPUB"] {
      #expect(result.stderr.contains("questions.md:4:7: warning: the link to zh-cn/docs/certificates is text in this \(output)"), "\(result.stderr)")
    }
    #expect((r.read("report.json") ?? "").contains("link-to-other-output"))
    let pdfText = try #require(runTool("pdftotext", [r.folder.appendingPathComponent("out/zh-cn/docs/questions.pdf").path, "-"]))
    #expect(pdfText.output.contains("证书说明"))
    let qdf = try #require(ForeignSite.qdf(r, "out/zh-cn/docs/questions.pdf"))
    #expect(!qdf.contains("/URI"), "a link that leads nowhere")
  }
}

extension ForeignSiteTests {
  /// An id on an inline element (`# <a id="general">…</a>`, as the FAQ pages of a real site
  /// anchor their parts) is a place links go to: no broken-anchor warning, and a destination in
  /// the PDF on the element's line.
  @Test func idsOfInlineElementsAreLinkTargets() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let page = """
      ---
      title: 常见问题
      ---
      - [常规问题](#general)
      - [技术问题](#technical)

      # <a id="general">常规问题</a>

      证书是免费的。

      # <a id="technical">技术问题</a>

      请先阅读文档，<span id="ports">端口</span>必须开放。[回到端口](#ports)
      """
    try ForeignSite.write(into: r, pages: ["zh-cn/docs/faq.md": page])
    let result = try r.run(["build", "site", "-f", "pdf,epub", "-o", "out"])
    #expect(result.status == 0 && !result.stderr.contains(": warning:"), "\(result.stderr)")
    let qdf = try #require(ForeignSite.qdf(r, "out/zh-cn/docs/faq.pdf"))
    let (defined, linked) = ForeignSite.destinations(qdf)
    #expect(Set(linked).count == 3, "\(linked)")
    for name in linked { #expect(defined.contains(name), "\(name) is not a destination of the PDF") }
    #expect(defined.isSuperset(of: ["general", "technical", "ports"]), "\(defined)")
  }
}

/// The first capture group of every match of `pattern` in `text`.
private func matches(_ pattern: String, in text: String) -> [String] {
  let regex = try! NSRegularExpression(pattern: pattern)
  let ns = text as NSString
  return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
}
