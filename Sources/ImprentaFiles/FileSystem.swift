#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a path is, read with `lstat` (links not followed) or `stat` (followed).
public struct FileStatus: Sendable, Hashable {
  /// The kinds Imprenta tells apart.
  public enum Kind: Sendable, Hashable {
    case regular, folder, link, other, missing
  }
  /// The kind.
  public var kind: Kind
  /// Device and inode: the identity of a folder on the path (symlink loops).
  public var device: UInt64
  /// Inode number.
  public var inode: UInt64
  /// Size in bytes (regular files).
  public var size: Int
  /// The `errno` of a failed call, 0 otherwise.
  public var error: Int32

  static let missing = FileStatus(kind: .missing, device: 0, inode: 0, size: 0, error: ENOENT)

  init(kind: Kind, device: UInt64, inode: UInt64, size: Int, error: Int32) {
    self.kind = kind
    self.device = device
    self.inode = inode
    self.size = size
    self.error = error
  }

  init(_ st: stat) {
    let type = st.st_mode & S_IFMT
    kind = type == S_IFREG ? .regular : type == S_IFDIR ? .folder : type == S_IFLNK ? .link : .other
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
    size = Int(st.st_size)
    error = 0
  }
}

/// The few POSIX calls the read and write policies are made of.
public enum FileSystem {
  /// `lstat`: what `path` itself is (a link stays a link).
  public static func linkStatus(_ path: String) -> FileStatus {
    var st = stat()
    guard lstat(path, &st) == 0 else { return FileStatus(kind: .missing, device: 0, inode: 0, size: 0, error: errno) }
    return FileStatus(st)
  }

  /// `stat`: what `path` leads to.
  public static func status(_ path: String) -> FileStatus {
    var st = stat()
    guard stat(path, &st) == 0 else { return FileStatus(kind: .missing, device: 0, inode: 0, size: 0, error: errno) }
    return FileStatus(st)
  }

  /// The canonical absolute path with every link resolved, or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard !path.isEmpty, let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// `O_PATH` on Linux (a descriptor that only names a folder: no read permission needed to pass
  /// through it); Swift does not import the macro.
  static let oPath: Int32 = 0o10_000_000

  /// Opens the canonical path `real` (every link already resolved) for reading, one component at
  /// a time from `/` with `O_NOFOLLOW`: a file or folder on the way replaced by a symbolic link
  /// since the path was resolved is never followed (`ELOOP` or `ENOTDIR`), so what is opened is
  /// the file that was checked. Returns the descriptor, or -1 with `errno`.
  public static func openCanonical(_ real: String, flags: Int32) -> Int32 {
    guard real.hasPrefix("/") else {
      errno = EINVAL
      return -1
    }
    var parts = real.split(separator: "/").map(String.init)
    guard let name = parts.popLast() else {
      errno = EISDIR
      return -1
    }
    var dir = open("/", oPath | O_DIRECTORY | O_CLOEXEC)
    guard dir >= 0 else { return -1 }
    for part in parts {
      let next = openat(dir, part, oPath | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      let e = errno
      close(dir)
      guard next >= 0 else {
        errno = e
        return -1
      }
      dir = next
    }
    let fd = openat(dir, name, flags | O_NOFOLLOW | O_CLOEXEC)
    let e = errno
    close(dir)
    errno = e
    return fd
  }

  /// The current folder.
  public static var currentFolder: String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return String(cString: p)
  }

  /// `path` made absolute against the current folder, with `.` and `..` removed lexically.
  public static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : currentFolder + "/" + path
    var parts: [Substring] = []
    for c in full.split(separator: "/", omittingEmptySubsequences: true) {
      if c == "." { continue }
      if c == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(c)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Whether `path` is `root` or inside it (both canonical).
  public static func isInside(_ path: String, _ root: String) -> Bool {
    if root == "/" { return true }
    return path == root || path.hasPrefix(root + "/")
  }

  /// One entry of a folder: its name as bytes, and as text when the bytes are UTF-8.
  public struct Entry: Sendable, Hashable {
    /// The name's bytes, exactly as stored.
    public var bytes: [UInt8]
    /// The name, when valid UTF-8.
    public var name: String?
  }

  /// The entries of a folder (no `.` and `..`), unsorted; nil with `errno` when it cannot be opened.
  public static func entries(of folder: String) -> (entries: [Entry]?, error: Int32) {
    guard let dir = opendir(folder) else { return (nil, errno) }
    defer { closedir(dir) }
    var out: [Entry] = []
    while let e = readdir(dir) {
      let bytes: [UInt8] = withUnsafePointer(to: &e.pointee.d_name) { p in
        p.withMemoryRebound(to: UInt8.self, capacity: 256) { b in
          Array(UnsafeBufferPointer(start: b, count: strlen(UnsafeRawPointer(b).assumingMemoryBound(to: CChar.self))))
        }
      }
      if bytes == [46] || bytes == [46, 46] { continue }
      out.append(Entry(bytes: bytes, name: String(validating: bytes, as: UTF8.self)))
    }
    return (out, 0)
  }

  /// The text of an `errno`.
  public static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
