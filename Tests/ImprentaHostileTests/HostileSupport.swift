import Foundation
import Imprenta
import ImprentaTestSupport
import Testing

/// Runs hostile pages through the reader and every backend, the way the command does, and
/// checks what comes out: complete outputs, the expected diagnostic, nothing read from outside
/// the content root.
enum Hostile {
  static let formats: [OutputFormat] = [.txt, .xhtml, .epub, .pdf]

  /// What one page became.
  struct Run {
    var diagnostics: Diagnostics
    var outputs: [OutputFormat: [UInt8]]
    var error: ImprentaError?
    var opened: [String]
    var elapsed: Duration

    var codes: Set<String> { Set(diagnostics.items.map(\.code.rawValue) + (error.map { [$0.diagnostic.code.rawValue] } ?? [])) }
    var text: String { outputs[.txt].map { String(decoding: $0, as: UTF8.self) } ?? "" }
    var xhtml: String { outputs[.xhtml].map { String(decoding: $0, as: UTF8.self) } ?? "" }
  }

  /// A resource provider that records every file it serves.
  final class Recording: ResourceProvider, @unchecked Sendable {
    let inner: FileResources
    private let lock = NSLock()
    private var served: [String] = []
    init(_ inner: FileResources) { self.inner = inner }
    func resource(_ reference: String, for document: Document) -> ResourceLookup {
      let r = inner.resource(reference, for: document)
      if case .found(let res) = r {
        lock.lock()
        served.append(res.name)
        lock.unlock()
      }
      return r
    }
    var names: [String] {
      lock.lock()
      defer { lock.unlock() }
      return served
    }
  }

  /// A scratch site: `root/content` is the content root, `root/outside` holds a secret that must
  /// never be read.
  struct Site {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    static let secret = "IMPRENTA-SECRET-\(UUID().uuidString)"

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-hostile-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
      try Data(Site.secret.utf8).write(to: root.appendingPathComponent("outside/secret.txt"))
      try Data(Site.secret.utf8).write(to: root.appendingPathComponent("outside/secret.png"))
      try Data(Hostile.tinyPNG).write(to: root.appendingPathComponent("outside/real.png"))
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
      let url = content.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  /// Reads `bytes` as `content/page.md` of a scratch site and writes it to every format.
  static func run(_ bytes: [UInt8], files: [String: [UInt8]] = [:], formats: [OutputFormat] = formats, prepare: (Site) throws -> Void = { _ in }) throws -> Run {
    let site = try Site()
    defer { site.remove() }
    for (name, data) in files { try site.write(name, data) }
    try prepare(site)
    try site.write("page.md", bytes)
    let clock = ContinuousClock()
    let start = clock.now
    var diagnostics = Diagnostics()
    let recording = Recording(FileResources(root: site.content.path))
    let exporter = Exporter(style: Style(), environment: ExportEnvironment(resources: recording, buildDate: PageDate(secondsSince1970: 1_700_000_000)))
    var outputs: [OutputFormat: [UInt8]] = [:]
    var error: ImprentaError?
    do {
      let document = try PageReader().read(contentsOf: site.content.appendingPathComponent("page.md").path, relativeName: "page", diagnostics: &diagnostics)
      // As a build does: content problems once, then every format.
      ContentCheck(resources: recording).check(document, diagnostics: &diagnostics)
      for format in formats {
        outputs[format] = try exporter.export(document, as: format, diagnostics: &diagnostics)
      }
    } catch let e as ImprentaError {
      error = e
    }
    let run = Run(diagnostics: diagnostics, outputs: outputs, error: error, opened: recording.names, elapsed: clock.now - start)
    checkComplete(run)
    // Nothing from outside the content root: the secret is in no output.
    for (format, data) in outputs {
      #expect(!String(decoding: data, as: UTF8.self).contains(Site.secret), "\(format) holds a file from outside the root")
    }
    return run
  }

  static func run(_ text: String, files: [String: [UInt8]] = [:], formats: [OutputFormat] = formats, prepare: (Site) throws -> Void = { _ in }) throws -> Run {
    try run(Array(text.utf8), files: files, formats: formats, prepare: prepare)
  }

  /// Every output is whole: PDF from `%PDF-` to `%%EOF`, EPUB a ZIP with its end record,
  /// XHTML a closed document, text valid UTF-8.
  static func checkComplete(_ run: Run) {
    if let pdf = run.outputs[.pdf] {
      #expect(pdf.starts(with: Array("%PDF-".utf8)), "PDF does not start with %PDF-")
      let tail = String(decoding: pdf.suffix(16), as: UTF8.self)
      #expect(tail.contains("%%EOF"), "PDF is truncated")
    }
    if let epub = run.outputs[.epub] {
      #expect(epub.starts(with: [0x50, 0x4B, 0x03, 0x04]), "EPUB is not a ZIP")
      // The end-of-central-directory record sits in the last 22 bytes (no archive comment).
      #expect(epub.count >= 22 && Array(epub[(epub.count - 22)..<(epub.count - 18)]) == [0x50, 0x4B, 0x05, 0x06], "EPUB is truncated")
    }
    if let xhtml = run.outputs[.xhtml] {
      let s = String(decoding: xhtml, as: UTF8.self)
      #expect(s.contains("<html") && s.hasSuffix("</html>\n") || s.hasSuffix("</html>"), "XHTML is not a whole document")
    }
    if let text = run.outputs[.txt] {
      #expect(String(validating: text, as: UTF8.self) != nil, "text output is not UTF-8")
    }
  }

  /// A 1 × 1 PNG.
  static let tinyPNG: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
    0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
  ]

  /// Sizes are divided by this unless `IMPRENTA_HOSTILE_FULL=1` (cmark's own sizes, minutes of
  /// debug-build work on two cores): the default keeps the suite fast and still far past the
  /// budgets, so every guard is exercised.
  static let divisor = ProcessInfo.processInfo.environment["IMPRENTA_HOSTILE_FULL"] == "1" ? 1 : 8

  /// Loose bound: hostile input must finish, not be fast; a debug build on a loaded 2-core
  /// machine gets a wide margin.
  static let bound = Duration.seconds(60)
}

extension String {
  func count(of needle: String) -> Int {
    var n = 0
    var rest = self[...]
    while let r = rest.range(of: needle) {
      n += 1
      rest = rest[r.upperBound...]
    }
    return n
  }
}
