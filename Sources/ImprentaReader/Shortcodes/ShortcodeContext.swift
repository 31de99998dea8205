import ImprentaModel

/// What a shortcode handler can ask while it expands one shortcode: the page, the site, its body
/// as Markdown, and where to report problems.
public struct ShortcodeContext {
  let pipeline: ShortcodePipeline
  /// Whether the shortcode stands alone on its lines or sits in running text.
  public let placement: ShortcodePlacement
  let bodyRange: Range<Int>?
  let bodyTags: Range<Int>
  let depth: Int

  init(pipeline: ShortcodePipeline, placement: ShortcodePlacement, bodyRange: Range<Int>?, bodyTags: Range<Int>, depth: Int) {
    self.pipeline = pipeline
    self.placement = placement
    self.bodyRange = bodyRange
    self.bodyTags = bodyTags
    self.depth = depth
  }

  /// The file being read (for diagnostics).
  public var file: String { pipeline.file }
  /// The page's front matter.
  public var page: Metadata { pipeline.page }
  /// The site's parameters.
  public var site: ShortcodeSite { pipeline.site }

  /// The body read as Markdown (nested shortcodes expanded), with its common indentation removed.
  public func bodyBlocks() -> [Block] {
    guard let bodyRange else { return [] }
    return pipeline.blocks(in: bodyRange, tags: bodyTags, depth: depth + 1, dedent: true)
  }

  /// The body as inlines (a one-paragraph body gives its content).
  public func bodyInlines() -> [Inline] {
    let blocks = bodyBlocks()
    if blocks.count == 1, case .paragraph(let p) = blocks[0] { return p.content }
    return ShortcodeOutput.inlines(of: blocks)
  }

  /// The body exactly as written (no Markdown, nested shortcodes left as they are, Hugo's
  /// `{{</* */>}}` escapes shown as tags), without the line break after the opening tag, the
  /// indentation before the closing one, and the indentation its lines share; nil when unpaired.
  public func rawBody() -> String? {
    guard let bodyRange else { return nil }
    var text = pipeline.raw(bodyRange, tags: bodyTags)
    if text.first == "\n" || text.first == "\r\n" { text.removeFirst() }
    while let last = text.unicodeScalars.last, last == " " || last == "\t" { text.unicodeScalars.removeLast() }
    return ShortcodePipeline.dedented(text)
  }

  /// The blocks of the page `path` names, read as part of this one (see `ShortcodePipeline.include`);
  /// nil, with a warning at `range`, when it cannot be.
  public func include(_ path: String, at range: SourceRange) -> [Block]? {
    pipeline.include(path, at: range)
  }

  /// A Markdown argument (a caption) as inlines.
  public func inlines(markdown: String, at range: SourceRange) -> [Inline] {
    pipeline.inlines(markdown: markdown, at: range)
  }

  /// Reports a diagnostic about `shortcode` at its code's default level.
  public func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange) {
    pipeline.diagnostics.report(code, message, file: pipeline.file, at: range)
  }
}
