import Foundation
import Imprenta

/// The one line that ends a run: `12 documents, 36 outputs, 0 errors, 2 warnings in 3.1 s`.
enum Summary {
  static func line(_ report: BatchReport, seconds: Double) -> String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let upToDate = report.outputs.count { !$0.rebuilt }
    var s = count(report.documents, "document") + ", " + count(report.outputs.count, "output")
    if upToDate > 0 { s += " (\(upToDate) up to date)" }
    s += ", " + count(report.diagnostics.errorCount, "error") + ", " + count(report.diagnostics.warningCount, "warning")
    return s + " in " + String(format: "%.2f", seconds) + " s"
  }
}

/// A progress bar on a terminal: done/total and the current document, redrawn in place.
final class ProgressBar: @unchecked Sendable {
  let enabled: Bool
  private let lock = NSLock()

  init(enabled: Bool) {
    self.enabled = enabled
  }

  func update(_ done: Int, _ total: Int, _ name: String) {
    guard enabled, total > 0 else { return }
    let width = 24
    let filled = done * width / total
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let label = (name.count > 40 ? "…" + name.suffix(39) : name).escapedForLog
    lock.lock()
    FileHandle.standardError.write(Data("\r\u{1b}[K\(bar) \(done)/\(total) \(label)".utf8))
    lock.unlock()
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1b}[K".utf8))
  }
}

/// `--report FILE.json`: every output and diagnostic of the run.
enum ReportWriter {
  struct Report: Encodable {
    struct Problem: Encodable {
      var file: String
      var line: Int
      var column: Int
      var severity: String
      var code: String
      var message: String
    }
    var imprenta: String
    var documents: Int
    var errors: Int
    var warnings: Int
    var seconds: Double
    var outputs: [OutputRecord]
    var stale: [String]
    var pruned: [String]
    var diagnostics: [Problem]
  }

  static func write(_ r: BatchReport, seconds: Double, to path: String) throws {
    let report = Report(
      imprenta: ImprentaVersion.string, documents: r.documents, errors: r.diagnostics.errorCount, warnings: r.diagnostics.warningCount,
      seconds: (seconds * 1000).rounded() / 1000, outputs: r.outputs, stale: r.stale, pruned: r.pruned,
      diagnostics: r.diagnostics.items.map { .init(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(report)
    // The report's path is the user's own argument: its folder is the one "output folder" it may use.
    let dir = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    try OutputFolder(dir.isEmpty ? "." : dir, contentRoots: []).write([UInt8](data) + [10], to: name, source: "--report")
  }
}
