import ArgumentParser
import Foundation
import Imprenta

/// `imprenta build`: exports pages (or a project's publications) into an output folder.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Export Markdown pages or a project's publications to the chosen formats.",
    discussion: """
      With INPUT (Markdown files, folders or globs; default content/), every page becomes
      OUTPUT/<relative path>.<format>. With no INPUT and an imprenta.yaml in the current folder (or
      --project FILE), its publications are built (OUTPUT/<name>/… or OUTPUT/<name>.<format> for a
      book). Unchanged outputs are not rebuilt (a manifest in OUTPUT records input hashes).
      Diagnostics go to stderr as file:line:col: severity: message.
      Exit status: 0 success; 1 a document failed, or any warning with --strict; 64 bad arguments.
      """)

  @OptionGroup var common: CommonOptions

  @Option(name: .shortAndLong, help: "The folder outputs are written into (default: output, or the project file's 'output').")
  var output: String?

  @Flag(help: "Export pages marked draft too.")
  var drafts = false

  @Option(name: .shortAndLong, help: "Documents exported at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Rebuild every output, even those whose inputs have not changed.")
  var force = false

  @Flag(help: "Remove outputs whose publication or page no longer exists.")
  var prune = false

  @Option(help: "Build only the K-th of N deterministic, size-balanced shares (for CI matrices), e.g. 2/4.")
  var shard: String?

  @Option(help: "Write a JSON report of every output and diagnostic to this file.")
  var report: String?

  @Option(help: "Impose PDFs for print: booklet (saddle-stitched, pages padded to a multiple of 4) or 2up; written as NAME.booklet.pdf beside NAME.pdf (default: the style's print.impose).")
  var impose: String?

  @Flag(help: "With --impose (or a style that imposes), write only the imposed PDF.")
  var imposedOnly = false

  @OptionGroup(title: "Hugo sites") var site: SiteFlags

  func validate() throws {
    _ = try common.formats()
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    if let shard, Shard(parsing: shard) == nil {
      throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N ≤ \(Budget.shardCount.limit), e.g. 2/4 \(Budget.shardCount.clause)")
    }
    if let impose, !["booklet", "2up", "none"].contains(impose) { throw ValidationError("--impose takes booklet, 2up or none") }
  }

  func run() throws {
    let start = Date()
    let printer = DiagnosticPrinter(format: common.diagnostics, verbose: common.verbose)
    var diagnostics = Diagnostics()
    let work = try common.publications(diagnostics: &diagnostics)
    let publications = work.publications
    var options = BatchOptions(
      outputFolder: output ?? work.output ?? "output", jobs: jobs, defaultFormats: try common.formats(), version: ImprentaVersion.string)
    options.projectFolder = work.projectFolder
    // The default `output` and a project file's `output` must stay in the project; --output is the user's own.
    options.outputIsConfined = output == nil
    options.force = force
    options.prune = prune
    options.includeDrafts = drafts
    options.shard = shard.flatMap(Shard.init(parsing:))
    options.defaultStyle = common.style ?? "default"
    options.styleSearchPaths = CommonOptions.styleSearchPaths
    options.impose = impose
    options.writeUnimposed = !imposedOnly
    options.exitsAfterRun = true
    switch SourceDateEpoch.read(ProcessInfo.processInfo.environment) {
    case .success(let epoch): options.sourceDateEpoch = epoch
    case .failure(let failure):
      printer.print(Diagnostics([Diagnostic(.error, code: .invalidSourceDateEpoch, file: "SOURCE_DATE_EPOCH", message: failure.message)]))
      throw ExitCode(64)
    }
    // A Hugo site is one more kind of publication: the same builder, jobs, manifest and shards.
    let formats = try common.formats()
    let built = common.siteRoot.map { [site.publication(root: $0, formats: formats, style: common.style)] } ?? publications
    let progress = ProgressBar(enabled: !common.quiet && isatty(2) != 0 && common.diagnostics == .text)
    var result = BatchBuilder(options: options).run(built) { done, total, name in progress.update(done, total, name) }
    progress.finish()
    diagnostics.append(contentsOf: result.diagnostics)
    // The project's per-code levels, then --strict on what remains.
    diagnostics = work.levels.apply(to: diagnostics)
    result.diagnostics = diagnostics
    printer.print(diagnostics)
    if common.verbose {
      // Names come from content and from the manifest: one escaped line each.
      for o in result.outputs { FileHandle.standardError.write(Data("\(o.rebuilt ? "wrote" : "up to date") \(o.path.escapedForLog)\n".utf8)) }
      for p in result.pruned { FileHandle.standardError.write(Data("removed \(p.escapedForLog)\n".utf8)) }
    }
    let seconds = Date().timeIntervalSince(start)
    if let report {
      do {
        try ReportWriter.write(result, seconds: seconds, to: report)
      } catch let error as ImprentaError {
        diagnostics.report(error.diagnostic)
        printer.print(Diagnostics([error.diagnostic]))
      }
    }
    if !common.quiet {
      FileHandle.standardError.write(Data((Summary.line(result, seconds: seconds) + "\n").utf8))
    }
    if diagnostics.hasErrors || (common.strict && diagnostics.warningCount > 0) {
      throw ExitCode(1)
    }
  }
}
