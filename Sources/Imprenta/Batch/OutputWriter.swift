import Foundation

/// Writes outputs so that no reader ever sees a partial file, even if the process is killed.
///
/// Bytes go to an unnamed file (`O_TMPFILE`) in the target's folder, are flushed, then given a
/// hidden name and renamed over the target in one step. A process killed while writing leaves
/// nothing behind: the unnamed file vanishes with it. Where `O_TMPFILE` is not supported, a
/// hidden named temporary is used, and the next run removes any such file a kill left behind.
public struct OutputWriter: Sendable {
  /// The output folder; nothing is written outside it.
  public let folder: String

  static let temporaryPrefix = ".imprenta-tmp-"
  /// `O_TMPFILE` on Linux (`__O_TMPFILE | O_DIRECTORY`); Swift does not import the macro.
  static let oTmpFile: Int32 = 0o20_200_000

  /// Creates a writer for an output folder.
  public init(folder: String) {
    self.folder = folder
  }

  /// The path of an output, refusing names that would leave the output folder.
  public func path(for relativeName: String, extension ext: String, source: String) throws -> String {
    let components = relativeName.split(separator: "/")
    guard !relativeName.isEmpty, !relativeName.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." }),
      !relativeName.contains("\0"), !relativeName.contains("\n")
    else {
      throw ImprentaError("unsafe-output-path", "output name '\(relativeName)' would leave the output folder", file: source)
    }
    return URL(fileURLWithPath: folder).appendingPathComponent(relativeName + "." + ext).path
  }

  /// Writes `bytes` to `folder/relativeName.ext` and returns the path.
  @discardableResult
  public func write(_ bytes: [UInt8], relativeName: String, extension ext: String, source: String) throws -> String {
    let target = try path(for: relativeName, extension: ext, source: source)
    try write(bytes, to: target, source: source)
    return target
  }

  /// Writes `bytes` to `target` (a path inside the folder) atomically.
  public func write(_ bytes: [UInt8], to target: String, source: String) throws {
    let dir = (target as NSString).deletingLastPathComponent
    if let sourcePath = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path as String?,
      sourcePath == URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().path
    {
      throw ImprentaError("unsafe-output-path", "the output \(target) would overwrite its source", file: source)
    }
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw ImprentaError("output-failed", "cannot create folder \(dir): \(error.localizedDescription)", file: source)
    }
    func fail(_ what: String) -> ImprentaError {
      ImprentaError("output-failed", "cannot write \(target): \(what): \(String(cString: strerror(errno)))", file: source)
    }
    var fd = open(dir, OutputWriter.oTmpFile | O_WRONLY, 0o644)
    let unnamed = fd >= 0
    let temporary = dir + "/" + OutputWriter.temporaryPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))-" + (target as NSString).lastPathComponent
    if !unnamed {
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      guard fd >= 0 else { throw fail("open") }
    }
    var ok = bytes.withUnsafeBytes { buf -> Bool in
      var offset = 0
      while offset < buf.count {
        let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        offset += n
      }
      return true
    }
    ok = ok && fsync(fd) == 0
    if unnamed && ok {
      // Give the unnamed file a hidden name, then move it over the target.
      ok = linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0
    }
    let error = ok ? nil : fail("write")
    close(fd)
    if let error {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, target) == 0 else {
      let e = fail("rename")
      unlink(temporary)
      throw e
    }
  }

  /// Removes temporary files a killed earlier run left behind (only where `O_TMPFILE` was missing).
  public func removeStaleTemporaries() {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
    while let rel = walker.nextObject() as? String {
      if (rel as NSString).lastPathComponent.hasPrefix(OutputWriter.temporaryPrefix) {
        try? FileManager.default.removeItem(atPath: folder + "/" + rel)
      }
    }
  }
}
