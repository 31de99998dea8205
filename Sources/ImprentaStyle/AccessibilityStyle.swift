import ImprentaModel

/// What the author lets Imprenta do for readers of assistive technology.
public struct AccessibilityStyle: Sendable, Hashable {
  /// Where a figure whose source gives no alternative text takes one from: `none` (the default:
  /// it is decorative, and the PDF does not claim PDF/UA-1), `caption` or `file-name`
  /// (`AltTextSource`).
  public var altFrom = "none"

  /// `altFrom` as the model's source.
  public var altTextSource: AltTextSource { AltTextSource(rawValue: altFrom) ?? .none }
}
