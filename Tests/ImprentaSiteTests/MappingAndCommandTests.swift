import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

@Suite("Shortcode mapping and the build command on a site")
struct MappingAndCommandTests {
  @Test func mappingReadsOnlyItsKeyAndWarnsAtPositions() {
    let yaml = """
      publications:
        - name: x
      shortcodes:
        notice: note
        tip: {as: note, class: hint}
        img: {as: image, src: 0, alt: alt}
        video: {as: embed, url: src, kind: video}
        toc: drop
        abbr: {as: text, text: title}
        bad: {as: sparkle}
        odd: {as: note, colour: red}
        nokind: {class: x}
      style: default
      """
    var d = Diagnostics()
    let m = ShortcodeMapping.load(yaml: yaml, file: "imprenta.yaml", diagnostics: &d)
    #expect(m.rules["notice"] == .container(className: "notice"))
    #expect(m.rules["tip"] == .container(className: "hint"))
    #expect(m.rules["img"] == .image(src: "0", alt: "alt", caption: nil))
    #expect(m.rules["video"] == .embed(url: "src", title: nil, kind: .video))
    #expect(m.rules["toc"] == .drop)
    #expect(m.rules["abbr"] == .text(argument: "title"))
    #expect(m.rules["bad"] == nil && m.rules["nokind"] == nil)
    #expect(m.rules["odd"] == .container(className: "odd"))
    #expect(d.items.map(\.description) == [
      "imprenta.yaml:10:13: warning: unknown kind 'sparkle' for shortcode 'bad': use one of image, embed, note, container, drop, text, verbatim, include, admonition, tabs, tab",
      "imprenta.yaml:11:19: warning: unknown key 'colour' for a shortcode mapped as note (its keys: as, class)",
      "imprenta.yaml:12:11: warning: shortcode 'nokind' needs 'as:' (one of image, embed, note, container, drop, text, verbatim, include, admonition, tabs, tab)",
    ])
  }

  func copyFixture(into r: CommandRunner) throws {
    try FileManager.default.copyItem(atPath: Fixture.root, toPath: r.folder.appendingPathComponent("site").path)
  }

  @Test func buildsEveryPageOfASite() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try copyFixture(into: r)
    let result = try r.run(["build", "site", "-f", "txt", "-o", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    let files = r.files(under: "out")
    #expect(files.contains("es/guia/atajos.txt") && files.contains("en/blog/a.txt") && files.contains("es/blog/sin-lista.txt"))
    #expect(!files.contains("es/blog/borrador.txt") && !files.contains("es/blog/futuro.txt") && !files.contains("es/blog/caducado.txt"))
    #expect(result.stderr.contains("site/content/guia/atajos.md:34:1: warning: unknown shortcode 'spoiler'"), "\(result.stderr)")
    #expect(result.stderr.contains("site/content/guia/intro.md:9:"), "\(result.stderr)")
    for f in files {
      let text = r.read("out/" + f) ?? ""
      #expect(!text.contains("{{<") && !text.contains("{{%"), "\(f)")
    }
    let all = try r.run(["build", "site", "-f", "txt", "-o", "all", "--drafts", "--future", "--expired"])
    #expect(all.status == 0)
    #expect(Set(r.files(under: "all")).isSuperset(of: ["es/blog/borrador.txt", "es/blog/futuro.txt", "es/blog/caducado.txt"]))
  }

  /// A page's own EPUB cannot hold a link to another page's file: with the site's absolute
  /// `baseURL` the link goes to that page on the web instead of becoming text.
  @Test func linksBetweenPageEPUBsGoToTheWeb() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try copyFixture(into: r)
    let result = try r.run(["build", "site", "-f", "epub", "-o", "out", "--report", "report.json"])
    #expect(result.status == 0, "\(result.stderr)")
    let epub = r.folder.appendingPathComponent("out/es/guia/intro.epub")
    guard let run = runTool("unzip", ["-p", epub.path, "OEBPS/text/es-guia-intro.xhtml"]), run.status == 0 else {
      Issue.record("unzip (installed by scripts/setup) could not read the page's content document")
      return
    }
    #expect(run.output.contains("href=\"https://example.org/blog/b/\""), "\(run.output)")
    #expect(!(r.read("report.json") ?? "").contains("link-to-other-output"))
  }

  @Test func buildsOneBookPerLanguage() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try copyFixture(into: r)
    let result = try r.run(["build", "site", "--book", "-f", "txt", "-o", "out"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(r.files(under: "out") == ["book.en.txt", "book.es.txt"])
    let es = r.read("out/book.es.txt") ?? ""
    #expect(es.hasPrefix("Sitio de prueba\n"))
    // The home page's body is the book's introduction; the guide's first chapter is also titled so.
    let order = ["Introducción\n", "Bienvenida", "Blog", "Pesada", "Entrada B", "Guía", "Lee el detalle", "Atajos", "Avanzado", "Detalle", "Paquete"].map { es.range(of: $0)?.lowerBound }
    #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! }, "\(es)")
    #expect(!es.contains("{{<") && !es.contains("{{%") && !es.contains("Sin lista"))
    let section = try r.run(["build", "site", "--book", "--section", "blog", "-f", "txt", "-o", "blog"])
    #expect(section.status == 0)
    #expect(!(r.read("blog/book.es.txt") ?? "Guía").contains("Introducción"))
  }
}

/// The fixture site's book in every format, checked the way a reader would.
@Suite struct SiteBookOutputTests {
  @Test func bookInEveryFormatHasNoShortcodeMarkupAndAValidPDF() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let fixture = Repository.fixtures.appendingPathComponent("hugo-site").path
    let result = try r.run(["build", fixture, "--book", "-o", "book"])
    #expect(result.status == 0, "\(result.stderr)")
    let files = r.files(under: "book")
    for ext in ["txt", "xhtml", "epub", "pdf"] { #expect(files.contains { $0.hasSuffix("." + ext) }, "no .\(ext) in \(files)") }
    for f in files where f.hasSuffix(".txt") || f.hasSuffix(".xhtml") {
      let text = try #require(r.read("book/" + f))
      #expect(!text.contains("{{<") && !text.contains("{{%"), "\(f) keeps shortcode markup")
    }
    for f in files where f.hasSuffix(".pdf") {
      let path = r.folder.appendingPathComponent("book/" + f).path
      guard let check = runTool("qpdf", ["--check", path])?.output, let text = runTool("pdftotext", [path, "-"])?.output else { continue }
      #expect(check.contains("No syntax or stream encoding errors"), "\(check)")
      #expect(!text.contains("{{<") && !text.contains("{{%"))
      #expect(!text.isEmpty)
    }
  }
}
