import Foundation
import ImprentaPDF

/// `imprenta check`: reads everything a build would read and reports what is wrong, writing nothing.
///
/// Checks front matter and Markdown (through the reader), styles, links to anchors in the same
/// page, links to other pages of the input, and images (present, readable, inside the root).
public struct Checker: Sendable {
  /// Folders where named styles are looked for.
  public var styleSearchPaths: [String]
  /// The style of publications that name none.
  public var defaultStyle: String
  /// Lay out each publication's PDF (in memory, discarded) and report what would spoil a print run.
  public var preflight = false
  /// The project folder: a root of the read policy.
  public var projectFolder = FileSystem.currentFolder

  /// Creates a checker.
  public init(styleSearchPaths: [String], defaultStyle: String = "default", preflight: Bool = false) {
    self.styleSearchPaths = styleSearchPaths
    self.defaultStyle = defaultStyle
    self.preflight = preflight
  }

  /// Checks the publications; returns the number of documents read and every diagnostic.
  public func check(_ publications: [Publication]) -> (documents: Int, diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    let sites = publications.compactMap(\.site?.root)
    var styles: [String: Style] = [:]
    for name in Set(publications.map { $0.style ?? defaultStyle }).sorted() {
      do {
        var loader = StyleLoader(searchPaths: sites.map { $0 + "/styles" } + styleSearchPaths)
        loader.files = ReadPolicy(roots: [projectFolder] + sites)
        styles[name] = try loader.load(name, diagnostics: &diagnostics)
      } catch let e as ImprentaError {
        diagnostics.report(e.diagnostic)
      } catch {
        diagnostics.report(.styleError, "\(error)", file: name)
      }
    }
    // The same plan and the same reading as a build: only the writing is left out.
    var options = BatchOptions(outputFolder: "", jobs: ProcessInfo.processInfo.activeProcessorCount, defaultFormats: [.pdf], version: "")
    options.projectFolder = projectFolder
    let plan = BatchPlan.make(publications, options: options, diagnostics: &diagnostics)
    var documents = 0
    for unit in plan.all {
      let style = styles[unit.publication.style ?? defaultStyle] ?? Style()
      let read = unit.read(fallbackLanguage: style.base.language, includeDrafts: false, altText: style.accessibility.altTextSource)
      diagnostics.append(contentsOf: read.diagnostics)
      documents += read.documents.count
      let content = unit.contentCheck(projectFolder: projectFolder)
      for doc in read.documents { content.check(doc, diagnostics: &diagnostics) }
      if preflight, !read.documents.isEmpty, styles[unit.publication.style ?? defaultStyle] != nil {
        preflight(unit, read.documents, style: style, diagnostics: &diagnostics)
      }
    }
    return (documents, diagnostics.deduplicated())
  }

  /// Lays out the unit's PDF in memory and keeps what spoils a print run.
  func preflight(_ unit: BatchPlan.Unit, _ documents: [Document], style: Style, diagnostics: inout Diagnostics) {
    var exporter = Exporter(style: style, environment: ExportEnvironment(resources: unit.resources, buildDate: PageDate(secondsSince1970: 0)))
    exporter.pdfOptions = PDFOptions(writeUnimposed: true, preflight: true)
    exporter.style.print.impose = "none"  // the sheets hold the same pages: lay them out once
    let docs = unit.book(of: documents, altText: style.accessibility.altTextSource).map { [$0.merged()] } ?? documents
    var d = Diagnostics()
    _ = try? exporter.exportPDFFiles(docs, diagnostics: &d)
    // Preflight findings, and characters no font has (found only by laying the text out).
    for item in d.items where item.code.rawValue.hasPrefix("preflight-") || item.code == .missingGlyph { diagnostics.report(item) }
  }
}
