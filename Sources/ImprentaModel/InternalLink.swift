// The one convention for links between documents of the same export.
//
// A reader that knows the other pages (the Hugo site reader) rewrites a link to a page that is
// part of the export as `imprenta-page:<relativeName>` or `imprenta-page:<relativeName>#<anchor>`,
// where `<relativeName>` is the target `Document.relativeName` (`en/blog/post`, `docs/_index`)
// and `<anchor>` a heading id in it (empty: the document's start). Backends resolve it:
// - in one publication (a book, an EPUB, a PDF of several documents): to the target document's
//   start or heading (EPUB: its content file and `#anchor`; PDF: its named destination);
// - in one-file-per-document XHTML: to the sibling output `<relativeName>.xhtml` (relative);
// - in plain text: the link text alone (no URL in the link list).
// A document that is not in the output at hand (a page's own PDF, text file or EPUB linking to
// another page) is reached by the one rule of `OtherOutputLinks`, before any backend sees it.
// A link to a page that is not exported has already been made an absolute URL on `baseURL`.

/// The scheme of links between documents of one export.
public let internalLinkScheme = "imprenta-page:"

extension Link {
  /// The destination of a link to `page` (a `Document.relativeName`), at `anchor` if not empty.
  public static func internalDestination(page: String, anchor: String = "") -> String {
    internalLinkScheme + page + (anchor.isEmpty ? "" : "#" + anchor)
  }

  /// The target page (`Document.relativeName`) and anchor (or empty) when this link points to
  /// another document of the same export; nil for ordinary URLs and `#anchor` links. The anchor
  /// is percent-decoded (`URLPolicy.anchorID`), as heading ids are matched.
  public var internalTarget: (page: String, anchor: String)? {
    guard destination.hasPrefix(internalLinkScheme) else { return nil }
    let rest = destination.dropFirst(internalLinkScheme.count)
    if let hash = rest.firstIndex(of: "#") {
      return (String(rest[..<hash]), URLPolicy.anchorID(fragment: rest[rest.index(after: hash)...]))
    }
    return (String(rest), "")
  }
}
