import Foundation
import ImprentaFiles

/// Serves the files pages refer to from the content root, Hugo's way: `/images/x.png` from the
/// root, then from `static/` and `assets/` beside it; `images/x.png` from the page's own folder
/// first. Nothing outside those folders is ever read (`../../etc/passwd`, absolute paths out of
/// the site, symlinks leading out are refused).
public struct FileResources: ResourceProvider {
  /// The content root (the folder given to `build`, or the folder of a single page).
  public let root: String

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
    confinement = siteRoot
  }

  /// The resources of pages built on their own from `root`: a Hugo site's (`/x.png` from its
  /// `static/`, then its content folder, then `assets/`) when `root` lies inside a site whose
  /// root is inside `project` (a page of the seed site built alone, `imprenta build
  /// content/blog/post.md`, lost every image under `/uploads/`); else the root's own. Only
  /// folders from `project` down are looked at, so a configuration file above the project
  /// never widens what is read.
  public static func forPages(root: String, project: String) -> FileResources {
    guard let outer = FileSystem.realPath(FileSystem.absolute(project)), var folder = FileSystem.realPath(FileSystem.absolute(root)) else {
      return FileResources(root: root)
    }
    let start = folder
    while FileSystem.isInside(folder, outer) {
      if HugoProject.isProject(folder) {
        guard folder != start else { break }
        let inside = start.dropFirst(folder.count + (folder == "/" ? 0 : 1))
        let content = inside.split(separator: "/").first.map(String.init) ?? "content"
        return FileResources(siteRoot: folder, contentFolders: [content])
      }
      guard folder != outer, folder != "/" else { break }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return FileResources(root: root)
  }

  /// The folder every search root must lie in (a `static/` that is a link leading out of the
  /// project serves nothing): the site's root, or the folder holding the content root.
  var confinement: String?

  /// Folders a reference may resolve in, canonical (those that exist and lie inside the confinement).
  var allowedRoots: [String] {
    let base = FileSystem.absolute(root)
    let parent = (base as NSString).deletingLastPathComponent
    let folders = searchRoots ?? [parent + "/static", parent + "/assets"]
    guard let outer = FileSystem.realPath(confinement ?? parent) else { return ReadPolicy(roots: [base]).roots }
    let inside = ReadPolicy(roots: folders).roots.filter { FileSystem.isInside($0, outer) }
    return searchRoots == nil ? ReadPolicy(roots: [base]).roots + inside : inside
  }

  public func resource(_ reference: String, for document: Document) -> ResourceLookup {
    let ref = reference.split(separator: "#", maxSplits: 1).first.map { String($0) } ?? reference
    let cleaned = (ref.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ref).removingPercentEncoding ?? ref
    // Only a path is looked up: the one URL policy says what else it is (remote, data:, a scheme).
    switch URLPolicy.classify(cleaned) {
    case .relative: break
    case .remote, .dataImage, .fragment, .internalPage: return .refused("remote resources are not fetched: \(reference)")
    case .refused(let why): return .refused("\(reference): \(why)")
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
    let policy = ReadPolicy(roots: roots)
    var refusal: ReadRefusal?
    for candidate in candidates {
      do {
        let bytes = try policy.read(candidate, budget: .resourceBytes)
        let real = FileSystem.realPath(candidate) ?? candidate
        let inRoot = policy.roots.first { FileSystem.isInside(real, $0) } ?? ""
        let name = String(real.dropFirst(inRoot.count)).trimmingCharacters(in: "/")
        return sanitized(Resource(name: name, bytes: bytes))
      } catch {
        switch error.reason {
        case .missing, .folder: continue
        case .outside, .linkOutside: refusal = refusal ?? error
        default: return .refused("\(reference): \(error.message)")
        }
      }
    }
    if refusal != nil {
      return .refused("\(reference) is outside the content folder (or a link leading out of it); not read")
    }
    return .missing("no file \(reference)")
  }
}
