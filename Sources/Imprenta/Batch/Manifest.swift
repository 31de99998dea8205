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
  public static func load(folder: String) -> Manifest? {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
    return try? JSONDecoder().decode(Manifest.self, from: data)
  }

  /// Writes the manifest atomically into the output folder.
  public func save(folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(self)
    try OutputWriter(folder: folder).write([UInt8](data) + [10], to: folder + "/" + Manifest.fileName, source: folder)
  }
}
