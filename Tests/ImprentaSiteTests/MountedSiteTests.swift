import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// The second fixture site, Tests/Fixtures/hugo-mounted-site: configuration split between
/// config/_default and config/production, content mounted from contenido/es, a cascade that keeps
/// snippets out, ignoreFiles, permalinks, aliases, a leaf bundle image, no language in the
/// configuration (Spanish prose, an English section, Hebrew and Chinese pages by front matter).
enum MountedSite {
  static let root = Repository.fixtures.appendingPathComponent("hugo-mounted-site").path
  static let now = PageDate(parsing: "2025-06-01T00:00:00Z")!

  static func project(environment: String = "production") throws -> (HugoProject, Diagnostics) {
    var d = Diagnostics()
    let p = try HugoProject(root: root, environment: environment, options: SiteReader.Options(now: now), diagnostics: &d)
    return (p, d)
  }

  static func document(_ p: HugoProject, _ name: String, diagnostics: inout Diagnostics) -> Document? {
    p.documents(diagnostics: &diagnostics).first { $0.relativeName == name }
  }

  /// Every link destination of a document, in order.
  static func links(_ d: Document) -> [String] {
    var out: [String] = []
    d.forEachInline { if case .link(let l) = $0 { out.append(l.destination) } }
    return out
  }
}

@Suite("Hugo site: configuration, mounts, cascade, links")
struct MountedSiteTests {
  @Test func productionConfigurationIsMergedOverTheDefault() throws {
    let (p, _) = try MountedSite.project()
    #expect(p.site.config.baseURL == "https://observatorio.example.org/")
    #expect(p.site.config.absoluteBaseURL == "https://observatorio.example.org/")
    #expect(p.site.config.title == "Observatorio Ciudadano")  // from _default, kept
    #expect(p.site.config.files.map { ($0 as NSString).lastPathComponent } == ["hugo.toml", "hugo.toml"])
    let (dev, _) = try MountedSite.project(environment: "development")
    #expect(dev.site.config.baseURL == "/")
    #expect(dev.site.config.absoluteBaseURL == nil)
  }

  @Test func onlyMountedFilesThatHugoBuildsArePages() throws {
    let (p, d) = try MountedSite.project()
    let names = Set(p.site.pages.map(\.document.relativeName))
    #expect(names == [
      "_index", "informes/_index", "informes/anual/index", "informes/metodo", "english/_index", "english/summary", "guia/_index",
      "guia/configurar", "otros/chino", "otros/hebreo",
    ])
    // Outside the mount (LICENSE), cascaded `build: {render: never}` (_fragmentos), ignoreFiles (*.borrador.md).
    #expect(!p.site.pages.contains { $0.document.sourcePath.contains("LICENSE") || $0.document.sourcePath.contains("borrador") })
    #expect(p.site.skipped.map { ($0.path as NSString).lastPathComponent }.sorted() == ["_index.md", "aviso.md"])
    #expect(!d.hasErrors)
  }

  @Test func permalinksSlugsAndAliasesResolveLinks() throws {
    let (p, _) = try MountedSite.project()
    let report = try #require(p.site.pages.first { $0.document.relativeName == "informes/anual/index" })
    #expect(report.permalink == "/publicaciones/informe-anual-de-participacion/")
    #expect(report.aliases == ["/viejo/informe/"])
    var d = Diagnostics()
    let doc = try #require(MountedSite.document(p, "informes/anual/index", diagnostics: &d))
    // Static file → absolute on production's baseURL; a bundle-relative page link, an alias and the
    // site's own absolute URL → pages of the export.
    #expect(MountedSite.links(doc) == [
      "https://observatorio.example.org/documentos/plan.pdf", "imprenta-page:informes/metodo", "imprenta-page:informes/anual/index",
      "imprenta-page:informes/metodo",
    ])
    let method = try #require(MountedSite.document(p, "informes/metodo", diagnostics: &d))
    #expect(MountedSite.links(method) == ["imprenta-page:informes/anual/index", "#conteo"])
    #expect(d.items.isEmpty, "\(d.items)")
  }

  @Test func withoutAnAbsoluteBaseURLSiteFilesBecomeTextWithAWarning() throws {
    let (p, _) = try MountedSite.project(environment: "development")
    var d = Diagnostics()
    let doc = try #require(MountedSite.document(p, "informes/anual/index", diagnostics: &d))
    #expect(!MountedSite.links(doc).contains { $0.contains("documentos") })
    var text = ""
    doc.forEachInline { if case .text(let t) = $0 { text += t.string } }
    #expect(text.contains("el documento del plan"))
    let warning = try #require(d.items.first { $0.code == .noBaseURL })
    #expect(warning.file.hasSuffix("contenido/es/informes/anual/index.md"))
    #expect(warning.line == 13)
  }

  @Test func aBundleImageIsFoundInTheBookAndTheBookIsValid() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let result = try r.run(["build", MountedSite.root, "--book", "-o", "out", "--format", "pdf,epub,txt", "--strict"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("not found"))
    #expect(r.files(under: "out") == ["book.epub", "book.pdf", "book.txt"])
    let text = try #require(r.read("out/book.txt"))
    #expect(!text.contains("Not a page"))  // LICENSE.md outside the mount
    #expect(!text.contains("Fragmentos"))  // the cascaded snippets' section is no part…
    #expect(text.components(separatedBy: "nunca es un capítulo").count == 2)  // …its page is only included, once
    #expect(!text.contains("{"))
    let images = runTool("pdfimages", ["-list", r.folder.appendingPathComponent("out/book.pdf").path])
    // The bundle's 16×16 map (the emoji is drawn as an image too).
    if let images { #expect(images.output.contains(" 16    16 "), "\(images.output)") }
    if let check = runTool("java", ["-jar", "/usr/share/java/epubcheck.jar", r.folder.appendingPathComponent("out/book.epub").path]) {
      #expect(check.status == 0, "\(check.output)")
      #expect(check.output.contains("No errors or warnings detected"), "\(check.output)")
    }
  }

  @Test func languagesAreDetectedAndStatedPerChapter() throws {
    let (p, d) = try MountedSite.project()
    func language(_ name: String) -> String? { p.site.pages.first { $0.document.relativeName == name }?.document.metadata.language }
    #expect(language("informes/metodo") == "es")
    #expect(language("english/summary") == "en")
    #expect(language("english/_index") == "en")
    #expect(language("otros/hebreo") == "he")  // front matter wins
    #expect(p.site.detectedLanguage == "es")
    #expect(d.items.contains { $0.code == .languageDetected && $0.message.contains("'es'") })
    var d2 = Diagnostics()
    let book = try #require(p.books(diagnostics: &d2).first?.book)
    #expect(book.language == "es")
  }

  @Test func noShortcodeOrAttributeTextInAnyOutputAndTheBookIsValidInEveryFormat() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let pages = try r.run(["build", MountedSite.root, "-o", "pages", "--format", "txt,xhtml,epub,pdf", "--strict"])
    #expect(pages.status == 0, "\(pages.stderr)")
    let book = try r.run(["build", MountedSite.root, "--book", "-o", "book", "--format", "txt,xhtml,epub,pdf", "--strict"])
    #expect(book.status == 0, "\(book.stderr)")
    var texts: [(String, String)] = []
    for folder in ["pages", "book"] {
      for file in r.files(under: folder) where file.hasSuffix(".txt") || file.hasSuffix(".xhtml") {
        texts.append((folder + "/" + file, try #require(r.read(folder + "/" + file))))
      }
      for file in r.files(under: folder) where file.hasSuffix(".pdf") {
        if let t = runTool("pdftotext", [r.folder.appendingPathComponent(folder + "/" + file).path, "-"]) { texts.append((folder + "/" + file, t.output)) }
      }
    }
    #expect(texts.count >= 20)
    for (name, text) in texts {
      for leak in ["{{", "}}", "{.", "{#", "{anchor", ":wave:", "{class", "pestaña \"", "# comentario que no es un título\n="] {
        #expect(!text.contains(leak), "\(name) shows \(leak)")
      }
    }
    let guide = try #require(r.read("pages/guia/configurar.txt"))
    #expect(guide.contains("    # comentario que no es un título"))  // verbatim, as code
    #expect(guide.contains("Asamblea\n    Reunión abierta"))  // a definition list
    #expect(guide.contains("👋"))
    #expect(guide.contains("https://mapas.example.org/barrios"))
    // The book: Spanish, English and Hebrew chapters tagged as such, valid for epubcheck.
    let pdf = r.folder.appendingPathComponent("book/book.pdf").path
    if let qdf = runTool("qpdf", ["--qdf", "--object-streams=disable", pdf, r.folder.appendingPathComponent("q.pdf").path]), qdf.status == 0 {
      let raw = String(decoding: try Data(contentsOf: r.folder.appendingPathComponent("q.pdf")), as: UTF8.self)
      #expect(raw.contains("/Lang (es)"))
      // The English and Hebrew chapters' structure elements say their language.
      #expect(raw.contains("/Lang (en)") && raw.contains("/Lang (he)"))
    }
    // The Hebrew chapter of the Spanish book is laid out right to left: its bullets right of its text.
    if let boxes = runTool("pdftotext", ["-bbox", pdf, "-"]) {
      let words = boxes.output.split(separator: "\n").compactMap { line -> (x: Double, y: Double, text: Substring)? in
        guard let open = line.range(of: "\">"), let close = line.range(of: "</word>"),
          let x = line.firstMatch(of: /xMin="([0-9.]+)"/).flatMap({ Double($0.1) }), let y = line.firstMatch(of: /yMax="([0-9.]+)"/).flatMap({ Double($0.1) })
        else { return nil }
        return (x, y, line[open.upperBound..<close.lowerBound])
      }
      // On each bullet's line, the Hebrew (letters with Cairo, words with the native writer) is at its left.
      let bullets = words.filter { $0.text == "•" }
      let hebrew = words.filter { $0.text.unicodeScalars.contains { (0x5D0...0x5EA).contains($0.value) } }
      #expect(!bullets.isEmpty && !hebrew.isEmpty)
      for bullet in bullets {
        let line = hebrew.filter { abs($0.y - bullet.y) < 2 }
        #expect(!line.isEmpty && line.allSatisfy { $0.x < bullet.x }, "bullet \(bullet), text \(line)")
      }
    }
    if let list = runTool("unzip", ["-p", r.folder.appendingPathComponent("book/book.epub").path]) {
      #expect(list.output.contains("<dc:language>es</dc:language>"))
      #expect(list.output.contains("lang=\"en\" xml:lang=\"en\""))
      #expect(list.output.contains("dir=\"rtl\""))
    }
    if let check = runTool("java", ["-jar", "/usr/share/java/epubcheck.jar", r.folder.appendingPathComponent("book/book.epub").path]) {
      #expect(check.output.contains("No errors or warnings detected"), "\(check.output)")
    }
  }

  @Test func aSiteIsBuiltIncrementallyInParallelAndInShards() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    let first = try r.run(["build", MountedSite.root, "-o", "out", "--format", "txt", "-j", "2", "--report", "r1.json"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(r.files(under: "out").count == 10)
    let again = try r.run(["build", MountedSite.root, "-o", "out", "--format", "txt", "-j", "2", "--report", "r2.json"])
    let report = try #require(r.read("r2.json"))
    #expect(again.status == 0)
    #expect(report.contains("\"rebuilt\" : false") && !report.contains("\"rebuilt\" : true"), "\(report)")
    var sharded: [String] = []
    for k in 1...2 {
      let s = try r.run(["build", MountedSite.root, "-o", "shard", "--format", "txt", "--shard", "\(k)/2"])
      #expect(s.status == 0)
      sharded = r.files(under: "shard")
    }
    #expect(sharded == r.files(under: "out"))
  }
}

@Suite("Hugo configuration pieces")
struct SiteConfigPieceTests {
  @Test func bookChaptersImagesAreRebasedOntoTheBook() {
    #expect(Book.rebase("red.png", from: "c/post", to: "c") == "post/red.png")
    #expect(Book.rebase("red.png", from: "c/a", to: "c/b") == "../a/red.png")
    #expect(Book.rebase("/images/x.png", from: "c/a", to: "c") == "/images/x.png")
    #expect(Book.rebase("https://e.org/x.png", from: "c/a", to: "c") == "https://e.org/x.png")
  }
}

@Suite("Hugo cascade targets")
struct CascadeTargetTests {
  @Test func aTargetInAnArrayOfTablesIsRead() throws {
    let r = try CommandRunner()
    defer { r.cleanUp() }
    try r.write("site/hugo.toml", "title = 'x'\n[[cascade]]\n[cascade.build]\nrender = 'never'\n[cascade.target]\npath = '/zz/**'\n")
    try r.write("site/content/a/p.md", "---\ntitle: P\n---\n\nText of a page that no cascade target matches.\n")
    let result = try r.run(["build", "site", "-o", "out", "--format", "txt"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(r.files(under: "out") == ["a/p.txt"], "\(result.stderr)")
  }

  @Test func globsMatchFromTheFirstFolder() {
    #expect(!GlobPattern.matchesWhole("/zz/**", "a/p"))
    #expect(GlobPattern.matchesWhole("/zz/**", "zz/a/p"))
    #expect(GlobPattern.matchesWhole("/blog", "/blog/"))
    #expect(!GlobPattern.matchesWhole("/blog", "blog/x"))
    #expect(GlobPattern.matchesWhole("docs/*.md", "docs/a.md"))
    #expect(!GlobPattern.matchesWhole("docs/*.md", "other/a.md"))
    #expect(GlobPattern.matchesWhole("**/*.md", "a/b/c.md"))
  }
}

