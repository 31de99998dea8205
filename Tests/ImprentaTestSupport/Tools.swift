import Foundation

/// Runs a validator installed on the machine (`qpdf`, `pdftotext`, …) and returns its exit status
/// and combined output; nil when it is not installed.
public func runTool(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String)? {
  guard let path = ["/usr/bin/", "/usr/local/bin/"].map({ $0 + tool }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
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
