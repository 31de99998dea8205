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
    for name in Set(publications.map { $0.style ?? defaultStyle }).sorted() {
      do {
        var loader = StyleLoader(searchPaths: styleSearchPaths)
        loader.files = ReadPolicy(roots: [projectFolder])
        _ = try loader.load(name, diagnostics: &diagnostics)
      } catch let e as ImprentaError {
        diagnostics.report(e.diagnostic)
      } catch {
        diagnostics.report(.styleError, "\(error)", file: name)
      }
    }
    var documents = 0
    for p in publications {
      let pages = PageFinder.pages(of: p.inputs, project: projectFolder, inputsAreUntrusted: p.prefixOutputs, diagnostics: &diagnostics)
      let known = Set(pages.map { FileSystem.absolute($0.path) })
      var read: [Document] = []
      for page in pages {
        do {
          var reader = PageReader()
          reader.files = ReadPolicy(roots: [page.root])
          let doc = try reader.read(contentsOf: page.path, relativeName: page.relativeName, diagnostics: &diagnostics)
          read.append(doc)
          documents += 1
          var content = ContentCheck(resources: FileResources(root: page.root), pages: known)
          content.linkRoots = [projectFolder]
          content.check(doc, diagnostics: &diagnostics)
        } catch let e as ImprentaError {
          diagnostics.report(e.diagnostic)
        } catch {
          diagnostics.report(.readFailed, "\(error)", file: page.path)
        }
      }
      if preflight, !read.isEmpty, let root = pages.first?.root {
        preflight(p, read, root: root, diagnostics: &diagnostics)
      }
    }
    return (documents, diagnostics)
  }

  /// Lays out and paints the publication's PDF in memory, keeping only the preflight findings
  /// (everything else was reported by the checks above).
  func preflight(_ p: Publication, _ read: [Document], root: String, diagnostics: inout Diagnostics) {
    var ignored = Diagnostics()
    var loader = StyleLoader(searchPaths: styleSearchPaths)
    loader.files = ReadPolicy(roots: [projectFolder])
    guard let style = try? loader.load(p.style ?? defaultStyle, diagnostics: &ignored) else { return }
    let docs = read.map { d -> Document in
      var d = d
      p.apply(to: &d, fallbackLanguage: style.base.language)
      return d
    }
    var exporter = Exporter(style: style, environment: ExportEnvironment(resources: FileResources(root: root), buildDate: PageDate(secondsSince1970: 0)))
    exporter.pdfOptions = PDFOptions(writeUnimposed: true, preflight: true)
    exporter.style.print.impose = "none"  // the sheets hold the same pages: lay them out once
    let units: [[Document]] = p.book ? [[p.book(of: docs).merged()]] : docs.map { [$0] }
    for unit in units {
      var d = Diagnostics()
      _ = try? exporter.exportPDFFiles(unit, diagnostics: &d)
      // Preflight findings, and characters no font has (found only by laying the text out).
      for item in d.items where item.code.rawValue.hasPrefix("preflight-") || item.code == .missingGlyph { diagnostics.report(item) }
    }
  }
}
