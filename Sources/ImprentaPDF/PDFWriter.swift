import ImprentaModel
import ImprentaStyle

/// Options of the PDF backend.
public struct PDFOptions: Sendable, Hashable {
  /// Whether to set a table of contents; nil means the style decides (`toc.enabled`).
  public var tableOfContents: Bool?
  /// The creator written into the metadata.
  public var creator: String

  /// Creates options.
  public init(tableOfContents: Bool? = nil, creator: String = "Imprenta") {
    self.tableOfContents = tableOfContents
    self.creator = creator
  }
}

/// Writes documents as a typeset PDF: Pango lays out the pages, Cairo paints them, qpdf adds
/// what Cairo cannot (the document language, dated metadata, a deterministic file id).
///
/// Steps: `PDFLayouter` (model + style → `PageLayout`, twice when a table of contents needs page
/// numbers) → `Painter` (pages → Cairo PDF surface in memory) → `QPDFPostProcessor`.
import Foundation

public struct PDFWriter: Sendable {
  /// The style every page is set in.
  public var style: Style
  /// Options.
  public var options: PDFOptions

  /// Creates a writer.
  public init(style: Style, options: PDFOptions = .init()) {
    self.style = style
    self.options = options
  }

  /// The PDF of `documents` (one normally; several are set one after another, each from a new page).
  /// Warnings (missing images, fonts not installed) go to `diagnostics`.
  public func write(_ documents: [Document], environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [UInt8] {
    guard let first = documents.first else {
      throw ImprentaError("no-documents", "nothing to write", file: "")
    }
    let engine = TextEngine()
    var layout = PageLayout()
    for document in documents {
      let part = self.layout(document, engine: engine, environment: environment, diagnostics: &diagnostics)
      let offset = layout.pages.count
      layout.pages.append(contentsOf: part.pages)
      for (k, v) in part.anchorPages where layout.anchorPages[k] == nil { layout.anchorPages[k] = v + offset }
    }
    let geometry = layout.pages.first.map { ($0.width, $0.height) } ?? (595, 842)
    let ctx = CairoContext(pdfWidth: geometry.0, height: geometry.1)
    let m = first.metadata
    ctx.setMetadata(
      title: m.title, author: m.authors.joined(separator: ", "), subject: m.description.isEmpty ? m.summary : m.description,
      keywords: m.tags.joined(separator: ", "), creator: options.creator)
    Painter(layout: layout).paint(into: ctx)
    let bytes = ctx.finish()
    if let problem = ctx.status {
      throw ImprentaError("pdf-write-failed", "Cairo could not write the PDF: \(problem)", file: first.sourcePath)
    }
    do {
      return try QPDFPostProcessor.process(bytes, language: first.language(default: style.base.language), date: environment.buildDate, figureAlts: layout.figureAlts)
    } catch {
      throw ImprentaError("pdf-write-failed", "\(error)", file: first.sourcePath)
    }
  }

  /// Lays out one document (two passes when the table of contents needs page numbers).
  func layout(_ document: Document, engine: TextEngine, environment: ExportEnvironment, diagnostics: inout Diagnostics) -> PageLayout {
    let language = document.language(default: style.base.language)
    var hyphenator: Hyphenator? = nil
    if style.base.hyphenate {
      hyphenator = Hyphenator(language: language)
      if hyphenator == nil {
        diagnostics.note("no-hyphenation", "no hyphenation dictionary for language '\(language)': text is not hyphenated", file: document.sourcePath)
      }
    }
    let toc = options.tableOfContents ?? style.toc.enabled
    var layouter = PDFLayouter(style: style, engine: engine, hyphenator: hyphenator, document: document, environment: environment)
    layouter.includeTOC = toc
    var result = layouter.layout()
    if toc {
      var second = PDFLayouter(style: style, engine: engine, hyphenator: hyphenator, document: document, environment: environment)
      second.includeTOC = true
      second.knownPages = result.anchorPages
      result = second.layout()
      diagnostics.append(contentsOf: second.diagnostics)
    } else {
      diagnostics.append(contentsOf: layouter.diagnostics)
    }
    return result
  }

  /// The laid-out pages of one document, for tests and tools.
  func layout(_ document: Document, environment: ExportEnvironment = .empty, diagnostics: inout Diagnostics) -> PageLayout {
    layout(document, engine: TextEngine(), environment: environment, diagnostics: &diagnostics)
  }
}
