import Foundation
import ImprentaTestSupport
import Testing

/// A scratch folder for trust-boundary tests: the project `proj/` (where the command runs) with
/// `content/` holding one good page; beside it `outside/`, holding canaries whose text must reach
/// no output, no diagnostic and no log, and `victim/`; and a way to prove that nothing outside
/// the output folder changed. Paths given to `write`, `link`, `snapshot` are relative to `proj/`
/// unless they start with `../`.
struct Boundary {
  let r: CommandRunner
  static let canary = "CANARY-b0undary-91e2"
  static let environmentCanary = "ENVCANARY-ghp-7731"

  init() throws {
    r = try CommandRunner()
    try r.write("proj/content/good.md", "---\ntitle: Good\n---\n\nHello.\n")
    try r.write("outside/secret.md", "---\ntitle: \(Boundary.canary)\n---\n\n\(Boundary.canary)\n")
    try r.write("outside/sub/s.md", "---\ntitle: S\n---\n\n\(Boundary.canary)\n")
    try r.write("outside/secret.yml", "api_token: \(Boundary.canary)\n")
    try r.write("outside/secret.png", "\u{89}PNG \(Boundary.canary)")
    try r.write("victim/important/data.txt", "precious")
  }

  /// The scratch folder (holding `proj/`, `outside/`, `victim/`).
  var folder: String { r.folder.path }
  /// The project folder.
  var project: String { folder + "/proj" }

  func write(_ path: String, _ text: String) throws {
    try r.write("proj/" + path, text)
  }

  func read(_ path: String) -> String? {
    r.read("proj/" + path)
  }

  func files(under path: String) -> [String] {
    r.files(under: "proj/" + path)
  }

  func link(_ path: String, to target: String) throws {
    let url = r.folder.appendingPathComponent("proj/" + path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
  }

  /// Runs `imprenta` in the project, with a canary in the environment (as CI secrets are).
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
    var env = environment
    env["IMPRENTA_TEST_TOKEN"] = Boundary.environmentCanary
    return try CommandRunner.run(in: project, arguments, environment: env)
  }

  /// Every regular file and link outside `outputs` (relative folders): size, modification time
  /// and link target, to compare before and after a run.
  func snapshot(excluding outputs: [String]) -> [String: String] {
    var out: [String: String] = [:]
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: folder) else { return out }
    while let rel = walker.nextObject() as? String {
      if outputs.contains(where: { rel == "proj/" + $0 || rel.hasPrefix("proj/" + $0 + "/") }) { continue }
      let path = folder + "/" + rel
      // Files and links only: a folder's time changes when an output folder is made inside it.
      guard let a = try? fm.attributesOfItem(atPath: path), a[.type] as? FileAttributeType != .typeDirectory else { continue }
      let link = (try? fm.destinationOfSymbolicLink(atPath: path)) ?? ""
      out[rel] = "\(a[.type] ?? "") \(a[.size] ?? 0) \((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) \(link)"
    }
    return out
  }

  /// Paths of files under the scratch folder (outside `outside/`) whose bytes hold a canary.
  func leaks(in result: CommandRunner.Result) -> [String] {
    var found: [String] = []
    for text in [result.stdout, result.stderr] where text.contains(Boundary.canary) || text.contains(Boundary.environmentCanary) {
      found.append(text == result.stdout ? "stdout" : "stderr")
    }
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: folder) else { return found }
    let needles = [Data(Boundary.canary.utf8), Data(Boundary.environmentCanary.utf8)]
    while let rel = walker.nextObject() as? String {
      if rel.hasPrefix("outside") || rel.hasPrefix("victim") { continue }
      let path = folder + "/" + rel
      if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil { continue }
      guard let data = fm.contents(atPath: path) else { continue }
      if needles.contains(where: { data.range(of: $0) != nil }) { found.append(rel) }
    }
    return found
  }

  func cleanUp() { r.cleanUp() }
}

extension CommandRunner {
  /// Runs the binary in `folder` with extra environment, draining both pipes at once.
  static func run(in folder: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandRunner.Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
  }
}
