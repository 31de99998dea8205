import ArgumentParser
import Foundation
import Imprenta

/// The flags of `build` for Hugo sites.
struct SiteFlags: ParsableArguments {
  @Flag(help: "Hugo site: make one book of the whole site (one per language) instead of one output per page.")
  var book = false

  @Option(name: .customLong("section"), help: "Hugo site with --book: only this top-level section (repeatable).")
  var sections: [String] = []

  @Flag(help: "Hugo site: include pages whose publish date is in the future.")
  var future = false

  @Flag(help: "Hugo site: include pages whose expiry date has passed.")
  var expired = false
}

/// Builds a Hugo site: every page Hugo would build (one output per page, named after its path in
/// the site), or with `--book` one book per language, `book[.<lang>].<ext>`.
struct SiteBuild {
  var root: String
  var formats: [OutputFormat]
  var styleName: String
  /// The run's settings (output folder, project folder, drafts, SOURCE_DATE_EPOCH).
  var options: BatchOptions
  var flags: SiteFlags

  func run() -> BatchReport {
    var report = BatchReport()
    report.diagnostics = export(into: &report)
    return report
  }

  private func export(into report: inout BatchReport) -> Diagnostics {
    var diagnostics = Diagnostics()
    let style: Style
    do {
      var loader = StyleLoader(searchPaths: [root + "/styles"] + CommonOptions.styleSearchPaths)
      loader.files = ReadPolicy(roots: [root, options.projectFolder])
      style = try loader.load(styleName, diagnostics: &diagnostics)
    } catch let error as ImprentaError {
      diagnostics.report(error.diagnostic)
      return diagnostics
    } catch {
      diagnostics.report(.styleError, "\(error)", file: styleName)
      return diagnostics
    }
    // "Now" is the clock's, read here and handed to the reader; output dates follow SOURCE_DATE_EPOCH.
    let now = PageDate(secondsSince1970: Int(Date().timeIntervalSince1970))
    let readOptions = SiteReader.Options(includeDrafts: options.includeDrafts, includeFuture: flags.future, includeExpired: flags.expired, now: now)
    let project: HugoProject
    do {
      project = try HugoProject(root: root, options: readOptions, diagnostics: &diagnostics)
    } catch let error as ImprentaError {
      diagnostics.report(error.diagnostic)
      return diagnostics
    } catch {
      diagnostics.report(.siteError, "\(error)", file: root)
      return diagnostics
    }
    for skipped in project.site.skipped {
      diagnostics.report(.pageSkipped, "\(skipped.reason.rawValue) page skipped", file: skipped.path)
    }
    let writer: OutputFolder
    do {
      writer = try OutputFolder(options.outputFolder, contentRoots: [root], project: options.projectFolder, confined: options.outputIsConfined)
    } catch {
      diagnostics.report(error.diagnostic)
      return diagnostics
    }
    writer.removeStaleTemporaries()
    let epoch = options.sourceDateEpoch
    let baseURL = project.site.config.baseURL.isEmpty ? nil : project.site.config.baseURL
    func exporter(date: PageDate?) -> Exporter {
      Exporter(
        style: style,
        environment: ExportEnvironment(resources: project.resources, buildDate: epoch.map { PageDate(secondsSince1970: $0) } ?? date ?? PageDate(secondsSince1970: 0)),
        baseURL: baseURL)
    }
    func write(_ bytes: [UInt8], name: String, format: OutputFormat, source: String, start: Date) throws {
      let relative = name + "." + format.fileExtension
      try writer.write(bytes, to: relative, source: source)
      report.outputs.append(OutputRecord(path: writer.display(relative), format: format.rawValue, bytes: bytes.count, sha256: BuildKey.sha256(bytes), seconds: Date().timeIntervalSince(start), rebuilt: true))
    }
    if flags.book {
      for book in project.books(sections: flags.sections, diagnostics: &diagnostics) {
        for document in book.documents { ContentCheck(resources: project.resources).check(document, diagnostics: &diagnostics) }
        report.documents += 1
        let language = book.documents.first.flatMap { d in project.site.pages.first { $0.document.relativeName == d.relativeName }?.language } ?? ""
        let name = project.bookName(language: language)
        let newest = book.documents.compactMap(\.metadata.date).max()
        for format in formats {
          do {
            let start = Date()
            try write(try exporter(date: newest).export(book, as: format, diagnostics: &diagnostics), name: name, format: format, source: root, start: start)
          } catch let error as ImprentaError {
            diagnostics.report(error.diagnostic)
          } catch {
            diagnostics.report(.exportFailed, "\(error)", file: root)
          }
        }
      }
      return diagnostics
    }
    for document in project.documents(diagnostics: &diagnostics) {
      ContentCheck(resources: project.resources).check(document, diagnostics: &diagnostics)
      report.documents += 1
      for format in formats {
        do {
          let start = Date()
          try write(try exporter(date: document.metadata.date).export(document, as: format, diagnostics: &diagnostics), name: document.relativeName, format: format, source: document.sourcePath, start: start)
        } catch let error as ImprentaError {
          diagnostics.report(error.diagnostic)
        } catch {
          diagnostics.report(.exportFailed, "\(error)", file: document.sourcePath)
        }
      }
    }
    return diagnostics
  }
}
