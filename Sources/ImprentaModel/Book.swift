/// Several documents made into one publication (a book of a whole Hugo site): title, language and
/// the documents in reading order, each with its place in the book's outline.
///
/// Backends that take `[Document]` (PDF, EPUB) use `documents`; they may use `entries` for parts
/// and the table of contents. The plain-text writer concatenates.
public struct Book: Sendable, Hashable {
  /// One document of the book and where it sits in the outline.
  public struct Entry: Sendable, Hashable {
    /// What the document is in the book.
    public enum Role: String, Sendable, Hashable {
      /// The site's home page: the book's opening matter (its introduction, when it has a body).
      case front
      /// A section's own page (`_index.md`): opens a part (or a sub-part when nested), with its
      /// body when it has one, else only its title (a part page in print, a part heading in EPUB).
      case part
      /// A regular page: a chapter.
      case chapter
    }
    /// The document.
    public var document: Document
    /// Front, part or chapter.
    public var role: Role
    /// The level of the document's title in the book's outline: 0 for the front, 1 for a top-level
    /// part or a chapter outside parts, 2 for a chapter of a part or a nested part, and so on.
    /// A backend shifts the document's own headings below it (heading level + `level`).
    public var level: Int

    /// Creates an entry.
    public init(document: Document, role: Role, level: Int) {
      self.document = document
      self.role = role
      self.level = level
    }
  }

  /// The book's title (the site title).
  public var title: String
  /// The book's language (BCP 47).
  public var language: String
  /// Book-wide metadata (authors, date, description, copyright in params).
  public var metadata: Metadata
  /// The documents in reading order.
  public var entries: [Entry]

  /// Creates a book.
  public init(title: String, language: String, metadata: Metadata = .init(), entries: [Entry]) {
    self.title = title
    self.language = language
    self.metadata = metadata
    self.entries = entries
  }

  /// The documents in reading order.
  public var documents: [Document] { entries.map(\.document) }

  /// The book's authors, each once: the book's own (a site's `author` param, a publication's
  /// `authors`), else every chapter's in reading order.
  public var authors: [String] {
    let named = metadata.authors.isEmpty ? entries.flatMap(\.document.metadata.authors) : metadata.authors
    var seen: Set<String> = []
    return named.map { $0.trimmingCharacters(in: " \t\n") }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
  }

  /// A document with the book's metadata and no text (title, subtitle, authors each once, date,
  /// cover, language, direction), found where the first page is: what a cover is made from.
  public var titleDocument: Document {
    var m = metadata
    m.title = title
    m.authors = authors
    if m.language.isEmpty { m.language = language }
    // A direction said for the pages (front matter, the site's language) holds for the whole book.
    if m.direction == nil { m.direction = entries.first?.document.metadata.direction }
    return Document(sourcePath: entries.first?.document.sourcePath ?? "", relativeName: entries.first?.document.relativeName ?? "", metadata: m, blocks: [])
  }

  /// The words Imprenta writes in this book (contents, notes, dates, "by"), in its language.
  public var localization: Localization { Localization.forLanguage(language.isEmpty ? metadata.language : language) }
}

extension Book.Entry {
  /// Whether the document has text of its own (a section page's or the home page's body), not
  /// only a title.
  public var hasBody: Bool {
    func shows(_ block: Block) -> Bool {
      switch block {
      case .footnoteDefinition: return false
      case .html(let h): return !h.html.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" }
      // A shortcode Imprenta does not know (a theme's banner) leaves an empty container.
      case .container(let c): return c.blocks.contains(where: shows)
      default: return true
      }
    }
    return document.blocks.contains(where: shows)
  }

  /// The language the document is written in, or empty when it says none.
  public var language: String { document.metadata.language }
}
