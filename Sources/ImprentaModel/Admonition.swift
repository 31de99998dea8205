/// What makes a container a titled box: its kind (`note`, `tip`, `warning`, `danger`…, as the
/// site's shortcode says) and its title. Backends draw it as a box (PDF), an `<aside>` (XHTML,
/// EPUB) or a labelled block (text).
public struct Admonition: Sendable, Hashable {
  /// How loud a kind is: what decides the box's colours.
  public enum Family: String, Sendable, Hashable, CaseIterable {
    /// Information: note, info, important and unknown kinds.
    case note
    /// Advice: tip, hint, success.
    case tip
    /// Care: warning, caution, attention.
    case warning
    /// Harm: danger, error, failure.
    case danger
  }

  /// The kind, lower-case letters, digits and `-` only (it becomes a class name); `note` when empty.
  public var kind: String
  /// The title; empty when the shortcode gave none (backends then show the kind, capitalised).
  public var title: [Inline]

  /// Creates an admonition; `kind` is normalised to a class-safe word.
  public init(kind: String, title: [Inline] = []) {
    let word = kind.lowercased().filter { ($0.isLetter || $0.isNumber || $0 == "-") && $0.isASCII }
    self.kind = word.isEmpty ? "note" : String(word.prefix(40))
    self.title = title
  }

  /// The kind's family.
  public var family: Family {
    switch kind {
    case "tip", "hint", "success", "check", "done", "example": return .tip
    case "warning", "warn", "caution", "attention": return .warning
    case "danger", "error", "failure", "fail", "bug", "alert": return .danger
    default: return .note
    }
  }

  /// The title's text, or the kind capitalised when there is none (`Warning`).
  public var label: [Inline] {
    title.isEmpty ? [.text(Text(kind.prefix(1).uppercased() + kind.dropFirst()))] : title
  }
}
