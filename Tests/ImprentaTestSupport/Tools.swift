import Foundation

/// Runs a validator installed on the machine (`qpdf`, `pdftotext`, …) and returns its exit status
/// and combined output; nil when it is not installed.
public func runTool(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String)? {
  guard let path = ["/usr/bin/", "/usr/local/bin/"].map({ $0 + tool }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
  return run(path, arguments)
}

/// Runs the program at `path`; its exit status and combined output, nil when it cannot start.
func run(_ path: String, _ arguments: [String]) -> (status: Int32, output: String)? {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: path)
  p.arguments = arguments
  let pipe = Pipe()
  p.standardOutput = pipe
  p.standardError = pipe
  do { try p.run() } catch { return nil }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The `pdfua` checker (PyPI `pdfua`, the machine-checkable rules of PDF/UA-1): the one
/// `scripts/setup` installs under `.build/tools/pdfua`, else one on the PATH; nil when neither.
public let pdfuaExecutable: String? = {
  let local = Repository.root.appendingPathComponent(".build/tools/pdfua/bin/pdfua").path
  if FileManager.default.isExecutableFile(atPath: local) { return local }
  for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
    let path = String(dir) + "/pdfua"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}()

/// `pdfua check` on `files`: its exit status (0: no finding) and its report; nil without pdfua.
public func pdfuaCheck(_ files: [String]) -> (status: Int32, output: String)? {
  guard let tool = pdfuaExecutable, !files.isEmpty else { return nil }
  return run(tool, ["check", "--quiet"] + files)
}
