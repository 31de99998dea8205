import ImprentaModel
import ImprentaStyle

/// Writes one document as a standalone XHTML5 page: polyglot markup (well-formed XML that HTML
/// parsers read the same), `lang` and `xml:lang`, UTF-8, the style's CSS inline or linked.
///
/// Images keep the path the page wrote, so the page works beside the site's files.
public struct XHTMLWriter: Sendable {
  /// The style the CSS comes from.
  public var style: Style
  /// Options.
  public var options: XHTMLOptions

  /// Creates a writer.
  public init(style: Style, options: XHTMLOptions = .init()) {
    self.style = style
    self.options = options
  }

  /// The XHTML bytes of `document`; warnings (unsafe raw HTML, missing alt text, removed
  /// characters) go to `diagnostics`.
  public func write(_ document: Document, environment: ExportEnvironment, diagnostics: inout Diagnostics) -> [UInt8] {
    var renderer = XHTMLRenderer(style: style, document: document, flavor: .standalone) { .source($0.source) }
    let page = renderer.page(
      blocks: document.blocks, title: document.metadata.title, titleBlock: renderer.showsTitleBlock, notes: true,
      stylesheet: options.stylesheet, css: CSSWriter(style: style, target: .standalone).css())
    diagnostics.append(contentsOf: renderer.diagnostics)
    return page.serialize(declaration: options.xmlDeclaration)
  }

  /// The XHTML of `document` as text, with the built-in environment (for tests and previews).
  public static func xhtml(_ document: Document, style: Style = Style(), diagnostics: inout Diagnostics) -> String {
    String(decoding: XHTMLWriter(style: style).write(document, environment: .empty, diagnostics: &diagnostics), as: UTF8.self)
  }
}
