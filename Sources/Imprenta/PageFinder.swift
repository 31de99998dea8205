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
}
