import Foundation

/// What the last builds wrote into an output folder: for each output, the key of the inputs it
/// was built from and its SHA-256. An output whose key has not changed is not rebuilt.
///
/// The manifest is rewritten atomically and only ever lists outputs that were completely
/// written, so a build killed at any moment leaves a manifest that is still true.
public struct Manifest: Codable, Sendable, Hashable {
  /// The file name inside the output folder.
  public static let fileName = ".imprenta-manifest.json"

  /// One output.
  public struct Entry: Codable, Sendable, Hashable {
    /// SHA-256 of everything the output was built from (sources, images, style, project entry, version, options).
    public var key: String
    /// SHA-256 of the output's bytes.
    public var sha256: String
    /// The output's size.
    public var bytes: Int
    /// The publication it belongs to.
    public var publication: String
    /// Its format.
    public var format: String
    /// The pages it was built from.
    public var sources: [String]
  }

  /// The manifest format's version.
  public var version = 1
  /// The Imprenta version that wrote it.
  public var imprenta: String
  /// Outputs by path relative to the output folder.
  public var outputs: [String: Entry]

  /// An empty manifest.
  public init(imprenta: String) {
    self.imprenta = imprenta
    outputs = [:]
  }

  /// The manifest of an output folder, or nil when there is none or it cannot be read.
  ///
  /// A manifest is data from the repository (a committed or cached output folder): every key is
  /// checked to be a safe output name with a known extension, and every source a plain path;
  /// entries that are not are dropped with a warning, never acted on.
  public static func load(folder: OutputFolder, diagnostics: inout Diagnostics) -> Manifest? {
    guard let data = folder.contents(of: fileName) else { return nil }
    guard var manifest = try? JSONDecoder().decode(Manifest.self, from: Data(data)) else {
      diagnostics.report(.invalidManifest, "the manifest cannot be read; every output is rebuilt", file: folder.display(fileName))
      return nil
    }
    let extensions = Set(OutputFormat.allCases.map(\.fileExtension))
    for (key, entry) in manifest.outputs {
      let sane =
        OutputFolder.isValidName(key) && extensions.contains((key as NSString).pathExtension)
        && !entry.sources.contains { $0.isEmpty || $0.unicodeScalars.contains(where: \.isControlCharacter) }
      if !sane {
        manifest.outputs[key] = nil
        diagnostics.report(.invalidManifest, "an entry with an unsafe name was ignored: '\(key.escapedForLog)'", file: folder.display(fileName))
      }
    }
    return manifest
  }

  /// Writes the manifest atomically into the output folder.
  public func save(folder: OutputFolder) throws(ImprentaError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else {
      throw ImprentaError(.outputFailed, "cannot encode the manifest", file: folder.display(Manifest.fileName))
    }
    try folder.write([UInt8](data) + [10], to: Manifest.fileName, source: folder.display(Manifest.fileName))
  }
}
