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
      let known = Set(pages.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
      var read: [Document] = []
      for page in pages {
        do {
          var reader = PageReader()
          reader.files = ReadPolicy(roots: [page.root])
          let doc = try reader.read(contentsOf: page.path, relativeName: page.relativeName, diagnostics: &diagnostics)
          read.append(doc)
          documents += 1
          checkLinks(doc, pages: known, diagnostics: &diagnostics)
          checkImages(doc, resources: FileResources(root: page.root), diagnostics: &diagnostics)
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
      for item in d.items where item.code.rawValue.hasPrefix("preflight-") { diagnostics.report(item) }
    }
  }

  func checkLinks(_ doc: Document, pages: Set<String>, diagnostics: inout Diagnostics) {
    var anchors = Set(doc.outline.map(\.id))
    doc.forEachBlock { if case .heading(let h) = $0 { anchors.insert(h.id) } }
    for link in doc.links {
      let dest = link.destination
      if let fragment = link.fragmentOnly {
        let decoded = fragment.removingPercentEncoding ?? fragment
        if !decoded.isEmpty && !anchors.contains(decoded) {
          diagnostics.report(.brokenAnchor, "no heading with id '\(decoded)' in this page", file: doc.sourcePath, at: link.range)
        }
        continue
      }
      if dest.contains(":") || dest.hasPrefix("//") || dest.hasPrefix("/") { continue }
      let path = String(dest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
      guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else { continue }
      let base = (doc.sourcePath as NSString).deletingLastPathComponent
      let target = URL(fileURLWithPath: (base.isEmpty ? "." : base) + "/" + (path.removingPercentEncoding ?? path)).standardizedFileURL.path
      if !pages.contains(target) && !ReadPolicy(roots: [projectFolder, base.isEmpty ? "." : base]).isReadableFile(target) {
        diagnostics.report(.brokenLink, "link to a page that does not exist: \(dest)", file: doc.sourcePath, at: link.range)
      }
    }
  }

  func checkImages(_ doc: Document, resources: FileResources, diagnostics: inout Diagnostics) {
    var ranges: [String: SourceRange] = [:]
    doc.forEachBlock { b in
      if case .figure(let f) = b, ranges[f.image.source] == nil { ranges[f.image.source] = f.image.range.isKnown ? f.image.range : f.range }
    }
    for img in doc.inlineImages where ranges[img.source] == nil { ranges[img.source] = img.range }
    for ref in doc.resourceReferences {
      if ref.contains("://") { continue }
      switch resources.resource(ref, for: doc) {
      case .found: break
      case .missing(let why): diagnostics.report(.missingImage, "image not found: \(ref) (\(why))", file: doc.sourcePath, at: ranges[ref] ?? .unknown)
      case .refused(let why): diagnostics.report(.refusedImage, "image refused: \(why)", file: doc.sourcePath, at: ranges[ref] ?? .unknown)
      }
    }
  }
}

extension Document {
  /// Every inline image, in reading order.
  var inlineImages: [Image] {
    var out: [Image] = []
    forEachInline { if case .image(let i) = $0 { out.append(i) } }
    return out
  }
}
