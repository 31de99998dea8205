import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// The fixture Hugo site in Tests/Fixtures/hugo-site, read with "now" fixed.
enum Fixture {
  static let root = Repository.fixtures.appendingPathComponent("hugo-site").path
  static let now = PageDate(parsing: "2025-06-01T00:00:00Z")!

  static func project(drafts: Bool = false, future: Bool = false, expired: Bool = false) throws -> (HugoProject, Diagnostics) {
    var d = Diagnostics()
    let options = SiteReader.Options(includeDrafts: drafts, includeFuture: future, includeExpired: expired, now: now)
    let p = try HugoProject(root: root, options: options, diagnostics: &d)
    return (p, d)
  }

  static func names(_ pages: [SitePage]) -> [String] { pages.map(\.document.relativeName) }
}

@Suite("Hugo site")
struct SiteTests {
  @Test func configuration() throws {
    let (p, _) = try Fixture.project()
    let c = p.site.config
    #expect(c.title == "Sitio de prueba")
    #expect(c.baseURL == "https://example.org/")
    #expect(c.defaultContentLanguage == "es")
    #expect(c.languages.map(\.code) == ["es", "en"])
    #expect(c.languages.map(\.tag) == ["es-ES", "en-US"])
    #expect(c.menus.map(\.target) == ["/blog", "/guia"])
    #expect(c.params.first { $0.key == "organizacion" }?.value == .string("Alianza"))
  }

  @Test func orderIsHugosDefault() throws {
    let (p, _) = try Fixture.project()
    let blog = p.site.pages(language: "es").filter { $0.sectionPath == "blog" && $0.kind == .page }
    // weight 1 first; then newest first (B, C, D are the same instant: title decides); then A and "Sin lista" (same day).
    #expect(Fixture.names(blog) == ["es/blog/pesada", "es/blog/b", "es/blog/c", "es/blog/d", "es/blog/a", "es/blog/sin-lista"])
  }

  @Test func inclusionFollowsHugosRules() throws {
    let (p, _) = try Fixture.project()
    let names = Set(Fixture.names(p.site.pages))
    for left in ["es/blog/borrador", "es/blog/futuro", "es/blog/fecha-futura", "es/blog/caducado", "es/blog/recursos/index", "es/guia/paquete/nota"] {
      #expect(!names.contains(left), "\(left)")
    }
    #expect(names.contains("es/guia/paquete/index"))
    #expect(names.contains("es/blog/sin-lista"))
    let reasons = Dictionary(p.site.skipped.map { (($0.path as NSString).lastPathComponent, $0.reason) }, uniquingKeysWith: { a, _ in a })
    #expect(reasons["borrador.md"] == .draft && reasons["futuro.md"] == .future && reasons["fecha-futura.md"] == .future)
    #expect(reasons["caducado.md"] == .expired && reasons["index.md"] == .notRendered)

    let (all, _) = try Fixture.project(drafts: true, future: true, expired: true)
    let allNames = Set(Fixture.names(all.site.pages))
    for name in ["es/blog/borrador", "es/blog/futuro", "es/blog/fecha-futura", "es/blog/caducado"] { #expect(allNames.contains(name)) }
    #expect(!allNames.contains("es/blog/recursos/index"))

    // "Now" decides: in 2019 the expired page is live and the 2030 one still future.
    var d = Diagnostics()
    let early = try HugoProject(root: Fixture.root, options: .init(now: PageDate(parsing: "2019-06-01")!), diagnostics: &d)
    #expect(Fixture.names(early.site.pages).contains("es/blog/caducado"))
    #expect(!Fixture.names(early.site.pages).contains("es/blog/a"))
  }

  @Test func datesKeepTheirZoneAndDay() throws {
    let (p, _) = try Fixture.project(future: true)
    func page(_ name: String) -> Metadata { p.site.pages.first { $0.document.relativeName == name }!.document.metadata }
    let b = try #require(page("es/blog/b").date)
    #expect(b.text == "2024-03-05T10:00:00+01:00" && b.day == 5 && b.hour == 10 && b.utcOffset == 3600)
    let c = try #require(page("es/blog/c").date)
    #expect(c.text == "2024-03-05 09:00:00" && c.utcOffset == nil)
    let a = try #require(page("es/blog/a").date)
    #expect(a.isoDay == "2024-01-01" && a.hour == nil)
    let detalle = page("es/guia/avanzado/detalle")
    #expect(detalle.date?.text == "2024-05-06T07:08:09Z")
    #expect(detalle.lastmod?.isoDay == "2024-06-01")
    let futuro = page("es/blog/futuro")
    #expect(futuro.publishDate?.utcOffset == 7200 && futuro.publishDate?.day == 1)
    #expect(page("es/guia/intro").date?.utcOffset == -18000)
  }

  @Test func languagesBySuffixWithPermalinks() throws {
    let (p, _) = try Fixture.project()
    let en = p.site.pages(language: "en")
    #expect(Fixture.names(en) == ["en/_index", "en/blog/a", "en/guia/intro"] || Set(Fixture.names(en)) == ["en/_index", "en/blog/a", "en/guia/intro"])
    #expect(en.allSatisfy { $0.document.metadata.language == "en-US" })
    #expect(p.site.pages.first { $0.document.relativeName == "es/blog/a" }?.permalink == "/blog/a/")
    #expect(en.first { $0.document.relativeName == "en/blog/a" }?.permalink == "/en/blog/a/")
    #expect(p.site.pages.first { $0.document.relativeName == "es/guia/paquete/index" }?.permalink == "/guia/paquete/")
  }

  @Test func linksResolveAndMissingTargetsWarn() throws {
    let (p, _) = try Fixture.project()
    var d = Diagnostics()
    let docs = p.documents(diagnostics: &d)
    let intro = try #require(docs.first { $0.relativeName == "es/guia/intro" })
    var links: [String: String] = [:]
    for case .paragraph(let para) in intro.blocks {
      for case .link(let l) in para.content { links[l.content.plainText] = l.destination }
    }
    #expect(links["detalle"] == "imprenta-page:es/guia/avanzado/detalle#paso-dos")
    #expect(links["blog"] == "imprenta-page:es/blog/a")
    #expect(links["la entrada B"] == "imprenta-page:es/blog/b")
    #expect(links["el detalle por URL"] == "imprenta-page:es/guia/avanzado/detalle")
    #expect(links["una relativa"] == "imprenta-page:es/blog/c")
    #expect(links["algo que no existe"] == "https://example.org/no/existe/")
    let target = try #require(Link(destination: links["detalle"]!, content: []).internalTarget)
    #expect(target.page == "es/guia/avanzado/detalle" && target.anchor == "paso-dos")
    let missing = d.items.filter { $0.code == .missingLinkTarget }.map { "\(($0.file as NSString).lastPathComponent):\($0.line)" }
    #expect(missing == ["intro.md:9", "intro.md:11"])

    // In the English book, links to Spanish pages leave the book: absolute on baseURL.
    var d2 = Diagnostics()
    let books = p.books(diagnostics: &d2).map(\.book)
    let enBook = try #require(books.first { $0.language == "en-US" })
    let enIntro = try #require(enBook.documents.first { $0.relativeName == "en/guia/intro" })
    guard case .paragraph(let para) = enIntro.blocks[0] else { Issue.record(); return }
    let dests = para.content.compactMap { if case .link(let l) = $0 { return l.destination } else { return nil } }
    #expect(dests == ["https://example.org/blog/a/", "https://example.org/guia/intro/"])
  }

  @Test func shortcodesOfTheSite() throws {
    let (p, d) = try Fixture.project()
    let unknown = d.items.filter { $0.code == .unknownShortcode }
    #expect(unknown.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" } == ["atajos.md:34:1"])
    let atajos = try #require(p.site.pages.first { $0.document.relativeName == "es/guia/atajos" }).document
    var kinds: [String] = []
    for block in atajos.blocks {
      switch block {
      case .figure(let f): kinds.append("figure:\(f.image.source)")
      case .embed(let e): kinds.append("\(e.kind.rawValue):\(e.provider)")
      case .codeBlock(let c): kinds.append("code:\(c.language)")
      case .container(let c): kinds.append("container:\(c.attributes.classes.joined(separator: "."))")
      case .paragraph(let para): kinds.append("p:\(para.content.plainText)")
      default: kinds.append("other")
      }
    }
    #expect(kinds == [
      "figure:/images/café.png", "video:youtube", "video:vimeo", "post:x", "code:gist", "post:instagram", "code:go",
      "container:details", "qr:qr", "p:El color es azul y la organización Alianza.", "container:notice", "container:shortcode-spoiler",
    ])
  }

  @Test func imagesFromStaticBundleWithAccentsAndNoExtension() throws {
    let (p, _) = try Fixture.project()
    let intro = p.site.pages.first { $0.document.relativeName == "es/guia/intro" }!.document
    let bundle = p.site.pages.first { $0.document.relativeName == "es/guia/paquete/index" }!.document
    for (ref, doc) in [("/images/café.png", intro), ("/images/raw", intro), ("foto.png", bundle), ("/images/cafe\u{301}.png", intro), ("/images/caf%C3%A9.png", intro)] {
      guard case .found(let r) = p.resources.resource(ref, for: doc) else { Issue.record("\(ref) not found"); continue }
      #expect(r.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(ref)")
    }
    if case .found = p.resources.resource("/images/nada.png", for: intro) { Issue.record("found a missing file") }
  }

  @Test func bookOrderPartsAndChapters() throws {
    let (p, _) = try Fixture.project()
    var d = Diagnostics()
    let books = p.books(diagnostics: &d).map(\.book)
    #expect(books.map(\.title) == ["Sitio de prueba", "Test site"])
    let es = books[0]
    #expect(es.language == "es-ES")
    let outline = es.entries.map { "\($0.level) \($0.role.rawValue) \($0.document.relativeName)" }
    #expect(outline == [
      "0 front es/_index",
      "1 part es/blog/_index",
      "2 chapter es/blog/pesada", "2 chapter es/blog/b", "2 chapter es/blog/c", "2 chapter es/blog/d", "2 chapter es/blog/a",
      "1 part es/guia/_index",
      "2 chapter es/guia/intro", "2 chapter es/guia/atajos", "2 part es/guia/avanzado/_index", "3 chapter es/guia/avanzado/detalle",
      "2 chapter es/guia/paquete/index",
    ])
    let guide = p.books(sections: ["guia"], diagnostics: &d)[0].book
    #expect(guide.entries.first?.document.relativeName == "es/guia/_index")
    #expect(!guide.documents.contains { $0.relativeName.hasPrefix("es/blog") })
  }

  @Test func noShortcodeSurvivesInTextOutputs() throws {
    let (p, _) = try Fixture.project(drafts: true, future: true, expired: true)
    var d = Diagnostics()
    let exporter = Exporter(style: Style(), environment: .empty)
    var outputs: [String] = []
    for doc in p.documents(diagnostics: &d) { outputs.append(String(decoding: try exporter.export(doc, as: .txt, diagnostics: &d), as: UTF8.self)) }
    for (_, book) in p.books(diagnostics: &d) { outputs.append(String(decoding: try exporter.export(book, as: .txt, diagnostics: &d), as: UTF8.self)) }
    #expect(outputs.count > 20)
    for text in outputs {
      #expect(!text.contains("{{<") && !text.contains("{{%") && !text.contains("imprenta-ref:") && !text.contains("\u{E000}"), "\(text)")
    }
    let book = outputs.last { $0.hasPrefix("Sitio de prueba") } ?? ""
    #expect(book.contains("El color es azul y la organización Alianza."))
  }
}
