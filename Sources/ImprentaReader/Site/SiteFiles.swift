import Foundation
import ImprentaFiles
import ImprentaModel

/// The Markdown files of a site's content tree, from its content mounts, as Hugo sees them: a
/// mount's `includeFiles`/`excludeFiles` and the site's `ignoreFiles` applied, every folder
/// walked under the read policy, every mount inside the site.
struct SiteFiles {
  /// One content file.
  struct File: Sendable, Hashable {
    /// The path to read.
    var path: String
    /// Its path in the content tree (`blog/post.md`): the mount's target, then its path in the mount.
    var logical: String
    /// The mount it comes from.
    var mount: ContentMount
  }

  /// The files, by content path then mount order.
  var files: [File]
  /// The mounted folders (read roots for pages).
  var roots: [String]

  static func list(_ config: SiteConfig, diagnostics: inout Diagnostics) -> SiteFiles {
    let site = ReadPolicy(roots: [config.root])
    let at = config.location(of: config.contentMounts.contains { !$0.target.isEmpty || $0.source != config.contentDir } ? "source" : "contentDir")
    let range = SourceRange(at.line, 1, at.line, 1)
    var mounts: [ContentMount] = []
    for mount in config.contentMounts {
      let dir = config.root + "/" + mount.source
      switch site.resolve(dir) {
      case .success: mounts.append(mount)
      case .failure(let refusal) where refusal.reason == .missing && !mount.source.hasPrefix("/"):
        if mount.source != config.contentDir || config.contentMounts.count == 1 {
          diagnostics.warning(.missingInput, "the content folder '\(dir)' does not exist", file: at.file, at: range)
        }
      case .failure:
        diagnostics.error(.outsideRoots, "the content folder '\(dir)' is outside the site; not read", file: at.file, at: range)
      }
    }
    let ignore = IgnorePatterns(config.ignoreFiles, at: at, diagnostics: &diagnostics)
    let policy = ReadPolicy(roots: mounts.map { config.root + "/" + $0.source })
    var files: [File] = []
    var seen: Set<String> = []
    for mount in mounts {
      let dir = config.root + "/" + mount.source
      for relative in ContentWalker.markdownFiles(under: dir, policy: policy, diagnostics: &diagnostics) where mount.mounts(relative) {
        let path = dir + "/" + relative
        guard !ignore.matches(FileSystem.absolute(path)) else { continue }
        let logical = mount.target.isEmpty ? relative : mount.target + "/" + relative
        // Two mounts of one file (or of one content path in one language) give one page: the first.
        guard seen.insert(mount.language + "\u{0}" + logical).inserted else { continue }
        files.append(File(path: path, logical: logical, mount: mount))
      }
    }
    return SiteFiles(files: files, roots: policy.roots)
  }
}

/// `ignoreFiles`: regular expressions on a file's absolute path. A pattern that could take
/// exponential time (a repeated group that repeats inside) is not used, with a warning.
struct IgnorePatterns {
  var expressions: [NSRegularExpression] = []

  init(_ patterns: [String], at: KeyLocation, diagnostics: inout Diagnostics) {
    for pattern in patterns where !pattern.isEmpty {
      if pattern.utf8.count > 512 || IgnorePatterns.nestsRepetition(pattern) {
        diagnostics.warning(.invalidSiteSetting, "ignoreFiles pattern '\(pattern.escapedForLog)' not used: too long, or a repeated group with repetition inside",
          file: at.file, at: SourceRange(at.line, 1, at.line, 1))
        continue
      }
      guard let re = try? NSRegularExpression(pattern: pattern) else {
        diagnostics.warning(.invalidSiteSetting, "ignoreFiles pattern '\(pattern.escapedForLog)' is not a regular expression", file: at.file, at: SourceRange(at.line, 1, at.line, 1))
        continue
      }
      expressions.append(re)
    }
  }

  func matches(_ path: String) -> Bool {
    let range = NSRange(path.startIndex..., in: path)
    return expressions.contains { $0.firstMatch(in: path, range: range) != nil }
  }

  /// Whether a group followed by a quantifier holds a quantifier itself: `(a+)+`, `(a|b*)*`.
  static func nestsRepetition(_ pattern: String) -> Bool {
    var stack: [Bool] = []  // per open group: whether it holds a quantifier
    var lastClosedHadQuantifier = false
    var escaped = false
    for c in pattern {
      if escaped { escaped = false; lastClosedHadQuantifier = false; continue }
      switch c {
      case "\\": escaped = true
      case "(": stack.append(false); lastClosedHadQuantifier = false
      case ")":
        lastClosedHadQuantifier = stack.popLast() ?? false
        if lastClosedHadQuantifier, !stack.isEmpty { stack[stack.count - 1] = true }
        continue
      case "*", "+", "?", "{":
        if lastClosedHadQuantifier && c != "?" { return true }
        if !stack.isEmpty { stack[stack.count - 1] = true }
      default: break
      }
      lastClosedHadQuantifier = false
    }
    return false
  }
}

/// Lists a content folder's Markdown pages as Hugo sees them: a leaf bundle's other Markdown
/// files (and sub-folders) are its resources, not pages. Walked under the read policy.
enum ContentWalker {
  static let extensions: Set<String> = ["md", "markdown", "mdown"]

  /// Paths relative to `root`, in byte order.
  static func markdownFiles(under root: String, policy: ReadPolicy, diagnostics: inout Diagnostics) -> [String] {
    var out: [String] = []
    var walker = FolderWalker(policy: policy)
    walker.walk(root) { relative, entries in
      let markdown = entries.filter { !$0.isFolder && extensions.contains(($0.name as NSString).pathExtension.lowercased()) }
      // A leaf bundle: `index.md` (or `index.<lang>.md`) makes the folder one page.
      let indexes = markdown.filter {
        let stem = ($0.name as NSString).deletingPathExtension
        return stem == "index" || stem.hasPrefix("index.")
      }
      if !indexes.isEmpty, !relative.isEmpty {
        out += indexes.map(\.relativePath)
        return []
      }
      out += markdown.map(\.relativePath)
      return entries.filter(\.isFolder)
    }
    diagnostics.append(contentsOf: walker.diagnostics)
    return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
