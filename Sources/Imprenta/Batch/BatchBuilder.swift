import Foundation
import ImprentaPDF
import Synchronization

/// Builds many publications in many formats: in parallel, incrementally (a manifest of input
/// hashes), reproducibly (`SOURCE_DATE_EPOCH`, else each document's newest page date), and safely
/// (atomic writes, outputs confined to the output folder, sources never overwritten).
public struct BatchBuilder: Sendable {
  /// The run's settings.
  public var options: BatchOptions

  /// Creates a builder.
  public init(options: BatchOptions) {
    self.options = options
  }

  /// Builds `publications`. `progress` is called (from worker threads) after each document.
  public func run(_ publications: [Publication], progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> BatchReport {
    var diagnostics = Diagnostics()
    if publications.contains(where: { $0.formats.contains(.pdf) }) { PDFLibraries.warmUp() }
    let styles = loadStyles(publications, &diagnostics)
    let plan = BatchPlan.make(publications, options: options, diagnostics: &diagnostics)
    let units = plan.units(in: options.shard)
    var report = BatchReport()
    let writer: OutputFolder
    do {
      writer = try OutputFolder(
        options.outputFolder, contentRoots: Array(Set(plan.all.flatMap { $0.pages.map(\.root) } + publications.flatMap(\.inputs))),
        project: options.projectFolder, confined: options.outputIsConfined)
    } catch {
      diagnostics.report(error.diagnostic)
      report.diagnostics = diagnostics
      return report
    }
    writer.removeStaleTemporaries()
    let previous = Manifest.load(folder: writer, diagnostics: &diagnostics) ?? Manifest(imprenta: options.version)
    let state = Mutex(RunState(manifest: previous))
    state.withLock { $0.manifest.imprenta = options.version }
    let next = Mutex(0)
    let jobs = max(1, min(options.jobs, units.count))
    let total = units.count
    let results = Mutex([UnitResult?](repeating: nil, count: units.count))
    let running = Mutex(jobs)
    DispatchQueue.concurrentPerform(iterations: jobs) { _ in
      // What each document lets go of is freed on this thread before its next one (`ReleaseBin`);
      // the last job to end keeps it when the process ends with the run (a job ending while
      // others still work frees it, or a batch's peak memory would grow).
      let bin = ReleaseBin()
      defer {
        let last = running.withLock { n -> Bool in
          n -= 1
          return n == 0
        }
        if options.exitsAfterRun && last { ReleaseBin.keepUntilExit(bin) } else { bin.empty() }
      }
      while true {
        let i: Int = next.withLock { n in
          defer { n += 1 }
          return n
        }
        guard i < units.count else { return }
        bin.empty()
        var result = ReleaseBin.$current.withValue(bin) { build(units[i], styles: styles, writer: writer, previous: previous) }
        result.diagnostics = result.diagnostics.deduplicated()
        results.withLock { $0[i] = result }
        let done = state.withLock { s -> Int in
          for r in result.records { s.manifest.outputs[r.path] = r.entry }
          s.done += 1
          // Keep the manifest true as the build goes: at most once a second, and not after the
          // last document (the run saves it once more when every job is done).
          if s.done < total, Date().timeIntervalSince(s.lastSave) > 1 {
            try? s.manifest.save(folder: writer)
            s.lastSave = Date()
          }
          return s.done
        }
        progress?(done, total, units[i].outputName)
      }
    }
    for r in results.withLock({ $0 }) {
      guard let r else { continue }
      report.documents += r.documents
      report.outputs += r.records.map(\.record)
      diagnostics.append(contentsOf: r.diagnostics)
    }
    var manifest = state.withLock { $0.manifest }
    // Outputs of publications or pages that are gone.
    let planned = Set(plan.allOutputPaths)
    let names = Set(publications.map(\.name))
    let projectMode = publications.contains { $0.prefixOutputs }
    for path in manifest.outputs.keys.sorted() where !planned.contains(path) {
      // Gone: its page was deleted, or (with a project file) its publication was removed. An
      // output of other pages built into the same folder by another command is left alone.
      let entry = manifest.outputs[path]!
      let gone = entry.sources.contains { FileSystem.linkStatus($0).kind == .missing } || (projectMode && !names.contains(entry.publication))
      guard gone else { continue }
      if options.prune {
        // Only a regular file Imprenta wrote, inside the output folder, one at a time.
        switch writer.remove(path) {
        case .removed, .absent:
          manifest.outputs[path] = nil
          report.pruned.append(path)
        case .refused(let why):
          diagnostics.report(.pruneRefused, why, file: writer.display(path))
        }
      } else {
        report.stale.append(path)
        diagnostics.report(.staleOutput, "output of a publication or page that no longer exists (use --prune to remove it)", file: writer.display(path))
      }
    }
    if !(units.isEmpty && previous.outputs.isEmpty) {
      do {
        try manifest.save(folder: writer)
      } catch {
        diagnostics.report(error.diagnostic)
      }
    }
    report.diagnostics = diagnostics
    return report
  }

  // MARK: - One unit

  struct RunState {
    var manifest: Manifest
    var done = 0
    var lastSave = Date()
  }

  struct UnitResult {
    var documents = 0
    var records: [(path: String, entry: Manifest.Entry, record: OutputRecord)] = []
    var diagnostics = Diagnostics()
  }

  /// A style loaded once per run, with what build keys hash of it: the text of every file it was
  /// read from (reflecting the whole value cost as much as reading a 300 KB page).
  struct LoadedStyle: Sendable {
    var style: Style
    var fingerprint: String
  }

  func loadStyles(_ publications: [Publication], _ diagnostics: inout Diagnostics) -> [String: Result<LoadedStyle, ImprentaError>] {
    var out: [String: Result<LoadedStyle, ImprentaError>] = [:]
    for name in Set(publications.map { $0.style ?? options.defaultStyle }).sorted() {
      do {
        // A site's own styles/ comes first, and its files may be read.
        let sites = publications.compactMap(\.site?.root)
        var loader = StyleLoader(searchPaths: sites.map { $0 + "/styles" } + options.styleSearchPaths)
        loader.files = ReadPolicy(roots: [options.projectFolder] + sites)
        let style = try loader.load(name, diagnostics: &diagnostics)
        out[name] = .success(LoadedStyle(style: style, fingerprint: style.origin.text))
      } catch let e as ImprentaError {
        out[name] = .failure(e)
      } catch {
        out[name] = .failure(ImprentaError(.styleError, "\(error)", file: name))
      }
    }
    return out
  }

  func build(_ unit: BatchPlan.Unit, styles: [String: Result<LoadedStyle, ImprentaError>], writer: OutputFolder, previous: Manifest) -> UnitResult {
    var result = UnitResult()
    let styleName = unit.publication.style ?? options.defaultStyle
    let style: Style, fingerprint: String
    switch styles[styleName] {
    case .success(let s): (style, fingerprint) = (s.style, s.fingerprint)
    case .failure(let e):
      result.diagnostics.report(e.diagnostic)
      return result
    case nil: return result
    }
    let read = unit.read(fallbackLanguage: style.base.language, includeDrafts: options.includeDrafts, altText: style.accessibility.altTextSource)
    result.diagnostics.append(contentsOf: read.diagnostics)
    ReleaseBin.current?.hold(read)
    let (documents, sourceBytes) = (read.documents, read.bytes)
    guard !documents.isEmpty else { return result }
    let book = unit.book(of: documents, altText: style.accessibility.altTextSource)
    result.documents = unit.publication.book ? 1 : documents.count
    let resources = unit.resources
    let newest = documents.compactMap(\.metadata.date).max()
    let date = options.sourceDateEpoch.map { PageDate(secondsSince1970: $0) } ?? newest ?? PageDate(secondsSince1970: 0)
    var exporter = Exporter(style: style, environment: ExportEnvironment(resources: resources, buildDate: date), baseURL: unit.prepared?.baseURL)
    exporter.webAddresses = unit.prepared?.webAddresses ?? [:]
    let imposition = Imposition(rawValue: options.impose ?? style.print.impose)
    exporter.pdfOptions = PDFOptions(impose: imposition, writeUnimposed: options.writeUnimposed)
    if imposition == nil { exporter.style.print.impose = "none" }  // --impose none overrides the style
    // What every output of this unit depends on.
    var base = BuildKey.Hasher()
    base.add("imprenta", options.version)
    base.add("style", fingerprint)
    base.add("publication", unit.publication.fingerprint)
    base.add("date", date.text)
    base.add("drafts", String(options.includeDrafts))
    base.add("impose", "\(imposition?.rawValue ?? "none") \(options.writeUnimposed)")
    if let prepared = unit.prepared { base.add("site", prepared.fingerprint) }
    // Content problems are found once here, whatever the formats; the files looked up are hashed.
    for (doc, bytes) in zip(documents, sourceBytes) {
      base.add("page", doc.sourcePath)
      base.add("bytes", bytes)
      let lookups = unit.contentCheck(projectFolder: options.projectFolder).check(doc, diagnostics: &result.diagnostics)
      for ref in doc.resourceReferences {
        switch lookups[ref] ?? resources.resource(ref, for: doc) {
        case .found(let r): base.add("resource:" + ref, r.bytes)
        case .missing(let why), .refused(let why): base.add("resource:" + ref, "unavailable: " + why)
        }
      }
    }
    // A book's PDF is laid out first: its EPUB carries the printed page numbers.
    let formats = unit.formats.filter { $0 == .pdf } + unit.formats.filter { $0 != .pdf }
    let tiedToPrint = book != nil && formats.contains(.pdf) && formats.contains(.epub)
    var pageMap: PageMap? = nil
    for format in formats {
      var key = base
      key.add("format", format.rawValue)
      if format == .pdf, style.print.standard == "pdf/x-4" {
        // The output profile is part of the print file: a changed profile file rebuilds it.
        switch OutputProfile.named(style.print.outputProfile, resources: resources, document: documents[0]) {
        case .success(let profile): key.add("output-profile", profile.bytes)
        case .failure(let problem): key.add("output-profile", problem.message)
        }
      }
      if tiedToPrint && format == .epub { key.add("page-list", "pdf") }
      let buildKey = key.finalize()
      // A PDF may be several files: the publication and its imposed sheets (name.booklet.pdf).
      var suffixes = [""]
      if format == .pdf, let imposition { suffixes = options.writeUnimposed ? ["", imposition.suffix] : [imposition.suffix] }
      let names = suffixes.map { unit.outputName + ($0.isEmpty ? "" : "." + $0) }
      let start = Date()
      // With --force nothing is kept, so the outputs already there are not read and hashed.
      let existing = options.force ? [] : names.compactMap { name -> (String, Manifest.Entry)? in
        let relative = name + "." + format.fileExtension
        guard let entry = previous.outputs[relative], entry.key == buildKey,
          let bytes = writer.contents(of: relative), BuildKey.sha256(bytes) == entry.sha256
        else { return nil }
        return (relative, entry)
      }
      if !options.force, existing.count == names.count {
        for (relative, entry) in existing {
          result.records.append((relative, entry, OutputRecord(path: writer.display(relative), format: format.rawValue, bytes: entry.bytes, sha256: entry.sha256, seconds: 0, rebuilt: false)))
        }
        continue
      }
      var d = Diagnostics()
      do {
        var files: [(suffix: String, bytes: [UInt8])]
        if format == .pdf, let book {
          let printed = try exporter.exportPDFBook(book, diagnostics: &d)
          pageMap = printed.pageMap
          files = printed.files.map { ($0.suffix, $0.bytes) }
        } else if format == .pdf {
          files = try exporter.exportPDFFiles([documents[0]], diagnostics: &d).map { ($0.suffix, $0.bytes) }
        } else if format == .epub, tiedToPrint, let book {
          if pageMap == nil {
            // The PDF was up to date: lay it out again for its page breaks (its warnings were
            // given). A PDF that failed leaves the EPUB without a page-list.
            var quiet = Diagnostics()
            pageMap = try? exporter.exportPDFBook(book, diagnostics: &quiet).pageMap
          }
          files = [("", try exporter.export(book, as: .epub, pageMap: pageMap, diagnostics: &d))]
        } else {
          files = [("", try book.map { try exporter.export($0, as: format, diagnostics: &d) } ?? exporter.export(documents[0], as: format, diagnostics: &d))]
        }
        for (suffix, bytes) in files {
          let name = unit.outputName + (suffix.isEmpty ? "" : "." + suffix)
          let relative = name + "." + format.fileExtension
          let target = writer.display(relative)
          if let existing = FileSystem.realPath(writer.realPath + "/" + relative) {
            for page in unit.pages where FileSystem.realPath(page.path) == existing {
              throw ImprentaError(.unsafeOutputPath, "the output would overwrite its source", file: page.path)
            }
          }
          try writer.write(bytes, to: relative, source: unit.pages[0].path)
          let sha = BuildKey.sha256(bytes)
          let entry = Manifest.Entry(key: buildKey, sha256: sha, bytes: bytes.count, publication: unit.publication.name, format: format.rawValue, sources: unit.pages.map(\.path))
          result.records.append((relative, entry, OutputRecord(path: target, format: format.rawValue, bytes: bytes.count, sha256: sha, seconds: Date().timeIntervalSince(start), rebuilt: true)))
        }
      } catch let e as ImprentaError {
        d.report(e.diagnostic)
      } catch {
        d.report(.exportFailed, "\(error)", file: unit.pages[0].path)
      }
      result.diagnostics.append(contentsOf: d)
    }
    return result
  }
}
