import ArgumentParser
import Foundation
import Imprenta

/// `imprenta build`: exports pages into an output folder.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Export Markdown pages to the chosen formats.",
    discussion: """
      Every page found in INPUT (a Markdown file or a folder, default content/) becomes
      OUTPUT/<relative path>.<format>. Diagnostics go to stderr as file:line:col: severity: message.
      Exit status: 0 success; 1 a page failed, or any warning with --strict; 64 bad arguments.
      """)

  @Argument(help: "Markdown files or folders of pages (default: content/).")
  var inputs: [String] = []

  @Option(name: .shortAndLong, help: "Formats, comma-separated: txt, pdf, epub, xhtml (default: every format this build writes).")
  var format: [String] = []

  @Option(name: .shortAndLong, help: "A style name from styles/ or a style file path.")
  var style: String = "default"

  @Option(name: .shortAndLong, help: "The folder outputs are written into.")
  var output: String = "output"

  @Flag(help: "Fail (exit 1) when any warning is given.")
  var strict = false

  @Flag(help: "Export pages marked draft too.")
  var drafts = false

  @OptionGroup var siteFlags: SiteFlags

  @Flag(name: .shortAndLong, help: "Print only errors and warnings, not the summary.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Print notes and every output written.")
  var verbose = false

  func validate() throws {
    _ = try formats()
  }

  /// The formats asked for; an unknown or not-yet-built format is a usage error.
  func formats() throws -> [OutputFormat] {
    let names = format.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: " ").lowercased() }
    if names.isEmpty { return OutputFormat.allCases.filter { Exporter.availableFormats.contains($0) } }
    var out: [OutputFormat] = []
    for name in names {
      guard let f = OutputFormat(rawValue: name == "text" ? "txt" : name == "html" ? "xhtml" : name) else {
        throw ValidationError("unknown format '\(name)': choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard Exporter.availableFormats.contains(f) else {
        throw ValidationError("the \(f.rawValue) format is not built yet: this build writes \(OutputFormat.allCases.filter { Exporter.availableFormats.contains($0) }.map(\.rawValue).joined(separator: ", "))")
      }
      if !out.contains(f) { out.append(f) }
    }
    return out
  }

  func run() throws {
    let start = Date()
    let build = Build(
      inputs: inputs.isEmpty ? ["content"] : inputs, formats: try formats(), styleName: style, outputFolder: output,
      includeDrafts: drafts, site: siteFlags.options)
    let report = build.run()
    let printer = DiagnosticPrinter(verbose: verbose)
    printer.print(report.diagnostics)
    if verbose {
      for path in report.written { FileHandle.standardError.write(Data("wrote \(path)\n".utf8)) }
    }
    if !quiet {
      let seconds = Date().timeIntervalSince(start)
      let d = report.diagnostics
      let summary = "\(report.pages) page\(report.pages == 1 ? "" : "s"), \(report.written.count) output\(report.written.count == 1 ? "" : "s"), \(d.errorCount) error\(d.errorCount == 1 ? "" : "s"), \(d.warningCount) warning\(d.warningCount == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s\n"
      FileHandle.standardError.write(Data(summary.utf8))
    }
    if report.diagnostics.hasErrors || (strict && report.diagnostics.warningCount > 0) {
      throw ExitCode(1)
    }
  }
}
