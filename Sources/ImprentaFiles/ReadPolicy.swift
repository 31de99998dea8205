import Foundation
import ImprentaModel

/// The one read policy: every file Imprenta reads (pages, images, styles, the project file,
/// shortcode mappings, site configuration) is resolved to its real path, which must lie inside one
/// of the allowed roots (the content root or site root, the site's `static/` and `assets/`, the
/// project folder, the shipped styles). A link whose target is inside is followed; one whose target
/// is outside is refused, and the diagnostic names the link, never what it points to. `/proc`,
/// `/sys`, `/dev` and anything that is not a regular file are never read, and nothing larger than
/// its budget is read at all.
public struct ReadPolicy: Sendable, Hashable {
  /// The allowed folders, canonical (every link resolved).
  public private(set) var roots: [String]
  /// The folders as named, made absolute (a missing file under one is "missing", not "outside").
  var declared: [String] = []

  /// Folders never read from, whatever the roots say.
  static let forbiddenPrefixes = ["/proc", "/sys", "/dev"]

  /// A policy allowing `roots` (missing folders are left out: nothing can be read from them).
  public init(roots: [String]) {
    self.roots = []
    add(roots)
  }

  public static func == (a: ReadPolicy, b: ReadPolicy) -> Bool { a.roots == b.roots }
  public func hash(into hasher: inout Hasher) { hasher.combine(roots) }

  /// Allows more folders.
  public mutating func add(_ folders: [String]) {
    for folder in folders {
      let lexical = FileSystem.absolute(folder)
      if lexical != "/", !declared.contains(lexical) { declared.append(lexical) }
      // "/" is never a root: it would allow everything.
      guard let real = FileSystem.realPath(folder), real != "/", !roots.contains(real), !ReadPolicy.isForbiddenPath(real) else { continue }
      roots.append(real)
    }
  }

  /// This policy with more folders allowed.
  public func adding(_ folders: [String]) -> ReadPolicy {
    var p = self
    p.add(folders)
    return p
  }

  /// Whether a canonical path is in a system folder that is never read (`/proc`, `/sys`, `/dev`).
  public static func isForbiddenPath(_ real: String) -> Bool {
    forbiddenPrefixes.contains { FileSystem.isInside(real, $0) }
  }

  /// Whether a canonical path lies inside an allowed root.
  public func allows(realPath: String) -> Bool {
    !ReadPolicy.isForbiddenPath(realPath) && roots.contains { FileSystem.isInside(realPath, $0) }
  }

  /// The real path of `path` when it may be read, or why not.
  public func resolve(_ path: String) -> Result<String, ReadRefusal> {
    let own = FileSystem.linkStatus(path)
    if own.kind == .missing {
      // Outside is said before missing: `../../etc/passwd` is refused whether or not it exists.
      let lexical = FileSystem.absolute(path)
      let parent = FileSystem.realPath((lexical as NSString).deletingLastPathComponent) ?? lexical
      let inside = allows(realPath: parent) || allows(realPath: lexical) || declared.contains { FileSystem.isInside(lexical, $0) }
      return .failure(ReadRefusal(inside ? .missing : .outside, path: path))
    }
    guard let real = FileSystem.realPath(path) else {
      // A dangling link, or a link loop.
      return .failure(ReadRefusal(own.kind == .link ? .brokenLink : .unreadable(own.error), path: path))
    }
    guard allows(realPath: real) else {
      return .failure(ReadRefusal(own.kind == .link ? .linkOutside : .outside, path: path))
    }
    return .success(real)
  }

  /// The bytes of the regular file at `path`, read only if it is allowed and within `budget`.
  /// Opened without blocking (a FIFO never hangs the build) and checked again once open. The
  /// policy holds at open time: the checked real path is opened one component at a time without
  /// following links, so a folder swapped for a link between the check and the read is refused.
  public func read(_ path: String, budget: Budget = .pageBytes) throws(ReadRefusal) -> [UInt8] {
    let real: String
    switch resolve(path) {
    case .success(let r): real = r
    case .failure(let refusal): throw refusal
    }
    return try ReadPolicy.read(resolved: real, as: path, budget: budget)
  }

  /// The bytes of the regular file at the canonical path `real` (resolved and allowed by
  /// `resolve`), reported as `path`.
  static func read(resolved real: String, as path: String, budget: Budget) throws(ReadRefusal) -> [UInt8] {
    let fd = FileSystem.openCanonical(real, flags: O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else {
      let e = errno
      throw ReadRefusal(e == ENOENT ? .missing : e == ELOOP || e == ENOTDIR ? .changed : .unreadable(e), path: path)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw ReadRefusal(.unreadable(errno), path: path) }
    let status = FileStatus(st)
    guard status.kind == .regular else { throw ReadRefusal(status.kind == .folder ? .folder : .notRegular, path: path) }
    guard status.size <= budget.limit else { throw ReadRefusal(.tooLarge(status.size, budget), path: path) }
    // Read what is there, but never past the budget (a file may grow while it is read).
    var bytes = [UInt8](repeating: 0, count: max(status.size, 0) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard bytes.count <= budget.limit else { throw ReadRefusal(.tooLarge(bytes.count, budget), path: path) }
        bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, budget.limit + 1 - bytes.count) + 1))
      }
      let n = bytes.withUnsafeMutableBytes { buf in Glibc.read(fd, buf.baseAddress! + count, buf.count - count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ReadRefusal(.unreadable(errno), path: path)
      }
      if n == 0 { break }
      count += n
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// Whether a regular file exists at `path` within the roots (no content is read).
  public func isReadableFile(_ path: String) -> Bool {
    guard case .success(let real) = resolve(path) else { return false }
    return FileSystem.status(real).kind == .regular
  }
}

/// Why a file was not read.
public struct ReadRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  /// The reasons.
  public enum Reason: Sendable, Hashable {
    case missing
    case brokenLink
    case linkOutside
    case outside
    /// A file or folder on its path was replaced by a link after it was checked (a race).
    case changed
    case folder
    case notRegular
    case unreadable(Int32)
    case tooLarge(Int, Budget)
  }
  /// Why.
  public var reason: Reason
  /// The path as the user wrote it (never a link's target).
  public var path: String

  /// Creates a refusal.
  public init(_ reason: Reason, path: String) {
    self.reason = reason
    self.path = path
  }

  /// The diagnostic code.
  public var code: DiagnosticCode {
    switch reason {
    case .missing, .brokenLink: return .missingFile
    case .linkOutside, .outside, .changed: return .outsideRoots
    case .folder, .notRegular: return .notARegularFile
    case .unreadable: return .unreadableFile
    case .tooLarge: return .budgetExceeded
    }
  }

  /// What is wrong, in one sentence that never quotes the file's content or a link's target.
  public var message: String {
    switch reason {
    case .missing: return "no such file"
    case .brokenLink: return "a symbolic link that leads nowhere (or to itself)"
    case .linkOutside: return "a symbolic link to a place outside the allowed folders; not read"
    case .outside: return "outside the allowed folders (content, static/, assets/, the project folder, the shipped styles); not read"
    case .changed: return "a folder on its path became a symbolic link while it was being read; not read"
    case .folder: return "a folder where a file was expected"
    case .notRegular: return "not a regular file (a device, FIFO or socket); not read"
    case .unreadable(let e): return "cannot be read: \(FileSystem.describe(e))"
    case .tooLarge(let size, let budget): return "the file is \(size >> 20 > 0 ? "\(size >> 20) MB" : "\(size) bytes"), over the limit \(budget.clause)"
    }
  }

  public var description: String { "\(path): \(message)" }

  /// The refusal as an error diagnostic about `file` (default: the path itself).
  public func error(file: String? = nil, line: Int = 0, column: Int = 0) -> ImprentaError {
    ImprentaError(code, (file == nil ? "" : "'\(path)': ") + message, file: file ?? path, line: line, column: column)
  }
}
