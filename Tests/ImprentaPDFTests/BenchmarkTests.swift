import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Not a timed test: with `IMPRENTA_PDF_BENCH=<sections>` it writes a large generated document
/// and prints pages per second and peak memory; otherwise it does nothing.
@Suite struct BenchmarkTests {
  static func generated(sections: Int) -> String {
    var md = "---\ntitle: \"Documento de prueba\"\nlang: es\n---\n\n"
    let words = ["participación", "ciudadana", "transparencia", "información", "pública", "gobierno", "abierto", "compromisos",
                 "implementación", "estrategias", "tecnológicas", "rendición", "cuentas", "sociedad", "civil", "acceso", "derecho"]
    var seed: UInt64 = 42
    func next() -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int(seed >> 33)
    }
    func sentence() -> String {
      let n = 8 + next() % 12
      var s = (0..<n).map { _ in words[next() % words.count] }.joined(separator: " ")
      s = s.prefix(1).uppercased() + s.dropFirst()
      return s + "."
    }
    for i in 1...sections {
      md += "## Sección \(i)\n\n"
      for _ in 0..<4 { md += (0..<5).map { _ in sentence() }.joined(separator: " ") + "\n\n" }
      if i % 3 == 0 { md += "- " + sentence() + "\n- " + sentence() + "\n  - " + sentence() + "\n\n" }
      if i % 5 == 0 { md += "| A | B |\n|---|---|\n" + (0..<6).map { _ in "| \(sentence()) | \(next() % 1000) |\n" }.joined() + "\n" }
      if i % 7 == 0 { md += "```\nlet x = \(i)\nprint(x)\n```\n\n" }
    }
    return md
  }

  static func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }

  @Test func largeDocument() throws {
    guard let text = ProcessInfo.processInfo.environment["IMPRENTA_PDF_BENCH"], let sections = Int(text) else { return }
    let doc = try PDFTest.document(Self.generated(sections: sections))
    var d = Diagnostics()
    let t0 = Date()
    let layout = PDFWriter(style: Style()).layout(doc, environment: .empty, diagnostics: &d)
    let t1 = Date()
    let bytes = try PDFWriter(style: Style()).write([doc], environment: .empty, diagnostics: &d)
    let t2 = Date()
    let pages = layout.pages.count
    print("BENCH sections=\(sections) pages=\(pages) layout=\(String(format: "%.2f", t1.timeIntervalSince(t0)))s write(layout+paint+qpdf)=\(String(format: "%.2f", t2.timeIntervalSince(t1)))s pages/s=\(String(format: "%.0f", Double(pages) / t2.timeIntervalSince(t1))) bytes=\(bytes.count) peakMB=\(String(format: "%.0f", Self.peakMemoryMB()))")
  }
}
