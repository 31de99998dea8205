import ArgumentParser
import Foundation
import Imprenta

/// The flags of `build` for Hugo sites (issue 6).
struct SiteFlags: ParsableArguments {
  @Flag(help: "Hugo site: make one book of the whole site (one per language) instead of one output per page.")
  var book = false

  @Option(name: .customLong("section"), help: "Hugo site with --book: only this top-level section (repeatable).")
  var sections: [String] = []

  @Flag(help: "Hugo site: include pages whose publish date is in the future.")
  var future = false

  @Flag(help: "Hugo site: include pages whose expiry date has passed.")
  var expired = false

  var options: SiteBuildOptions {
    SiteBuildOptions(book: book, sections: sections, includeFuture: future, includeExpired: expired)
  }
}

/// What `build` does differently with a Hugo site.
struct SiteBuildOptions {
  var book = false
  var sections: [String] = []
  var includeFuture = false
  var includeExpired = false
}

extension Build {
  /// The Hugo project root when the one input is one.
  var siteRoot: String? {
    guard inputs.count == 1 else { return nil }
    let root = inputs[0].count > 1 && inputs[0].hasSuffix("/") ? String(inputs[0].dropLast()) : inputs[0]
    return HugoProject.isProject(root) ? root : nil
  }

  /// Builds a Hugo site: every page Hugo would build (one output per page), or with `--book` one
  /// publication per language named `book[.<lang>].<ext>`.
  func runSite(root: String) -> Report {
    var report = Report()
    report.diagnostics = exportSite(root: root, into: &report)
    return report
  }

  private func exportSite(root: String, into report: inout Report) -> Diagnostics {
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
    // "Now" is the clock's, read here and handed to the reader; output dates follow SOURCE_DATE_EPOCH.
    let now = PageDate(secondsSince1970: Int(Date().timeIntervalSince1970))
    let options = SiteReader.Options(includeDrafts: includeDrafts, includeFuture: site.includeFuture, includeExpired: site.includeExpired, now: now)
    let project: HugoProject
    do {
      project = try HugoProject(root: root, options: options, diagnostics: &diagnostics)
    } catch let error as ImprentaError {
      diagnostics.report(error.diagnostic)
      return diagnostics
    } catch {
      diagnostics.error("site-error", "\(error)", file: root)
      return diagnostics
    }
    for skipped in project.site.skipped {
      diagnostics.note("page-skipped", "\(skipped.reason.rawValue) page skipped", file: skipped.path)
    }
    let writer = OutputWriter(folder: outputFolder)
    writer.removeStaleTemporaries()
    let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    func exporter(date: PageDate?) -> Exporter {
      Exporter(style: style, environment: ExportEnvironment(resources: project.resources, buildDate: epoch.map { PageDate(secondsSince1970: $0) } ?? date ?? PageDate(secondsSince1970: 0)))
    }
    if site.book {
      for book in project.books(sections: site.sections, diagnostics: &diagnostics) {
        report.pages += book.entries.count
        let name = project.bookName(language: book.documents.first.flatMap { d in project.site.pages.first { $0.document.relativeName == d.relativeName }?.language } ?? "")
        let newest = book.documents.compactMap(\.metadata.date).max()
        for format in formats {
          do {
            let bytes = try exporter(date: newest).export(book, as: format, diagnostics: &diagnostics)
            report.written.append(try writer.write(bytes, relativeName: name, extension: format.fileExtension, source: root))
          } catch let error as ImprentaError {
            diagnostics.report(error.diagnostic)
          } catch {
            diagnostics.error("export-failed", "\(error)", file: root)
          }
        }
      }
      return diagnostics
    }
    for document in project.documents(diagnostics: &diagnostics) {
      report.pages += 1
      for format in formats {
        do {
          let bytes = try exporter(date: document.metadata.date).export(document, as: format, diagnostics: &diagnostics)
          report.written.append(try writer.write(bytes, relativeName: document.relativeName, extension: format.fileExtension, source: document.sourcePath))
        } catch let error as ImprentaError {
          diagnostics.report(error.diagnostic)
        } catch {
          diagnostics.error("export-failed", "\(error)", file: document.sourcePath)
        }
      }
    }
    return diagnostics
  }
}
