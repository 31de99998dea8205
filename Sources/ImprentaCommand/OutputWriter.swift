import Foundation
import Imprenta

/// Writes outputs so that no reader ever sees a partial file: bytes go to a hidden temporary
/// file in the same folder, are flushed, then renamed over the target in one step.
struct OutputWriter {
  /// The output folder.
  var folder: String

  static let temporaryPrefix = ".imprenta-tmp-"

  /// Writes `bytes` to `folder/relativeName.ext` and returns the path.
  func write(_ bytes: [UInt8], relativeName: String, extension ext: String, source: String) throws -> String {
    let components = relativeName.split(separator: "/")
    guard !components.contains(where: { $0 == ".." || $0 == "." }), !relativeName.hasPrefix("/") else {
      throw ImprentaError("unsafe-output-path", "output name '\(relativeName)' leaves the output folder", file: source)
    }
    let target = URL(fileURLWithPath: folder).appendingPathComponent(relativeName + "." + ext)
    let dir = target.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    } catch {
      throw ImprentaError("output-failed", "cannot create folder \(dir.path): \(error.localizedDescription)", file: source)
    }
    let temporary = dir.appendingPathComponent(OutputWriter.temporaryPrefix + "\(getpid())-" + target.lastPathComponent)
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw ImprentaError("output-failed", "cannot write \(temporary.path): \(String(cString: strerror(errno)))", file: source)
    }
    var ok = true
    bytes.withUnsafeBytes { buf in
      var offset = 0
      while offset < buf.count {
        let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
        if n <= 0 {
          ok = false
          return
        }
        offset += n
      }
    }
    ok = ok && fsync(fd) == 0
    close(fd)
    guard ok, rename(temporary.path, target.path) == 0 else {
      unlink(temporary.path)
      throw ImprentaError("output-failed", "cannot write \(target.path): \(String(cString: strerror(errno)))", file: source)
    }
    return target.path
  }

  /// Removes temporary files a killed earlier run left behind.
  func removeStaleTemporaries() {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
    while let rel = walker.nextObject() as? String {
      if (rel as NSString).lastPathComponent.hasPrefix(OutputWriter.temporaryPrefix) {
        try? FileManager.default.removeItem(atPath: folder + "/" + rel)
      }
    }
  }
}
