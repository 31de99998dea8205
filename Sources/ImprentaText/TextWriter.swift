import ImprentaModel
import ImprentaStyle

/// Writes a document as plain text.
public struct TextWriter: Sendable {
  public var style: Style
  public init(style: Style) { self.style = style }
  public func write(_ document: Document, diagnostics: inout Diagnostics) -> String {
    document.blocks.map { b -> String in
      switch b {
      case .paragraph(let p): return p.content.plainText
      case .heading(let h): return h.content.plainText
      default: return ""
      }
    }.joined(separator: "\n\n") + "\n"
  }
}
