import ImprentaModel

/// One page of a Hugo site, read, with where it sits in the site.
public struct SitePage: Sendable, Hashable {
  /// What the page is in Hugo's terms.
  public enum Kind: String, Sendable, Hashable {
    /// `content/_index.md`.
    case home
    /// A section's `_index.md` (a branch bundle).
    case section
    /// A regular page or a leaf bundle's `index.md`.
    case page
  }

  /// The page; `relativeName` is `<lang>/<path>` on a multilingual site, else `<path>`, without extension.
  public var document: Document
  /// Home, section or page.
  public var kind: Kind
  /// The language key (`en`).
  public var language: String
  /// The file's path under its content folder (`blog/post.es.md`).
  public var contentPath: String
  /// The same path without the language suffix and extension, lower-cased: how links name the page (`blog/post`).
  public var key: String
  /// The folder of the section it belongs to (`blog`, `docs/guide`), or empty for the home and root pages.
  public var sectionPath: String
  /// The page's URL path (`/blog/post/`, `/es/blog/post/`).
  public var permalink: String
  /// Whether the page appears in lists (its section's pages, the book): `build.list` is not `never`.
  public var isListed: Bool
  /// Other URL paths the page was published at (`aliases`), for links to moved pages.
  public var aliases: [String] = []

  /// The date Hugo sorts by: `date`, else `publishDate`, else `lastmod`.
  public var date: PageDate? {
    document.metadata.date ?? document.metadata.publishDate ?? document.metadata.lastmod
  }
}

/// A page Hugo would not build, and why.
public struct SkippedPage: Sendable, Hashable {
  /// Why it was left out.
  public enum Reason: String, Sendable, Hashable {
    /// `draft: true` without `--drafts`.
    case draft
    /// A `publishDate` (or `date`) after now, without `--future`.
    case future
    /// An `expiryDate` before now, without `--expired`.
    case expired
    /// A headless bundle, or `build.render: never`.
    case notRendered
  }
  /// The source file.
  public var path: String
  /// Why.
  public var reason: Reason
}
