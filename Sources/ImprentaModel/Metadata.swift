/// What a page says about itself in its front matter, with Hugo's keys typed and the rest kept in order.
public struct Metadata: Sendable, Hashable {
  /// The title (front matter, else the first H1, else the file name).
  public var title: String
  /// A subtitle, or empty.
  public var subtitle: String
  /// Authors, in order.
  public var authors: [String]
  /// The page date.
  public var date: PageDate?
  /// The document language as a BCP 47 tag (`es`, `en-US`), or empty when not said.
  public var language: String
  /// The writing direction the page says (`direction: rtl`), or nil to take its language's
  /// (`writingDirection(fallbackLanguage:)`).
  public var direction: WritingDirection?
  /// A description, or empty.
  public var description: String
  /// Whether the page is a draft.
  public var draft: Bool
  /// Hugo's ordering weight (0 when not set).
  public var weight: Int
  /// A summary, or empty.
  public var summary: String
  /// A cover image path (`cover`, else `images[0]`), or empty.
  public var cover: String
  /// Tags, in order.
  public var tags: [String]
  /// Whether the visible title is hidden (Hugo sites' `hideTitle`).
  public var hideTitle: Bool
  /// The page's slug (`slug`), or empty.
  public var slug: String
  /// When the page goes public (`publishDate`, `pubdate`, `published`), if written; Hugo leaves a
  /// page with a future one out unless asked (`--future`). Hugo falls back to `date` when absent.
  public var publishDate: PageDate?
  /// When the page stops being public (`expiryDate`, `unpublishdate`), if written.
  public var expiryDate: PageDate?
  /// When the page was last changed (`lastmod`, `modified`), if written.
  public var lastmod: PageDate?
  /// A shorter title for menus and tables of contents (`linkTitle`), or empty.
  public var linkTitle: String
  /// Whether a leaf bundle is headless (`headless: true`): its files serve other pages, it is never exported.
  public var headless: Bool
  /// Every other key of the front matter, in source order (including `menu`, `params`, `categories`).
  public var params: [KeyValue<MetaValue>]

  /// Creates metadata.
  public init(
    title: String = "", subtitle: String = "", authors: [String] = [], date: PageDate? = nil, language: String = "",
    description: String = "", draft: Bool = false, weight: Int = 0, summary: String = "", cover: String = "",
    tags: [String] = [], hideTitle: Bool = false, slug: String = "", params: [KeyValue<MetaValue>] = []
  ) {
    self.title = title
    self.subtitle = subtitle
    self.authors = authors
    self.date = date
    self.language = language
    self.description = description
    self.draft = draft
    self.weight = weight
    self.summary = summary
    self.cover = cover
    self.tags = tags
    self.hideTitle = hideTitle
    self.slug = slug
    self.params = params
    self.publishDate = nil
    self.expiryDate = nil
    self.lastmod = nil
    self.linkTitle = ""
    self.headless = false
    self.direction = nil
  }

  /// The link title, else the title: what menus and tables of contents show.
  public var shortTitle: String { linkTitle.isEmpty ? title : linkTitle }

  /// The first value kept under `key`.
  public func param(_ key: String) -> MetaValue? {
    params.first { $0.key == key }?.value
  }
}
