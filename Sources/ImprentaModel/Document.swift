/// One page, read: its metadata and its blocks.
public struct Document: Sendable, Hashable {
  /// The path of the source file, as given to the reader (used in diagnostics).
  public var sourcePath: String
  /// The path relative to the input root, without extension (`blog/post`): outputs are named after it.
  public var relativeName: String
  /// What the front matter says.
  public var metadata: Metadata
  /// The content; footnote definitions come last, in number order.
  public var blocks: [Block]

  /// Creates a document.
  public init(sourcePath: String = "", relativeName: String = "", metadata: Metadata = .init(), blocks: [Block] = []) {
    self.sourcePath = sourcePath
    self.relativeName = relativeName
    self.metadata = metadata
    self.blocks = blocks
  }

  /// The document language, or `fallback` when the page does not say.
  public func language(default fallback: String = "en") -> String {
    metadata.language.isEmpty ? fallback : metadata.language
  }
}
