import ImprentaModel

/// What the PDF/X-4 conversion of a publication's files found, reported once for all files:
/// what stayed RGB (the file then does not claim PDF/X-4) and, with preflight, pages over the
/// ink limit.
struct PDFXFindings {
  /// The output profile; nil when the style does not ask for PDF/X-4.
  let profile: OutputProfile?
  private var reports: [(report: QPDFPostProcessor.PDFXReport, imposed: Bool)] = []

  init(profile: OutputProfile?) {
    self.profile = profile
  }

  mutating func add(_ report: QPDFPostProcessor.PDFXReport, imposed: Bool) {
    reports.append((report, imposed))
  }

  func report(into diagnostics: inout Diagnostics, preflight: Bool, labels: [String], file: String) {
    let unconverted = Set(reports.flatMap(\.report.unconverted)).sorted()
    if !unconverted.isEmpty {
      diagnostics.report(
        .pdfxIncomplete, "the print PDF is not PDF/X-4: \(unconverted.joined(separator: "; ")) could not be converted to CMYK", file: file)
    }
    guard preflight else { return }
    // The imposed sheets repeat the pages: their findings only when the pages were not written.
    let pagesWritten = reports.contains { !$0.imposed }
    for (report, imposed) in reports where !imposed || !pagesWritten {
      for heavy in report.heavyInk {
        let place = imposed ? "sheet side \(heavy.page + 1)" : "page \(heavy.page < labels.count ? labels[heavy.page] : String(heavy.page + 1))"
        diagnostics.report(
          .preflightInkCoverage,
          "\(heavy.what) on \(place) asks for \(Int(heavy.percent.rounded())) % total ink (over \(Int(QPDFPostProcessor.inkLimit)) %): it may not dry and may set off",
          file: file)
      }
    }
  }
}
