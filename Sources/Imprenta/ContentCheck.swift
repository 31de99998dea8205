import Foundation

/// Content problems, found once per document whatever formats are built (a text-only build
/// checks images too), and reported once: images that are missing, refused, remote, without
/// alternative text or cleaned of active content, and links to anchors or pages that do not
/// exist. Backends report only what is theirs (an image they cannot decode, a glyph no font has).
public struct ContentCheck {
  /// Where images are looked up.
  public var resources: any ResourceProvider
  /// Paths of the pages of the export (standardized), for links between pages; nil skips them.
  public var pages: Set<String>?
  /// Folders a link to a page outside the export may point into (existence only, nothing read).
  public var linkRoots: [String] = []

  /// Creates a check.
  public init(resources: any ResourceProvider, pages: Set<String>? = nil) {
    self.resources = resources
    self.pages = pages
  }

  /// Checks `document`; returns every file looked up, by reference, for the build key.
  @discardableResult
  public func check(_ document: Document, diagnostics: inout Diagnostics) -> [String: ResourceLookup] {
    let file = document.sourcePath
    var lookups: [String: ResourceLookup] = [:]
    func lookUp(_ ref: String) -> ResourceLookup {
      if let known = lookups[ref] { return known }
      let found = resources.resource(ref, for: document)
      lookups[ref] = found
      return found
    }
    var seen: Set<String> = []
    for image in document.images where seen.insert(image.source + "\u{0}" + image.alt).inserted {
      guard !image.source.isEmpty, URLPolicy.isAllowedImageSource(image.source) else {
        let why = URLPolicy.refusal(image.source) ?? "it has no usable source"
        diagnostics.report(.unsafeURL, "an image was dropped (its alt text is kept): \(why)", file: file, at: image.range)
        continue
      }
      if URLPolicy.isRemote(image.source) {
        diagnostics.report(.remoteImage, "the remote image \(image.source) is never loaded: EPUB and XHTML link to it, PDF and text show its alt text", file: file, at: image.range)
      } else if case .dataImage = URLPolicy.classify(image.source) {
        // Decoded by the backends that can; nothing to look up.
      } else {
        switch lookUp(image.source) {
        case .found(let resource):
          for note in resource.notes { diagnostics.report(.svgSanitized, note, file: file, at: image.range) }
        case .missing(let why):
          diagnostics.report(.missingImage, "image \(image.source) not found (\(why)): its alt text is shown instead", file: file, at: image.range)
          continue
        case .refused(let why):
          diagnostics.report(.refusedImage, "image \(image.source) refused: \(why)", file: file, at: image.range)
          continue
        }
      }
      if image.readableAlt == nil {
        let alt = image.alt.trimmingCharacters(in: .whitespacesAndNewlines)
        let said = alt.isEmpty ? "no alt text" : "alt text \"\(alt)\" that describes nothing"
        diagnostics.report(.missingAltText, "the image \(image.source) has \(said): it is marked decorative", file: file, at: image.range)
      }
    }
    // The cover and images of raw HTML the walk above did not list.
    for ref in document.resourceReferences where lookups[ref] == nil && !URLPolicy.isRemote(ref) {
      if case .dataImage = URLPolicy.classify(ref) { continue }
      switch lookUp(ref) {
      case .found(let resource): for note in resource.notes { diagnostics.report(.svgSanitized, note, file: file) }
      case .missing, .refused: break  // the cover's own warning is the reader's (missing-cover); raw HTML's is the sanitiser's
      }
    }
    for link in document.links {
      if let why = URLPolicy.refusal(link.destination) {
        diagnostics.report(.unsafeURL, "a link was dropped (its text is kept): \(why)", file: file, at: link.range)
      }
    }
    if let pages { checkLinks(document, pages: pages, diagnostics: &diagnostics) }
    return lookups
  }

  func checkLinks(_ doc: Document, pages: Set<String>, diagnostics: inout Diagnostics) {
    let anchors = Set(doc.anchorIDs)
    for link in doc.links {
      let dest = link.destination
      if let decoded = link.fragmentOnly {
        if !decoded.isEmpty && !anchors.contains(decoded) {
          diagnostics.report(.brokenAnchor, "no heading with id '\(decoded)' in this page", file: doc.sourcePath, at: link.range)
        }
        continue
      }
      if dest.contains(":") || dest.hasPrefix("//") || dest.hasPrefix("/") { continue }
      let path = String(dest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
      guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else { continue }
      let base = (doc.sourcePath as NSString).deletingLastPathComponent
      let target = FileSystem.absolute((base.isEmpty ? "." : base) + "/" + (path.removingPercentEncoding ?? path))
      if !pages.contains(target) && !ReadPolicy(roots: linkRoots + [base.isEmpty ? "." : base]).isReadableFile(target) {
        diagnostics.report(.brokenLink, "link to a page that does not exist: \(dest)", file: doc.sourcePath, at: link.range)
      }
    }
  }
}

extension Document {
  /// Every image of the document (figures, inline images, `<img>` in raw HTML blocks) with its range.
  var images: [Image] {
    var out: [Image] = []
    func html(_ nodes: [HTMLNode], range: SourceRange) {
      for case .element(let name, let attributes, let children) in nodes {
        if name == "img", let src = attributes.first(where: { $0.key == "src" })?.value {
          out.append(Image(source: src, alt: attributes.first { $0.key == "alt" }?.value ?? "", range: range))
        }
        html(children, range: range)
      }
    }
    forEachBlock { b in
      switch b {
      case .figure(let f):
        var image = f.image
        if !image.range.isKnown { image.range = f.range }
        out.append(image)
      case .html(let h): html(h.nodes, range: h.range)
      default: break
      }
    }
    forEachInline { if case .image(let i) = $0 { out.append(i) } }
    return out
  }
}
