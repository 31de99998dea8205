import ImprentaModel
import ImprentaStyle

/// Options of the PDF backend.
public struct PDFOptions: Sendable, Hashable {
  /// Whether to set a table of contents; nil means the style decides (`toc.enabled`).
  public var tableOfContents: Bool?
  /// The creator written into the metadata.
  public var creator: String
  /// Imposition of a second, imposed file; nil means the style decides (`print.impose`).
  public var impose: Imposition?
  /// Whether the unimposed file is written too when imposing (`name.pdf` beside `name.booklet.pdf`).
  public var writeUnimposed: Bool
  /// Whether preflight findings are reported; nil means for print styles (bleed, marks, covers
  /// or imposition), so screen PDFs of images at 96 dpi do not warn.
  public var preflight: Bool?
  /// Whether the title, subtitle, authors and date stand on a page of their own (a book's title
  /// page, after its cover).
  public var titlePage = false
  /// Whether a front cover is set although the style sets none (a book always has one). Such a
  /// cover alone does not make the PDF a print job: no preflight unless the style asks for print.
  public var bookCover = false
  /// The CMYK profile of a style with `print.standard: pdf/x-4` (the facade finds it); without
  /// it such a style's PDF stays RGB, with a warning.
  public var outputProfile: OutputProfile?
  /// Why the style's profile (`print.output_profile`) cannot be used, reported instead of the
  /// missing profile's warning.
  public var outputProfileProblem: String?

  /// Creates options.
  public init(
    tableOfContents: Bool? = nil, creator: String = "Imprenta", impose: Imposition? = nil, writeUnimposed: Bool = true, preflight: Bool? = nil,
    outputProfile: OutputProfile? = nil
  ) {
    self.outputProfile = outputProfile
    self.tableOfContents = tableOfContents
    self.creator = creator
    self.impose = impose
    self.writeUnimposed = writeUnimposed
    self.preflight = preflight
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
  /// Whether the second pass of a document with a table of contents reuses the first pass's
  /// shaped paragraphs (`TextBlockCache`); off only to check that it changes nothing.
  var reusesParagraphs = true
  /// When the layout shapes paragraphs ahead on another core (`ParagraphPrefetch`).
  var prefetchPolicy = ParagraphPrefetch.Policy.auto

  /// Creates a writer.
  public init(style: Style, options: PDFOptions = .init()) {
    self.style = style
    self.options = options
  }

  /// The PDF of `documents` (one normally; several are set one after another, each from a new page):
  /// the unimposed file, or the imposed one when only that is asked for (see `writeFiles`).
  /// Warnings (missing images, fonts not installed, preflight) go to `diagnostics`.
  public func write(_ documents: [Document], environment: ExportEnvironment, diagnostics: inout Diagnostics) throws -> [UInt8] {
    try writeFiles(documents, environment: environment, diagnostics: &diagnostics)[0].bytes
  }

  /// Lays out one document (two passes when the table of contents needs page numbers).
  func layout(_ document: Document, book: BookPlan? = nil, engine: TextEngine, environment: ExportEnvironment, diagnostics: inout Diagnostics) -> PageLayout {
    let language = document.language(default: style.base.language)
    var hyphenator: Hyphenator? = nil
    if style.base.hyphenate && !Hyphenator.isUnhyphenated(language: language) {
      hyphenator = Hyphenator(language: language)
      if hyphenator == nil {
        diagnostics.report(.noHyphenation, "no hyphenation dictionary for language '\(language)': text is not hyphenated", file: document.sourcePath)
      }
    }
    let toc = options.tableOfContents ?? (style.toc.enabled || (book != nil && style.book.contents))
    var layouter = PDFLayouter(style: style, engine: engine, hyphenator: hyphenator, document: document, environment: environment)
    layouter.book = book
    layouter.includeTOC = toc
    layouter.titlePage = options.titlePage
    layouter.prefetchPolicy = prefetchPolicy
    // The second pass takes the first one's shaped paragraphs: only the contents change.
    let blocks = toc && reusesParagraphs ? TextBlockCache() : nil
    layouter.textBlocks = blocks
    var result = layouter.layout()
    if toc {
      var second = PDFLayouter(style: style, engine: engine, hyphenator: hyphenator, document: document, environment: environment)
      second.includeTOC = true
      second.titlePage = options.titlePage
      second.bookCover = options.bookCover
      second.book = book
      second.knownPages = result.anchorPages
      second.knownFrontMatter = result.frontMatterPages
      // The images of the first pass, checked and measured once (never decoded twice).
      (second.images, second.imageSources, second.decodedPixels, second.imageWarnings) =
        (layouter.images, layouter.imageSources, layouter.decodedPixels, layouter.imageWarnings)
      blocks?.mode = .reuse
      second.textBlocks = blocks
      result = second.layout()
      blocks?.clear()
      diagnostics.append(contentsOf: second.diagnostics)
    } else {
      diagnostics.append(contentsOf: layouter.diagnostics)
    }
    return result
  }

  /// The laid-out pages of one document, for tests and tools.
  func layout(_ document: Document, environment: ExportEnvironment = .empty, diagnostics: inout Diagnostics) -> PageLayout {
    FontFaces.writing { layout(document, engine: TextEngine(), environment: environment, diagnostics: &diagnostics) }
  }
}
