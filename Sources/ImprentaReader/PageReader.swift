import Foundation
import ImprentaFiles
import ImprentaModel

/// Reads one page: bytes → front matter + Markdown → `Document`.
public struct PageReader: Sendable {
  /// Where pages may be read from; nil allows the page's own folder only.
  public var files: ReadPolicy?
  /// What shortcodes become (Hugo's built-ins and the project's mapping).
  public var shortcodes = ShortcodeExpander()
  /// The site's parameters, for the `param` shortcode.
  public var site = ShortcodeSite()
  /// Whether `ref`/`relref` destinations stay marked for a site's link resolver (`SiteLinkResolver`);
  /// when false (a page read alone) they become the path as written.
  public var keepsReferenceMarkers = false
  /// Front-matter values a Hugo section's `cascade` passes down: set where the page does not set them.
  public var cascade: [KeyValue<MetaValue>] = []
  /// How Markdown is read: Hugo's Goldmark settings (`MarkupOptions(hugoConfig:)`); Hugo's defaults.
  public var markup = MarkupOptions()

  /// Creates a reader.
  public init() {}

  /// Reads the file at `path`. Throws an `ImprentaError` (unreadable file, invalid UTF-8, broken
  /// front matter) that names the position; warnings go to `diagnostics`.
  public func read(contentsOf path: String, relativeName: String, diagnostics: inout Diagnostics) throws -> Document {
    let policy = files ?? ReadPolicy(roots: [(path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent])
    let bytes: [UInt8]
    do {
      bytes = try policy.read(path, budget: .pageBytes)
    } catch {
      throw error.error()
    }
    return try read(bytes: bytes, path: path, relativeName: relativeName, diagnostics: &diagnostics)
  }

  /// Reads a page from memory; `path` names it in diagnostics.
  public func read(bytes: [UInt8], path: String, relativeName: String, diagnostics: inout Diagnostics) throws -> Document {
    let source = try SourceText(bytes: bytes, file: path)
    source.report(file: path, into: &diagnostics)
    var frontMatter = try FrontMatterReader.read(source.text, file: path)
    var forbidden = 0
    frontMatter.values = ForbiddenCharacters.cleaned(frontMatter.values, count: &forbidden)
    if forbidden > 0 {
      diagnostics.report(.invalidCharacter, "\(forbidden) control or non-character code point(s) in front matter values were replaced by U+FFFD", file: path,
        at: SourceRange(1, 1, 1, 1))
    }
    if !cascade.isEmpty { frontMatter.values = CascadeEntry.apply(cascade, to: frontMatter.values) }
    var metadata = MetadataBuilder.build(frontMatter, file: path, diagnostics: &diagnostics)
    // Shortcodes are found before cmark-gfm sees the text, then put back as nodes.
    let folder = (path as NSString).deletingLastPathComponent
    let files = ShortcodeFiles(policy: self.files ?? ReadPolicy(roots: [folder.isEmpty ? "." : folder]), contentFolder: site.contentFolder, page: path)
    let pipeline = ShortcodePipeline(
      markdown: frontMatter.body, file: path, lineOffset: frontMatter.bodyLineOffset, expander: shortcodes, page: metadata, site: site, files: files,
      markup: markup)
    // Heading ids are given once the whole page is read, shortcode bodies and included pages with it (`AnchorIDs`).
    var blocks = pipeline.convert()
    if !keepsReferenceMarkers {
      let rewriter = LinkRewriter { d, _ in d.hasPrefix(RefShortcode.marker) ? String(d.dropFirst(RefShortcode.marker.count)) : d }
      blocks = blocks.map(rewriter.rewrite)
    }
    diagnostics.append(contentsOf: pipeline.diagnostics)
    if metadata.title.isEmpty {
      metadata.title = blocks.lazy.compactMap { block -> String? in
        if case .heading(let h) = block, h.level == 1 { return h.content.plainText }
        return nil
      }.first ?? ((relativeName as NSString).lastPathComponent)
    }
    return Document(sourcePath: path, relativeName: relativeName, metadata: metadata, blocks: blocks)
  }

  /// Reads Markdown text (tests and embedding programs).
  public func read(markdown: String, path: String = "page.md", relativeName: String = "page", diagnostics: inout Diagnostics) throws -> Document {
    try read(bytes: markdown.utf8Bytes, path: path, relativeName: relativeName, diagnostics: &diagnostics)
  }
}
