import ImprentaEPUB
import ImprentaHTML
import ImprentaPDF
import ImprentaText

/// Runs documents through the backends.
public struct Exporter: Sendable {
  /// The style every backend reads.
  public var style: Style
  /// Where backends get images and the build date.
  public var environment: ExportEnvironment
  /// The site's address, for links to pages that are not part of an e-book.
  public var baseURL: String?
  /// Where the export's documents live on the web (`Document.relativeName` → URL): links from one
  /// output to a document in another go there (`OtherOutputLinks`).
  public var webAddresses: [String: String] = [:]
  /// PDF options (imposition).
  public var pdfOptions = PDFOptions()

  /// Creates an exporter.
  public init(style: Style, environment: ExportEnvironment, baseURL: String? = nil) {
    self.style = style
    self.environment = environment
    self.baseURL = baseURL
  }

  /// The EPUB options every e-book of this exporter shares.
  func epubOptions(title: String? = nil) -> EPUBOptions {
    var options = EPUBOptions(title: title, baseURL: baseURL)
    options.webAddresses = webAddresses
    return options
  }

  /// `pdfOptions` with the style's CMYK profile (`print.output_profile`, else the installed one)
  /// when it asks for PDF/X-4, or why there is none; paths are looked up as `document`'s images.
  func pdfWriterOptions(for document: Document?) -> PDFOptions {
    var options = pdfOptions
    guard style.print.standard == "pdf/x-4", options.outputProfile == nil else { return options }
    switch OutputProfile.named(style.print.outputProfile, resources: environment.resources, document: document ?? Document()) {
    case .success(let profile): options.outputProfile = profile
    case .failure(let problem): options.outputProfileProblem = problem.message
    }
    return options
  }

  /// `documents` (the whole of one output in `format`) with their links to documents of the export
  /// that are in other outputs made links to the web, paths, or text (`OtherOutputLinks`). XHTML
  /// is left alone: its files link to their sibling files.
  func linkingOtherOutputs(_ documents: [Document], in format: OutputFormat, diagnostics: inout Diagnostics) -> [Document] {
    guard format != .xhtml else { return documents }
    let rule = OtherOutputLinks(contained: Set(documents.map(\.relativeName)), webAddresses: webAddresses, siblingExtension: format == .txt ? "txt" : nil,
      outputName: format.rawValue.uppercased())
    return documents.map { rule.apply(to: $0, diagnostics: &diagnostics) }
  }

  /// `book` (one output in `format`) with its links to documents in other outputs resolved.
  func linkingOtherOutputs(_ book: Book, in format: OutputFormat, diagnostics: inout Diagnostics) -> Book {
    var book = book
    let documents = linkingOtherOutputs(book.documents, in: format, diagnostics: &diagnostics)
    for i in book.entries.indices { book.entries[i].document = documents[i] }
    return book
  }

  /// The formats this build can write.
  public static let availableFormats: Set<OutputFormat> = [.txt, .pdf, .epub, .xhtml]

  /// The bytes of one document in `format`.
  public func export(_ document: Document, as format: OutputFormat, diagnostics: inout Diagnostics) throws -> [UInt8] {
    let document = linkingOtherOutputs([document], in: format, diagnostics: &diagnostics)[0]
    switch format {
    case .txt:
      return Array(TextWriter(style: style).write(document, diagnostics: &diagnostics).utf8)
    case .xhtml:
      return XHTMLWriter(style: style).write(document, environment: environment, diagnostics: &diagnostics)
    case .epub:
      return try EPUBPackager(style: style, options: epubOptions()).package([document], environment: environment, diagnostics: &diagnostics)
    case .pdf:
      try PDFLibraries.load(for: document.sourcePath)
      return try PDFWriter(style: style, options: pdfWriterOptions(for: document)).write([document], environment: environment, diagnostics: &diagnostics)
    }
  }

  /// The bytes of a book (several documents as one publication) in `format`. An EPUB given the
  /// `pageMap` of the book's PDF (`exportPDFBook`) carries its printed page numbers.
  public func export(_ book: Book, as format: OutputFormat, pageMap: PageMap? = nil, diagnostics: inout Diagnostics) throws -> [UInt8] {
    let book = format == .pdf ? book : linkingOtherOutputs(book, in: format, diagnostics: &diagnostics)
    switch format {
    case .txt:
      return Array(TextWriter(style: style).write(book.merged(), diagnostics: &diagnostics).utf8)
    case .xhtml:
      return XHTMLWriter(style: style).write(book.merged(), environment: environment, diagnostics: &diagnostics)
    case .epub:
      // The cover the PDF opens with, as the e-book's cover image when the book names none (drawn
      // with the PDF backend's libraries: without them the e-book has no generated cover).
      var cover: [UInt8] = []
      if let problem = PDFLibraries.problem {
        diagnostics.report(Diagnostic(.warning, code: .pdfLibraryMissing, file: book.titleDocument.sourcePath, message: problem + "; the e-book has no generated cover"))
      } else {
        cover = PDFWriter(style: style).coverPNG(book.titleDocument, environment: environment, diagnostics: &diagnostics)
      }
      var options = epubOptions(title: book.title)
      options.generatedCover = cover.isEmpty ? nil : cover
      options.pageMap = pageMap
      return try EPUBPackager(style: style, options: options).package(book, environment: environment, diagnostics: &diagnostics)
    case .pdf:
      return try exportPDFBook(book, diagnostics: &diagnostics).files[0].bytes
    }
  }

  /// Every PDF file of a book and where each printed page begins, for the EPUB of the same book:
  /// it opens with a front cover (the style's colours, the book's cover image, title, subtitle,
  /// authors and date) whether or not the style sets one for pages, then a title page; chapter
  /// openings, contents and running heads come from its structure.
  public func exportPDFBook(_ book: Book, diagnostics: inout Diagnostics) throws -> PDFBook {
    let book = linkingOtherOutputs(book, in: .pdf, diagnostics: &diagnostics)
    var options = pdfWriterOptions(for: book.entries.first?.document)
    options.bookCover = true
    options.titlePage = true
    try PDFLibraries.load(for: book.titleDocument.sourcePath)
    return try PDFWriter(style: style, options: options).writeBook(book, environment: environment, diagnostics: &diagnostics)
  }

  /// Every PDF file of a document or book: the publication and, when imposing, its imposed
  /// sheets (`suffix` `booklet` or `2up`).
  public func exportPDFFiles(_ documents: [Document], diagnostics: inout Diagnostics) throws -> [PDFFile] {
    try PDFLibraries.load(for: documents.first?.sourcePath ?? "")
    let documents = linkingOtherOutputs(documents, in: .pdf, diagnostics: &diagnostics)
    return try PDFWriter(style: style, options: pdfWriterOptions(for: documents.first)).writeFiles(documents, environment: environment, diagnostics: &diagnostics)
  }
}
