import Foundation
import Imprenta

/// One run of `build`: find pages, read each, export each format, write each output safely.
struct Build {
  var inputs: [String]
  var formats: [OutputFormat]
  var styleName: String
  var outputFolder: String
  var includeDrafts: Bool
  /// Hugo sites (issue 6): see Build+Site.swift.
  var site = SiteBuildOptions()

  struct Report {
    var pages = 0
    var written: [String] = []
    var diagnostics = Diagnostics()
  }

  /// Folders where named styles are looked for: `./styles`, then the one installed beside the binary.
  static var styleSearchPaths: [String] {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    return ["styles", exe.appendingPathComponent("../share/imprenta/styles").standardizedFileURL.path]
  }

  func run() -> Report {
    if let root = siteRoot { return runSite(root: root) }
    var report = Report()
    report.diagnostics = export(into: &report)
    return report
  }

  /// Exports every page; returns the diagnostics of the whole run.
  private func export(into report: inout Report) -> Diagnostics {
    var diagnostics = Diagnostics()
    let style: Style
    do {
      style = try StyleLoader(searchPaths: Build.styleSearchPaths).load(styleName, diagnostics: &diagnostics)
    } catch let error as ImprentaError {
      diagnostics.report(error.diagnostic)
      return diagnostics
    } catch {
      diagnostics.error("style-error", "\(error)", file: styleName)
      return diagnostics
    }
    let pages = PageFinder.pages(of: inputs, diagnostics: &diagnostics)
    let reader = PageReader()
    let writer = OutputWriter(folder: outputFolder)
    writer.removeStaleTemporaries()
    let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    for page in pages {
      var pageDiagnostics = Diagnostics()
      do {
        let document = try reader.read(contentsOf: page.path, relativeName: page.relativeName, diagnostics: &pageDiagnostics)
        if document.metadata.draft && !includeDrafts {
          pageDiagnostics.note("draft-skipped", "draft page skipped (use --drafts to export it)", file: page.path)
          diagnostics.append(contentsOf: pageDiagnostics)
          continue
        }
        report.pages += 1
        let date = epoch.map { PageDate(secondsSince1970: $0) } ?? document.metadata.date ?? PageDate(secondsSince1970: 0)
        let exporter = Exporter(style: style, environment: ExportEnvironment(resources: FileResources(root: page.root), buildDate: date))
        for format in formats {
          let bytes = try exporter.export(document, as: format, diagnostics: &pageDiagnostics)
          let path = try writer.write(bytes, relativeName: page.relativeName, extension: format.fileExtension, source: page.path)
          report.written.append(path)
        }
      } catch let error as ImprentaError {
        pageDiagnostics.report(error.diagnostic)
      } catch {
        pageDiagnostics.error("export-failed", "\(error)", file: page.path)
      }
      diagnostics.append(contentsOf: pageDiagnostics)
    }
    if pages.isEmpty && !diagnostics.hasErrors {
      diagnostics.warning("no-pages", "no Markdown pages found", file: inputs.joined(separator: ", "))
    }
    return diagnostics
  }
}
