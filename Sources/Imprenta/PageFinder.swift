import Foundation
import ImprentaFiles

/// One page to export: where it is and what its outputs are named after.
public struct PageSource: Sendable, Hashable {
  /// The file path as the user would read it in a diagnostic.
  public var path: String
  /// The folder relative names and resources are taken from (the content root).
  public var root: String
  /// The path under the root without extension (`blog/post`).
  public var relativeName: String
}

/// Lists the Markdown pages of the inputs a user names: files as they are, folders recursively,
/// globs by pattern, every walk under the read policy (`FolderWalker`).
public enum PageFinder {
  /// File extensions read as Markdown pages.
  public static let extensions: Set<String> = ["md", "markdown", "mdown"]

  static func isPage(_ name: String) -> Bool {
    extensions.contains((name as NSString).pathExtension.lowercased())
  }

  /// The pages of `inputs`, in a stable order (inputs in the order given, pages by path).
  /// Pages are read from their content root only (a link leading out of it is refused, even to
  /// elsewhere in the project). `project` is the project folder: an input reached through a
  /// symbolic link (or named by a project file, `inputsAreUntrusted`) must lie inside it. A missing, unreadable or empty input
  /// is a diagnostic, and the other inputs are still listed.
  public static func pages(
    of inputs: [String], project: String = FileSystem.currentFolder, inputsAreUntrusted: Bool = false, diagnostics: inout Diagnostics
  ) -> [PageSource] {
    var pages: [PageSource] = []
    // Names compared by their bytes: two names that differ only in Unicode normalization are two files.
    var seen: Set<[UInt8]> = []
    var seenCanonical: [String: String] = [:]
    func add(_ page: PageSource) {
      guard seen.insert(Array(page.path.utf8)).inserted else { return }
      let canonical = page.path.precomposedStringWithCanonicalMapping
      if let twin = seenCanonical[canonical] {
        diagnostics.report(.ambiguousPageName,
          "this page's name differs from '\(twin)' only in Unicode normalization (one is composed, NFC, the other decomposed, NFD); their outputs would collide: rename one (not exported)",
          file: page.path)
        return
      }
      seenCanonical[canonical] = page.path
      pages.append(page)
    }
    for input in inputs {
      if let pattern = GlobPattern(input) {
        guard let root = checkedRoot(pattern.root, input: input, project: project, untrusted: inputsAreUntrusted, &diagnostics) else { continue }
        var walker = FolderWalker(policy: ReadPolicy(roots: [root]))
        var found: [String] = []
        walker.walk(pattern.root) { _, entries in
          found += entries.filter { !$0.isFolder && isPage($0.name) && pattern.matches($0.relativePath) }.map(\.relativePath)
          return entries.filter { $0.isFolder && pattern.mayMatchBelow($0.relativePath) }
        }
        diagnostics.append(contentsOf: walker.diagnostics)
        if found.isEmpty { diagnostics.report(.emptyMatch, "no page matches this pattern", file: input) }
        for rel in found {
          add(PageSource(path: pattern.root == "." ? rel : pattern.root + "/" + rel, root: pattern.root, relativeName: (rel as NSString).deletingPathExtension))
        }
        continue
      }
      let trimmed = input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input
      guard let root = checkedRoot(trimmed, input: input, project: project, untrusted: inputsAreUntrusted, &diagnostics) else { continue }
      let status = FileSystem.status(root)
      if status.kind == .folder {
        var walker = FolderWalker(policy: ReadPolicy(roots: [root]))
        let found = walker.files(under: trimmed, include: isPage)
        diagnostics.append(contentsOf: walker.diagnostics)
        if found.isEmpty && !walker.diagnostics.hasErrors {
          diagnostics.report(.emptyMatch, "no Markdown page (.md, .markdown, .mdown) in this folder", file: input)
        }
        for rel in found {
          add(PageSource(path: trimmed == "." ? rel : trimmed + "/" + rel, root: trimmed, relativeName: (rel as NSString).deletingPathExtension))
        }
      } else if status.kind == .regular {
        let dir = (trimmed as NSString).deletingLastPathComponent
        let name = ((trimmed as NSString).lastPathComponent as NSString).deletingPathExtension
        add(PageSource(path: trimmed, root: dir.isEmpty ? "." : dir, relativeName: name))
      } else {
        diagnostics.error(.notARegularFile, "not a file or folder (a device, FIFO or socket); not read", file: input)
      }
    }
    return pages
  }

  /// The real path of an input's root, or nil with a diagnostic: missing, or reached through a
  /// link (or named by an untrusted project file) and outside the project folder.
  static func checkedRoot(_ path: String, input: String, project: String, untrusted: Bool, _ diagnostics: inout Diagnostics) -> String? {
    guard let real = FileSystem.realPath(path) else {
      let own = FileSystem.linkStatus(path)
      diagnostics.error(
        own.kind == .link ? .missingFile : .missingInput, own.kind == .link ? "a symbolic link that leads nowhere" : "no such file or folder",
        file: input)
      return nil
    }
    let viaLink = real != FileSystem.absolute(path)
    if viaLink || untrusted {
      let projectReal = FileSystem.realPath(project) ?? project
      // A project at "/" would let a link go anywhere: it is no confinement, so links are refused.
      guard projectReal != "/", FileSystem.isInside(real, projectReal) else {
        diagnostics.error(.outsideRoots, viaLink ? "a symbolic link to a place outside the project folder; not read" : "outside the project folder; not read", file: input)
        return nil
      }
      if viaLink { diagnostics.report(.inputLink, "a symbolic link inside the project; followed", file: input) }
    }
    if ReadPolicy.isForbiddenPath(real) {
      diagnostics.error(.outsideRoots, "a system folder (/proc, /sys, /dev); not read", file: input)
      return nil
    }
    return real
  }
}
