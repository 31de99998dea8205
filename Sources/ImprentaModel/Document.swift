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
  /// For a book merged into one document: where each of its documents begins (top-level block
  /// index, the file it was read from, its title's anchor), so what is found in the merged flow
  /// names the page it came from. Empty for a single page.
  public var parts: [DocumentPart] = []

  /// The file the top-level block at `index` was read from.
  public func sourcePath(ofBlock index: Int) -> String {
    guard !parts.isEmpty else { return sourcePath }
    var low = 0, high = parts.count - 1, found = -1
    while low <= high {
      let mid = (low + high) / 2
      if parts[mid].firstBlock <= index { found = mid; low = mid + 1 } else { high = mid - 1 }
    }
    return found >= 0 ? parts[found].path : sourcePath
  }

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

/// Where one document of a merged book begins in the merged flow.
public struct DocumentPart: Sendable, Hashable {
  /// The index of its first top-level block (its title heading).
  public var firstBlock: Int
  /// The file it was read from.
  public var path: String
  /// The id of its title heading (to find the page it starts on), or empty.
  public var anchor: String

  /// Creates a part.
  public init(firstBlock: Int, path: String, anchor: String) {
    self.firstBlock = firstBlock
    self.path = path
    self.anchor = anchor
  }
}
