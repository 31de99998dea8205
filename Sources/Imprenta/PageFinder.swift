import Foundation

/// One page to export: where it is and what its outputs are named after.
public struct PageSource: Sendable, Hashable {
  /// The file path as the user would read it in a diagnostic.
  public var path: String
  /// The folder relative names and resources are taken from (the content root).
  public var root: String
  /// The path under the root without extension (`blog/post`).
  public var relativeName: String
}

/// Lists the Markdown pages of the inputs a user names: files as they are, folders recursively.
public enum PageFinder {
  /// File extensions read as Markdown pages.
  public static let extensions: Set<String> = ["md", "markdown", "mdown"]

  /// The pages of `inputs`, in a stable order (inputs in the order given, pages sorted by path).
  /// A missing input is an error diagnostic, and the other inputs are still listed.
  public static func pages(of inputs: [String], diagnostics: inout Diagnostics) -> [PageSource] {
    let fm = FileManager.default
    var pages: [PageSource] = []
    var seen: Set<String> = []
    for input in inputs {
      if input.contains(where: { "*?[".contains($0) }) {
        let matches = glob(input)
        if matches.isEmpty { diagnostics.warning("empty-glob", "no page matches this pattern", file: input) }
        for page in matches where seen.insert(page.path).inserted { pages.append(page) }
        continue
      }
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
        diagnostics.error("missing-input", "no such file or folder", file: input)
        continue
      }
      let trimmed = input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input
      if isDir.boolValue {
        guard let walker = fm.enumerator(atPath: trimmed) else { continue }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
          let name = (rel as NSString).lastPathComponent
          if name.hasPrefix(".") {
            walker.skipDescendants()
            continue
          }
          if extensions.contains((rel as NSString).pathExtension.lowercased()) { found.append(rel) }
        }
        for rel in found.sorted() {
          let path = trimmed == "." ? rel : trimmed + "/" + rel
          guard seen.insert(path).inserted else { continue }
          pages.append(PageSource(path: path, root: trimmed, relativeName: (rel as NSString).deletingPathExtension))
        }
      } else {
        guard seen.insert(trimmed).inserted else { continue }
        let dir = (trimmed as NSString).deletingLastPathComponent
        let name = ((trimmed as NSString).lastPathComponent as NSString).deletingPathExtension
        pages.append(PageSource(path: trimmed, root: dir.isEmpty ? "." : dir, relativeName: name))
      }
    }
    return pages
  }

  /// The pages a pattern matches: `*`, `?` and `[…]` within a name, `**` for any folders.
  /// The root is the folder before the first pattern component.
  static func glob(_ pattern: String) -> [PageSource] {
    let parts = pattern.split(separator: "/").map(String.init)
    guard let firstPattern = parts.firstIndex(where: { $0.contains(where: { "*?[".contains($0) }) }) else { return [] }
    let rootParts = parts[..<firstPattern]
    let root = rootParts.isEmpty ? (pattern.hasPrefix("/") ? "/" : ".") : (pattern.hasPrefix("/") ? "/" : "") + rootParts.joined(separator: "/")
    let rest = Array(parts[firstPattern...])
    var found: [String] = []
    func walk(_ dir: String, _ rel: String, _ index: Int) {
      guard index < rest.count else { return }
      let component = rest[index]
      let entries = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
      if component == "**" {
        walk(dir, rel, index + 1)
        for e in entries where isDirectory(dir + "/" + e) { walk(dir + "/" + e, rel.isEmpty ? e : rel + "/" + e, index) }
        return
      }
      for e in entries where fnmatch(component, e, 0) == 0 {
        let path = dir + "/" + e
        let r = rel.isEmpty ? e : rel + "/" + e
        if index == rest.count - 1 {
          if !isDirectory(path), extensions.contains((e as NSString).pathExtension.lowercased()) { found.append(r) }
        } else if isDirectory(path) {
          walk(path, r, index + 1)
        }
      }
    }
    walk(root, "", 0)
    return Array(Set(found)).sorted().map { rel in
      PageSource(path: root == "." ? rel : root + "/" + rel, root: root, relativeName: (rel as NSString).deletingPathExtension)
    }
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
  }
}
