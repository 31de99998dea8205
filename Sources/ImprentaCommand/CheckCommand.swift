import ArgumentParser
import Foundation
import Imprenta

/// `imprenta check`: validates pages, links, images, styles and the project file; writes nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate everything a build would read, without writing outputs.",
    discussion: "Same diagnostics and exit statuses as build: 0 clean; 1 an error, or any warning with --strict.")

  @OptionGroup var common: CommonOptions

  @Flag(help: "Lay out each PDF (nothing is written) and report what would spoil a print run: images under the style's ppi, fonts not embedded, text or images at the trim, missing bleed.")
  var preflight = false

  @OptionGroup(title: "Hugo sites") var site: SiteFlags

  func run() throws {
    let start = Date()
    var diagnostics = Diagnostics()
    let work = try common.publications(diagnostics: &diagnostics)
    var checker = Checker(styleSearchPaths: CommonOptions.styleSearchPaths, defaultStyle: common.style ?? "default", preflight: preflight)
    checker.projectFolder = work.projectFolder
    let publications = try common.siteRoot.map { [site.publication(root: $0, formats: try common.formats(), style: common.style)] } ?? work.publications
    let result = checker.check(publications)
    diagnostics.append(contentsOf: result.diagnostics)
    diagnostics = work.levels.apply(to: diagnostics)
    DiagnosticPrinter(format: common.diagnostics, verbose: common.verbose).print(diagnostics)
    if !common.quiet {
      var report = BatchReport()
      report.documents = result.documents
      report.diagnostics = diagnostics
      let line = Summary.line(report, seconds: Date().timeIntervalSince(start)).replacingOccurrences(of: ", 0 outputs", with: " checked")
      FileHandle.standardError.write(Data((line + "\n").utf8))
    }
    if diagnostics.hasErrors || (common.strict && diagnostics.warningCount > 0) { throw ExitCode(1) }
  }
}
