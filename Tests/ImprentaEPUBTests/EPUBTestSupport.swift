import Foundation
import ImprentaEPUB
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import ImprentaTestSupport
import Testing

/// Serves fixture bytes as `FileResources` would serve files: site-root paths (`/images/x.png`)
/// and page-relative ones, nothing outside the content folder, nothing remote.
struct FixtureResources: ResourceProvider {
  var files: [String: [UInt8]]
  /// How many times each name was asked for (refused ones must never be read).
  let reads = ReadLog()

  func resource(_ reference: String, for document: Document) -> ResourceLookup {
    if reference.contains("://") || reference.hasPrefix("//") { return .refused("remote resources are not fetched: \(reference)") }
    var parts: [Substring] = []
    for c in reference.split(separator: "/") {
      if c == "." || c.isEmpty { continue }
      if c == ".." {
        guard parts.popLast() != nil else { return .refused("\(reference) is outside the content folder") }
        continue
      }
      parts.append(c)
    }
    let name = parts.joined(separator: "/")
    guard let bytes = files[name] else { return .missing("no file \(reference)") }
    reads.add(name)
    return .found(Resource(name: name, bytes: bytes))
  }
}

final class ReadLog: @unchecked Sendable {
  private let lock = NSLock()
  private var names: [String] = []
  func add(_ name: String) { lock.withLock { names.append(name) } }
  var all: [String] { lock.withLock { names } }
}

/// Fixture image bytes.
func fixtureBytes(_ name: String) throws -> [UInt8] {
  [UInt8](try Data(contentsOf: Repository.fixtures.appendingPathComponent(name)))
}

/// A fixed build date (2024-03-01T12:00:00Z), as `SOURCE_DATE_EPOCH` would give.
let buildDate = PageDate(secondsSince1970: 1_709_294_400)

/// Reads Markdown pages and packages them as one EPUB.
func epub(
  _ pages: [(name: String, markdown: String)], resources: [String: [UInt8]] = [:], options: EPUBOptions = .init(), markup: MarkupOptions = .init()
) throws -> (bytes: [UInt8], diagnostics: Diagnostics) {
  var diagnostics = Diagnostics()
  var reader = PageReader()
  reader.markup = markup
  let documents = try pages.map { try reader.read(markdown: $0.markdown, path: $0.name + ".md", relativeName: $0.name, diagnostics: &diagnostics) }
  let environment = ExportEnvironment(resources: FixtureResources(files: resources), buildDate: buildDate)
  let bytes = try EPUBPackager(style: Style(), options: options).package(documents, environment: environment, diagnostics: &diagnostics)
  return (bytes, diagnostics)
}

/// The files of an EPUB before zipping, by path.
func epubFiles(_ pages: [(name: String, markdown: String)], resources: [String: [UInt8]] = [:]) throws -> [String: String] {
  var diagnostics = Diagnostics()
  let documents = try pages.map { try PageReader().read(markdown: $0.markdown, path: $0.name + ".md", relativeName: $0.name, diagnostics: &diagnostics) }
  let environment = ExportEnvironment(resources: FixtureResources(files: resources), buildDate: buildDate)
  let files = try EPUBPackager(style: Style()).files(documents, environment: environment, diagnostics: &diagnostics)
  return Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }, uniquingKeysWith: { a, _ in a })
}

/// Runs epubcheck on EPUB files in one JVM; nil when java or epubcheck is not installed.
/// Returns, per file, the error and warning counts and epubcheck's messages.
func epubcheck(_ epubs: [URL]) throws -> [String: (errors: Int, warnings: Int, output: String)]? {
  let jar = "/usr/share/java/epubcheck.jar"
  guard FileManager.default.fileExists(atPath: jar), let java = ["/usr/bin/java", "/usr/local/bin/java"].first(where: FileManager.default.isExecutableFile) else {
    return nil
  }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: java)
  process.arguments = ["-cp", jar, Repository.fixtures.appendingPathComponent("epubcheck/CheckMany.java").path] + epubs.map(\.path)
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let output = String(decoding: data, as: UTF8.self)
  var results: [String: (Int, Int, String)] = [:]
  for line in output.split(separator: "\n") where line.hasPrefix("RESULT ") {
    let fields = line.split(separator: " ")
    let path = String(fields[1])
    func count(_ key: String) -> Int { fields.first { $0.hasPrefix(key + "=") }.flatMap { Int($0.dropFirst(key.count + 1)) } ?? -1 }
    let name = URL(fileURLWithPath: path).lastPathComponent
    let mine = output.split(separator: "\n").filter { $0.contains(name) && !$0.hasPrefix("RESULT") }.joined(separator: "\n")
    results[path] = (count("errors") + max(count("fatal"), 0), count("warnings"), mine)
  }
  for url in epubs where results[url.path] == nil { results[url.path] = (-1, -1, output) }
  return results
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("imprenta-epub-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
