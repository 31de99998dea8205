// Links from one output to a document of the same export that is written into another output: a
// page's own PDF, text or EPUB linking to another page of the site. The one rule every backend
// gets (applied before they see the document, so none resolves these links on its own):
// - the other page has a web address (the site's absolute `baseURL` and its permalink): a link
//   there, with the anchor as written;
// - else, when the output can show a path to another output file (plain text lists link targets
//   as it lists URLs): the path of the sibling output, relative to this one (`../faq.txt`; a
//   text file has no anchors to go to: the fragment is dropped);
// - else (a PDF links to URLs and to its own anchors only, an EPUB to its own files): the link's
//   text is kept without the link, and a `link-to-other-output` warning says why.

/// How the links of one output reach the documents of the export that are in other outputs.
public struct OtherOutputLinks: Sendable, Hashable {
  /// The documents in this output (`Document.relativeName`): links to them stay internal.
  public var contained: Set<String>
  /// Where documents are published (`Document.relativeName` → absolute URL).
  public var webAddresses: [String: String]
  /// The extension of the other outputs (`txt`) when this output shows a relative path to one as
  /// a link's target; nil when it cannot.
  public var siblingExtension: String?
  /// What the output is called in warnings (`PDF`, `EPUB`).
  public var outputName: String

  /// Creates the rule for an output holding `contained`.
  public init(contained: Set<String>, webAddresses: [String: String], siblingExtension: String? = nil, outputName: String = "output") {
    self.contained = contained
    self.webAddresses = webAddresses
    self.siblingExtension = siblingExtension
    self.outputName = outputName
  }

  /// What a link becomes.
  public enum Resolution: Sendable, Hashable {
    /// Not a link to another output: kept as it is.
    case unchanged
    /// A link to this URL or path instead.
    case link(String)
    /// No way to reach the other output from this one: the text stays, without the link.
    case text
  }

  /// Where `destination`, written in the document `from`, leads in this output.
  public func resolve(_ destination: String, from: String) -> Resolution {
    guard let target = Link(destination: destination, content: []).internalTarget, !contained.contains(target.page) else { return .unchanged }
    // The fragment as written (still percent-encoded, if it was): part of a URL now, not an id.
    let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
    if let web = webAddresses[target.page], !web.isEmpty { return .link(web + fragment) }
    if let ext = siblingExtension { return .link(OtherOutputLinks.relativePath(from: from, to: target.page + "." + ext)) }
    return .text
  }

  /// `document` with its links to other outputs resolved; each link that cannot be kept is
  /// reported once per target.
  public func apply(to document: Document, diagnostics: inout Diagnostics) -> Document {
    var reported: Set<String> = []
    var found = Diagnostics()
    func change(_ destination: String, _ range: SourceRange) -> String? {
      switch resolve(destination, from: document.relativeName) {
      case .unchanged: return destination
      case .link(let url): return url
      case .text:
        let page = Link(destination: destination, content: []).internalTarget?.page ?? destination
        if reported.insert(page).inserted {
          found.report(.linkToOtherOutput, "the link to \(page) is text in this \(outputName): that page is another output, with no address on the web to link to (no absolute baseURL)",
            file: document.sourcePath, at: range)
        }
        return nil
      }
    }
    var out = document
    let rewriter = LinkRewriter(change: change)
    out.blocks = document.blocks.map(rewriter.rewrite)
    diagnostics.append(contentsOf: found)
    return out
  }

  /// The path of `target` (a path under the output folder) relative to the output of `page`.
  public static func relativePath(from page: String, to target: String) -> String {
    let fromDir = page.split(separator: "/").dropLast()
    let to = target.split(separator: "/")
    var common = 0
    while common < fromDir.count, common < to.count - 1, fromDir[fromDir.startIndex + common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: fromDir.count - common)
    return (ups + to[common...].map(String.init)).joined(separator: "/")
  }
}
