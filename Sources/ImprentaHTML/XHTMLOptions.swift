/// Options of the standalone XHTML writer.
public struct XHTMLOptions: Sendable, Hashable {
  /// Where the page's stylesheet lives.
  public enum Stylesheet: Sendable, Hashable {
    /// A `<style>` element in the page's head (the page stands alone).
    case inline
    /// A `<link>` to a stylesheet beside the page, at this relative URL (write `CSSWriter`'s output there).
    case linked(String)
    /// No stylesheet.
    case none
  }

  /// Where the stylesheet lives; inline by default.
  public var stylesheet: Stylesheet
  /// Whether the file starts with `<?xml version="1.0" encoding="UTF-8"?>`. Polyglot markup
  /// leaves it out (UTF-8 is XML's default and `<meta charset>` tells HTML parsers).
  public var xmlDeclaration: Bool

  /// Creates options.
  public init(stylesheet: Stylesheet = .inline, xmlDeclaration: Bool = false) {
    self.stylesheet = stylesheet
    self.xmlDeclaration = xmlDeclaration
  }
}
