import Foundation

/// Runs the built `imprenta` binary in a scratch folder, as a user would.
public struct CommandRunner {
  /// The result of one run.
  public struct Result {
    /// Exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String

    /// Creates a result.
    public init(status: Int32, stdout: String, stderr: String) {
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
    }
  }

  /// A fresh scratch folder, removed by `cleanUp()`.
  public let folder: URL

  /// Creates a runner with an empty scratch folder.
  public init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-cmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// The `imprenta` binary beside the test bundle (`swift test` builds it with the tests).
  public static var binary: URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    if dir.lastPathComponent == "MacOS" || dir.lastPathComponent == "Contents" { dir = dir.deletingLastPathComponent() }
    for candidate in [dir, dir.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent("imprenta")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return Repository.root.appendingPathComponent(".build/debug/imprenta")
  }

  /// Writes a file (bytes) under the scratch folder.
  public func write(_ path: String, bytes: [UInt8]) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// Writes a text file under the scratch folder.
  public func write(_ path: String, _ text: String) throws {
    try write(path, bytes: Array(text.utf8))
  }

  /// Reads a file under the scratch folder.
  public func read(_ path: String) -> String? {
    try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  /// Every file under `path`, relative, sorted (hidden files included, except the build manifest).
  public func files(under path: String) -> [String] {
    let root = folder.appendingPathComponent(path).path
    guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
    return e.compactMap { $0 as? String }.filter {
      var isDir: ObjCBool = false
      FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isDir)
      return !isDir.boolValue && $0 != ".imprenta-manifest.json"
    }.sorted()
  }

  /// Runs `imprenta ARGS` in the scratch folder.
  public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once: a child that fills one pipe while we wait on the other would
    // block forever (a sanitizer report on stderr did exactly that).
    let errBox = DataBox()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Removes the scratch folder.
  public func cleanUp() {
    try? FileManager.default.removeItem(at: folder)
  }
}

/// A slot filled by the thread that drains a pipe.
final class DataBox: @unchecked Sendable {
  var data = Data()
}
