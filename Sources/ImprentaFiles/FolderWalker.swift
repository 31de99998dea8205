import ImprentaModel

/// Walks folders under the read policy: hidden names skipped, links followed only when their
/// target is inside the roots (else a diagnostic naming the link), every real folder visited once
/// (two links to `.` cannot make the walk exponential, a loop is never walked), and the number of
/// entries and the depth bounded by their budgets.
public struct FolderWalker {
  /// One visible entry of a folder.
  public struct Entry: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The path relative to the walk's root (`blog/post.md`).
    public var relativePath: String
    /// The path to open (`root/blog/post.md`).
    public var path: String
    /// Whether it is a folder (after following an allowed link).
    public var isFolder: Bool
  }

  /// The policy links are checked against.
  public var policy: ReadPolicy
  /// Where diagnostics found while walking go.
  public private(set) var diagnostics = Diagnostics()
  /// Entries visited so far (bounded by `Budget.walkedEntries`).
  public private(set) var visited = 0
  var seenFolders: Set<[UInt64]> = []
  var budgetReported = false

  /// Creates a walker.
  public init(policy: ReadPolicy) {
    self.policy = policy
  }

  /// Walks `root` depth-first in byte order of names. `visit` receives each folder's relative
  /// path and its visible entries (regular files and folders) and returns the folders to enter.
  public mutating func walk(_ root: String, _ visit: (String, [Entry]) -> [Entry]) {
    let trimmed = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    let status = FileSystem.status(trimmed)
    guard status.kind == .folder else { return }
    seenFolders.insert([status.device, status.inode])
    descend(trimmed, relative: "", depth: 0, visit)
  }

  /// Every regular file under `root` whose name passes `include`, relative paths in byte order.
  public mutating func files(under root: String, include: (String) -> Bool) -> [String] {
    var out: [String] = []
    walk(root) { _, entries in
      out += entries.filter { !$0.isFolder && include($0.name) }.map(\.relativePath)
      return entries.filter(\.isFolder)
    }
    return out
  }

  mutating func descend(_ root: String, relative: String, depth: Int, _ visit: (String, [Entry]) -> [Entry]) {
    let folder = relative.isEmpty ? root : root + "/" + relative
    let (listed, error) = FileSystem.entries(of: folder)
    guard var raw = listed else {
      diagnostics.report(.unreadableInput, "the folder cannot be read: \(FileSystem.describe(error))", file: folder)
      return
    }
    raw.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    var entries: [Entry] = []
    for e in raw {
      visited += 1
      if visited > Budget.walkedEntries.limit {
        if !budgetReported {
          diagnostics.report(.budgetExceeded, "the walk stopped here: too many files and folders \(Budget.walkedEntries.clause)", file: folder)
          budgetReported = true
        }
        return
      }
      if e.bytes.first == UInt8(ascii: ".") { continue }
      guard let name = e.name else {
        let shown = e.bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
        diagnostics.report(.invalidFileName, "a file name that is not UTF-8 is skipped: '\(shown)'", file: folder)
        continue
      }
      let rel = relative.isEmpty ? name : relative + "/" + name
      let path = root + "/" + rel
      var status = FileSystem.linkStatus(path)
      if status.kind == .link {
        switch policy.resolve(path) {
        case .failure(let refusal):
          diagnostics.warning(refusal.code, refusal.message, file: path)
          continue
        case .success(let real):
          status = FileSystem.status(real)
        }
      }
      switch status.kind {
      case .regular: entries.append(Entry(name: name, relativePath: rel, path: path, isFolder: false))
      case .folder: entries.append(Entry(name: name, relativePath: rel, path: path, isFolder: true))
      case .other:
        diagnostics.report(.notARegularFile, "not a regular file (a device, FIFO or socket); skipped", file: path)
      case .link, .missing: continue
      }
    }
    for sub in visit(relative, entries) where sub.isFolder {
      let status = FileSystem.status(sub.path)
      guard seenFolders.insert([status.device, status.inode]).inserted else {
        diagnostics.report(.folderLoop, "this folder was already walked (a symbolic link loop or a second link to it); skipped", file: sub.path)
        continue
      }
      guard depth + 1 < Budget.folderDepth.limit else {
        diagnostics.report(.budgetExceeded, "folders nested too deep; not walked \(Budget.folderDepth.clause)", file: sub.path)
        continue
      }
      descend(root, relative: sub.relativePath, depth: depth + 1, visit)
      if visited > Budget.walkedEntries.limit { return }
    }
  }
}
