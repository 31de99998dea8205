import Foundation

/// Serves the files pages refer to from the content root, Hugo's way: `/images/x.png` from the
/// root, then from `static/` and `assets/` beside it; `images/x.png` from the page's own folder
/// first. Nothing outside those folders is ever read (`../../etc/passwd`, absolute paths out of
/// the site, symlinks leading out are refused).
public struct FileResources: ResourceProvider {
  /// The content root (the folder given to `build`, or the folder of a single page).
  public let root: String
  /// Largest file served (images past it are refused before reading).
  public var maximumBytes: Int = 64 << 20

  /// Folders searched instead of root, `static/`, `assets/` (a Hugo site: `static/`, the content
  /// folders, then `assets/`); the page's own folder (a bundle) still comes first for relative paths.
  public var searchRoots: [String]?

  /// Creates a provider for a content root.
  public init(root: String) {
    self.root = root
  }

  /// Creates a provider for a Hugo site: `/x.png` from `static/`, then the content folders, then `assets/`.
  public init(siteRoot: String, contentFolders: [String]) {
    root = siteRoot + "/" + (contentFolders.first ?? "content")
    searchRoots = [siteRoot + "/static"] + contentFolders.map { siteRoot + "/" + $0 } + [siteRoot + "/assets"]
  }

  /// Folders a reference may resolve in, canonical.
  var allowedRoots: [String] {
    if let searchRoots {
      return searchRoots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
    }
    let base = URL(fileURLWithPath: root).standardizedFileURL
    let parent = base.deletingLastPathComponent()
    return [base, parent.appendingPathComponent("static"), parent.appendingPathComponent("assets")]
      .map { $0.resolvingSymlinksInPath().path }
  }

  public func resource(_ reference: String, for document: Document) -> ResourceLookup {
    let ref = reference.split(separator: "#", maxSplits: 1).first.map { String($0) } ?? reference
    let cleaned = (ref.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ref).removingPercentEncoding ?? ref
    if cleaned.contains("://") || cleaned.hasPrefix("//") || cleaned.hasPrefix("data:") {
      return .refused("remote resources are not fetched: \(reference)")
    }
    if cleaned.isEmpty { return .missing("empty path") }
    let roots = allowedRoots
    var candidates: [String] = []
    if cleaned.hasPrefix("/") {
      candidates = roots.map { $0 + cleaned }
    } else {
      let pageDir = (document.sourcePath as NSString).deletingLastPathComponent
      candidates = [(pageDir.isEmpty ? "." : pageDir) + "/" + cleaned] + roots.map { $0 + "/" + cleaned }
    }
    // A name with accents may be stored composed or decomposed: try both spellings.
    candidates = candidates.flatMap { c in
      // Compared by bytes: Swift's `==` holds the two spellings equal, the file system does not.
      [c, c.precomposedStringWithCanonicalMapping, c.decomposedStringWithCanonicalMapping].reduce(into: [String]()) { list, s in
        if !list.contains(where: { $0.utf8.elementsEqual(s.utf8) }) { list.append(s) }
      }
    }
    var refusedOutside = false
    for candidate in candidates {
      let url = URL(fileURLWithPath: candidate).standardizedFileURL.resolvingSymlinksInPath()
      let path = url.path
      guard let inRoot = roots.first(where: { path == $0 || path.hasPrefix($0 + "/") }) else {
        refusedOutside = true
        continue
      }
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      if size > maximumBytes { return .refused("\(reference) is larger than \(maximumBytes >> 20) MB") }
      guard let data = FileManager.default.contents(atPath: path) else { return .missing("cannot read \(reference)") }
      let name = String(path.dropFirst(inRoot.count)).trimmingCharacters(in: "/")
      return sanitized(Resource(name: name, bytes: [UInt8](data)))
    }
    if refusedOutside && !candidates.contains(where: { c in
      let p = URL(fileURLWithPath: c).standardizedFileURL.resolvingSymlinksInPath().path
      return roots.contains { p.hasPrefix($0 + "/") }
    }) {
      return .refused("\(reference) is outside the content folder")
    }
    return .missing("no file \(reference)")
  }
}
