import Dispatch
import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// PDFs written on several threads at once are byte-identical to PDFs written one at a time.
/// Pango 1.50 computes a font's approximate character width under a process-wide flag
/// (`FontMetricsGuard` explains it); before the guard, about one PDF in three of the shipped
/// content differed when two were written at once.
@Suite struct ConcurrencyTests {
  @Test func parallelWritesGiveTheSameBytesAsSerialOnes() throws {
    let docs = [try PDFTest.fixture("english.md"), try PDFTest.fixture("espanol-largo.md")]
    let serial = try docs.map { doc -> [UInt8] in
      var d = Diagnostics()
      return try PDFWriter(style: Style()).write([doc], environment: PDFTest.environment, diagnostics: &d)
    }
    let rounds = 4
    let results = Results(count: rounds * docs.count)
    DispatchQueue.concurrentPerform(iterations: rounds * docs.count) { k in
      var d = Diagnostics()
      let bytes = try? PDFWriter(style: Style()).write([docs[k % docs.count]], environment: PDFTest.environment, diagnostics: &d)
      results.set(k, bytes ?? [])
    }
    for k in 0..<rounds * docs.count {
      let same = results.get(k) == serial[k % docs.count]
      #expect(same, "write \(k) differs from the serial one")
    }
  }

  /// Collects the bytes each thread wrote.
  final class Results: @unchecked Sendable {
    private var values: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ k: Int, _ v: [UInt8]) { lock.withLock { values[k] = v } }
    func get(_ k: Int) -> [UInt8] { lock.withLock { values[k] } }
  }
}
