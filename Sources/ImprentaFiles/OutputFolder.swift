#if canImport(Glibc)
  import Glibc
#endif
import ImprentaModel

/// The one write policy: every file Imprenta writes or deletes is inside the output folder.
///
/// The folder is checked once (never empty, `/`, a content root or a folder holding one) and
/// opened; every path below it is then walked one component at a time with `openat(O_NOFOLLOW)`,
/// so a symbolic link anywhere under the output folder (`output/en -> ../elsewhere`) is refused,
/// never followed, even if it appears while the build runs. Files are written to an unnamed
/// temporary (`O_TMPFILE`), flushed, and renamed into place: no reader ever sees a partial file,
/// and a killed build leaves nothing behind. Only regular files are ever deleted, one by one.
public struct OutputFolder: Sendable {
  /// The folder as the user named it (for messages).
  public let path: String
  /// Its canonical path.
  public let realPath: String

  static let temporaryPrefix = ".imprenta-tmp-"
  /// `O_TMPFILE` on Linux (`__O_TMPFILE | O_DIRECTORY`); Swift does not import the macro.
  static let oTmpFile: Int32 = 0o20_200_000

  /// Opens (creating it if needed) the output folder `path`, refusing a folder that is empty,
  /// `/`, one of `contentRoots` or a folder that contains one. With `project`, a folder reached
  /// through a symbolic link (or any folder, when `confined`: the default `output` or a project
  /// file's) must lie inside the project folder.
  public init(_ path: String, contentRoots: [String], project: String? = nil, confined: Bool = false) throws(ImprentaError) {
    guard !path.trimmingCharacters(in: " ").isEmpty else {
      throw ImprentaError(.unsafeOutputFolder, "the output folder is empty (an unset variable?); nothing is written", file: "--output")
    }
    guard !path.unicodeScalars.contains(where: \.isControlCharacter) else {
      throw ImprentaError(.unsafeOutputFolder, "the output folder's name holds control characters", file: "--output")
    }
    let absolute = FileSystem.absolute(path)
    func check(_ real: String) throws(ImprentaError) {
      if real == "/" {
        throw ImprentaError(.unsafeOutputFolder, "the output folder is the file system's root; nothing is written", file: path)
      }
      for root in contentRoots {
        if let r = FileSystem.realPath(root), FileSystem.isInside(r, real) {
          throw ImprentaError(.unsafeOutputFolder, "the output folder is the content folder '\(root)' or holds it; outputs go to a folder of their own",
            file: path)
        }
      }
      if let project, let projectReal = FileSystem.realPath(project), confined || real != absolute, !FileSystem.isInside(real, projectReal) {
        throw ImprentaError(.unsafeOutputFolder, confined ? "the output folder leaves the project folder" : "the output folder is reached through a symbolic link leading out of the project folder",
          file: path)
      }
    }
    // Checked before anything is created (on the deepest folder that exists), and again once it exists.
    if absolute == "/" { try check("/") }
    if let real = FileSystem.realPath(absolute) {
      try check(real)
    } else {
      var ancestor = absolute
      while FileSystem.realPath(ancestor) == nil, ancestor != "/" {
        ancestor = "/" + ancestor.split(separator: "/").dropLast().joined(separator: "/")
      }
      if let project, let projectReal = FileSystem.realPath(project), let real = FileSystem.realPath(ancestor),
        confined || real != ancestor, !FileSystem.isInside(real, projectReal)
      {
        throw ImprentaError(.unsafeOutputFolder, "the output folder would be created outside the project folder", file: path)
      }
    }
    do {
      try OutputFolder.makeFolders(absolute)
    } catch {
      throw ImprentaError(.outputFailed, "cannot create the output folder: \(FileSystem.describe(error.code))", file: path)
    }
    guard let real = FileSystem.realPath(absolute) else {
      throw ImprentaError(.outputFailed, "the output folder cannot be opened", file: path)
    }
    try check(real)
    self.path = path
    realPath = real
  }

  struct Errno: Error { var code: Int32 }

  /// `mkdir -p`, for the output folder itself (named by the user, so links on its way are theirs).
  static func makeFolders(_ absolute: String) throws(Errno) {
    var p = ""
    for c in absolute.split(separator: "/") {
      p += "/" + c
      if mkdir(p, 0o755) != 0 && errno != EEXIST { throw Errno(code: errno) }
    }
  }

  // MARK: - Names

  /// Whether `relative` is a name an output may have: relative, no `.`/`..`/empty component,
  /// no control characters, no backslash.
  public static func isValidName(_ relative: String) -> Bool {
    guard !relative.isEmpty, relative.utf8.count < 4096, !relative.hasPrefix("/"), !relative.contains("\\") else { return false }
    guard !relative.unicodeScalars.contains(where: \.isControlCharacter) else { return false }
    return !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
  }

  /// The path of `relative` inside the folder (for messages and reports).
  public func display(_ relative: String) -> String {
    path.hasSuffix("/") ? path + relative : path + "/" + relative
  }

  func refuse(_ relative: String, _ why: String, source: String) -> ImprentaError {
    ImprentaError(.unsafeOutputPath, "output '\(relative)' \(why)", file: source)
  }

  /// Opens the folder that holds `relative`, one component at a time without following links,
  /// creating missing folders when `create`; returns its descriptor and the file's own name.
  func openParent(of relative: String, create: Bool, source: String) throws(ImprentaError) -> (fd: Int32, name: String)? {
    guard OutputFolder.isValidName(relative) else { throw refuse(relative, "is not a safe name inside the output folder", source: source) }
    var parts = relative.split(separator: "/").map(String.init)
    let name = parts.removeLast()
    var fd = open(realPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw ImprentaError(.outputFailed, "cannot open the output folder: \(FileSystem.describe(errno))", file: path) }
    for part in parts {
      var next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if next < 0 && errno == ENOENT && create {
        if mkdirat(fd, part, 0o755) != 0 && errno != EEXIST {
          let e = errno
          close(fd)
          throw ImprentaError(.outputFailed, "cannot create folder \(display(part)): \(FileSystem.describe(e))", file: source)
        }
        next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      }
      let e = errno
      close(fd)
      if next < 0 {
        if e == ENOENT && !create { return nil }
        if e == ELOOP || e == ENOTDIR {
          throw refuse(relative, "would be written through '\(part)', a symbolic link or a file inside the output folder; links there are never followed", source: source)
        }
        throw ImprentaError(.outputFailed, "cannot open folder for \(display(relative)): \(FileSystem.describe(e))", file: source)
      }
      fd = next
    }
    return (fd, name)
  }

  // MARK: - Writing

  /// Writes `bytes` as `relative` atomically.
  public func write(_ bytes: [UInt8], to relative: String, source: String) throws(ImprentaError) {
    guard let (dir, name) = try openParent(of: relative, create: true, source: source) else { return }
    defer { close(dir) }
    func fail(_ what: String, _ e: Int32) -> ImprentaError {
      ImprentaError(.outputFailed, "cannot write \(display(relative)): \(what): \(FileSystem.describe(e))", file: source)
    }
    var existing = stat()
    if fstatat(dir, name, &existing, AT_SYMLINK_NOFOLLOW) == 0, FileStatus(existing).kind == .folder {
      throw refuse(relative, "is a folder", source: source)
    }
    var fd = openat(dir, ".", OutputFolder.oTmpFile | O_WRONLY | O_CLOEXEC, 0o644)
    let unnamed = fd >= 0
    let temporary = OutputFolder.temporaryPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    if !unnamed {
      fd = openat(dir, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw fail("open", errno) }
    }
    var ok = bytes.withUnsafeBytes { buf -> Bool in
      var offset = 0
      while offset < buf.count {
        let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        offset += n
      }
      return true
    }
    ok = ok && fsync(fd) == 0
    if unnamed && ok {
      ok = linkat(AT_FDCWD, "/proc/self/fd/\(fd)", dir, temporary, AT_SYMLINK_FOLLOW) == 0
    }
    let e = errno
    close(fd)
    guard ok else {
      unlinkat(dir, temporary, 0)
      throw fail("write", e)
    }
    guard renameat(dir, temporary, dir, name) == 0 else {
      let e = errno
      unlinkat(dir, temporary, 0)
      throw fail("rename", e)
    }
  }

  /// The bytes of the regular file `relative`, or nil (no link is followed, nothing outside is read).
  public func contents(of relative: String, budget: Budget = .resourceBytes) -> [UInt8]? {
    guard let (dir, name) = try? openParent(of: relative, create: false, source: path) else { return nil }
    defer { close(dir) }
    let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, FileStatus(st).kind == .regular, Int(st.st_size) <= budget.limit else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
    var count = 0
    while count < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      count += n
    }
    return count == bytes.count ? bytes : nil
  }

  /// What removing an output did.
  public enum Removal: Sendable, Equatable {
    case removed, absent
    case refused(String)
  }

  /// Removes the regular file `relative` (never a folder, never through a link, never recursively).
  public func remove(_ relative: String) -> Removal {
    let parent: (fd: Int32, name: String)?
    do {
      parent = try openParent(of: relative, create: false, source: path)
    } catch {
      return .refused(error.diagnostic.message)
    }
    guard let (dir, name) = parent else { return .absent }
    defer { close(dir) }
    var st = stat()
    guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return .absent }
    guard FileStatus(st).kind == .regular else { return .refused("output '\(relative)' is not a regular file; not removed") }
    return unlinkat(dir, name, 0) == 0 ? .removed : .refused("cannot remove \(display(relative)): \(FileSystem.describe(errno))")
  }

  /// Removes temporary files a killed earlier run left behind (only where `O_TMPFILE` was missing).
  public func removeStaleTemporaries() {
    // Links are not followed (lstat); at most 10,000 folders are looked at.
    var folders = [""]
    var i = 0
    while i < folders.count, i < 10_000 {
      let rel = folders[i]
      i += 1
      let full = rel.isEmpty ? realPath : realPath + "/" + rel
      for e in FileSystem.entries(of: full).entries ?? [] {
        guard let name = e.name else { continue }
        let child = rel.isEmpty ? name : rel + "/" + name
        let st = FileSystem.linkStatus(realPath + "/" + child)
        if name.hasPrefix(OutputFolder.temporaryPrefix), st.kind == .regular {
          _ = remove(child)
        } else if st.kind == .folder, !name.hasPrefix(".") {
          folders.append(child)
        }
      }
    }
  }
}
