import Foundation

/// A scratch tree for file-policy tests: a project folder with `content/`, an `outside/` folder
/// holding a canary whose text must never be read, removed on `deinit`.
final class Scratch {
  let root: String
  static let canary = "CANARY-7f3a-SECRET"

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-files-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/project/content", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/outside/sub", withIntermediateDirectories: true)
    try write("outside/secret.md", Scratch.canary)
    try write("outside/sub/s.md", Scratch.canary)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  var project: String { root + "/project" }
  var content: String { root + "/project/content" }

  func write(_ relative: String, _ text: String) throws {
    let path = root + "/" + relative
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  func link(_ relative: String, to target: String) throws {
    let path = root + "/" + relative
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
  }
}
