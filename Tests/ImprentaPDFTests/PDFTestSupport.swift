import Foundation
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

@testable import ImprentaPDF

/// Serves files from one folder, or the first of several that has them (`content/`, then
/// `static/`, as a Hugo site does), refusing paths that leave them (tests only).
struct FolderResources: ResourceProvider {
  let roots: [URL]

  init(root: URL) { roots = [root] }
  init(roots: [URL]) { self.roots = roots }

  func resource(_ reference: String, for document: Document) -> ResourceLookup {
    let clean = reference.hasPrefix("/") ? String(reference.dropFirst()) : reference
    for root in roots {
      let url = root.appendingPathComponent(clean).standardizedFileURL
      guard url.path.hasPrefix(root.standardizedFileURL.path + "/") else { return .refused("\(reference) is outside the content folder") }
      if let data = FileManager.default.contents(atPath: url.path) { return .found(Resource(name: clean, bytes: [UInt8](data))) }
    }
    return .missing("no file \(reference)")
  }
}

enum PDFTest {
  static let fixtures = Repository.fixtures.appendingPathComponent("pdf")
  static let environment = ExportEnvironment(resources: FolderResources(root: fixtures), buildDate: PageDate(secondsSince1970: 1_700_000_000))
  /// Where tests leave the PDFs they write, to look at.
  static let outputFolder: URL = {
    let u = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("imprenta-pdf-tests")
    try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
  }()

  static func document(_ markdown: String, path: String = "page.md") throws -> Document {
    var d = Diagnostics()
    return try PageReader().read(markdown: markdown, path: path, relativeName: "page", diagnostics: &d)
  }

  static func fixture(_ name: String) throws -> Document {
    try document(Repository.fixture("pdf/\(name)"), path: fixtures.appendingPathComponent(name).path)
  }

  static func layout(_ doc: Document, style: Style = Style()) -> (PageLayout, Diagnostics) {
    var d = Diagnostics()
    let l = PDFWriter(style: style).layout(doc, environment: environment, diagnostics: &d)
    return (l, d)
  }

  /// Writes `doc` and saves the bytes as `<name>.pdf` in the output folder.
  static func write(_ doc: Document, name: String, style: Style = Style(), options: PDFOptions = .init()) throws -> (URL, [UInt8], Diagnostics) {
    var d = Diagnostics()
    let bytes = try PDFWriter(style: style, options: options).write([doc], environment: environment, diagnostics: &d)
    let url = outputFolder.appendingPathComponent(name + ".pdf")
    try Data(bytes).write(to: url)
    return (url, bytes, d)
  }

  /// Runs a tool; nil when it is not installed.
  static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String)? {
    runTool(tool, arguments)
  }
}
