import ArgumentParser
import Foundation
import Imprenta

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument {
  /// `file:line:col: severity: message`.
  case text
  /// GitHub Actions annotations (`::warning file=…,line=…::…`).
  case github
}

/// Options shared by `build` and `check`.
struct CommonOptions: ParsableArguments {
  @Argument(help: "Markdown files, folders or globs (default: content/, or the project file's publications).")
  var inputs: [String] = []

  @Option(name: .long, help: "A project file listing publications (default: ./imprenta.yaml when no INPUT is given).")
  var project: String?

  @Option(name: .shortAndLong, help: "Formats, comma-separated: txt, pdf, epub, xhtml (default: every format this build writes).")
  var format: [String] = []

  @Option(name: .shortAndLong, help: "A style name from styles/ or a style file path.")
  var style: String?

  @Flag(help: "Fail (exit 1) when any warning is given.")
  var strict = false

  @Option(help: "How diagnostics are printed: text or github (GitHub Actions annotations).")
  var diagnostics: DiagnosticFormat = .text

  @Flag(name: .shortAndLong, help: "Print only errors and warnings, not the summary.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Print notes and every output.")
  var verbose = false

  /// Folders where named styles are looked for: `./styles`, then the one installed beside the binary.
  static var styleSearchPaths: [String] {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    return ["styles", exe.appendingPathComponent("../share/imprenta/styles").standardizedFileURL.path]
  }

  /// The formats asked for; an unknown or not-yet-built format is a usage error.
  func formats() throws -> [OutputFormat] {
    let available = OutputFormat.allCases.filter { Exporter.availableFormats.contains($0) }
    let names = format.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: " ").lowercased() }
    if names.isEmpty { return available }
    var out: [OutputFormat] = []
    for name in names {
      guard let f = OutputFormat(rawValue: name == "text" ? "txt" : name == "html" ? "xhtml" : name) else {
        throw ValidationError("unknown format '\(name)': choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard Exporter.availableFormats.contains(f) else {
        throw ValidationError("the \(f.rawValue) format is not built yet: this build writes \(available.map(\.rawValue).joined(separator: ", "))")
      }
      if !out.contains(f) { out.append(f) }
    }
    return out
  }

  /// What a run works on: publications, the output folder a project file asks for, and the
  /// project folder (the project file's folder, else the current one).
  /// The Hugo project root, when the one input is one.
  var siteRoot: String? {
    guard inputs.count == 1 else { return nil }
    let input = inputs[0]
    let root = input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input
    return HugoProject.isProject(root) ? root : nil
  }

  struct Work {
    var publications: [Publication]
    var output: String?
    var projectFolder: String
    /// The project file's per-code levels.
    var levels = DiagnosticLevels()
  }

  /// The publications to build: the project file's, or one made of the inputs.
  func publications(diagnostics: inout Diagnostics) throws -> Work {
    let projectPath = project ?? (inputs.isEmpty && FileSystem.linkStatus(ProjectFile.fileName).kind != .missing ? ProjectFile.fileName : nil)
    guard let projectPath else {
      return Work(
        publications: [Publication(name: "pages", inputs: inputs.isEmpty ? ["content"] : inputs, formats: try formats(), prefixOutputs: false)],
        output: nil, projectFolder: FileSystem.currentFolder)
    }
    do {
      var file = try ProjectFile.load(projectPath, diagnostics: &diagnostics)
      if !format.isEmpty {
        let chosen = try formats()
        for i in file.publications.indices { file.publications[i].formats = chosen }
      }
      if let style {
        for i in file.publications.indices where file.publications[i].style == nil { file.publications[i].style = style }
      }
      let folder = (projectPath as NSString).deletingLastPathComponent
      return Work(
        publications: file.publications, output: file.output, projectFolder: FileSystem.absolute(folder.isEmpty ? "." : folder), levels: file.levels)
    } catch let error as ImprentaError {
      if !diagnostics.items.contains(error.diagnostic) { diagnostics.report(error.diagnostic) }
      DiagnosticPrinter(format: self.diagnostics, verbose: verbose).print(diagnostics)
      throw ExitCode(1)
    }
  }
}
