import ImprentaModel

/// Options of the EPUB packager.
public struct EPUBOptions: Sendable, Hashable {
  /// The book's title when several documents make one book (else the first document's title).
  public var title: String?
  /// A page longer than this many characters of text is split into one content document per top
  /// heading (reading systems load each content document whole).
  public var splitCharacters: Int
  /// The site's address (`https://example.org/`): links to pages not in the book become web links
  /// under it. Without it such links cannot stay links (the file is not in the book) and become text.
  public var baseURL: String?
  /// Where the other documents of the export live on the web (`Document.relativeName` → absolute
  /// URL; a Hugo site with an absolute `baseURL`): a link to a page exported as its own file,
  /// which an EPUB cannot link to, becomes a web link there instead of text.
  public var webAddresses: [String: String] = [:]
  /// A cover image (PNG or JPEG bytes) to use when the book names none: the facade renders one
  /// from the style, so every book has a cover a library can show.
  public var generatedCover: [UInt8]?
  /// The page breaks of the printed edition of the same book (`PDFWriter.writeBook`): the EPUB
  /// then carries a page-break marker where each printed page begins, a `page-list` and
  /// `a11y:pageBreakSource`.
  public var pageMap: PageMap?

  /// Creates options.
  public init(title: String? = nil, splitCharacters: Int = 50_000, baseURL: String? = nil, generatedCover: [UInt8]? = nil) {
    self.title = title
    self.splitCharacters = splitCharacters
    self.baseURL = baseURL
    self.generatedCover = generatedCover
  }
}
