/// Where a figure whose source gives no alternative text may take one from, when the author opts
/// in (`accessibility.alt_from` in the style). Applied once to the read documents, before the
/// content check and every backend, so PDF `/Alt`, EPUB and XHTML `alt` say the same.
public enum AltTextSource: String, Sendable, Hashable, CaseIterable {
  /// No alternative text is made up: such a figure is decorative, and the PDF claims no PDF/UA.
  case none
  /// The figure's caption, as written.
  case caption
  /// The image's file name, as words after the language's word for a figure:
  /// `informe-anual-2023.png` → "Figura: informe anual 2023".
  case fileName = "file-name"

  /// The alternative text this source gives `figure`, or nil (no caption, no usable name).
  public func alt(for figure: Figure, language: String) -> String? {
    switch self {
    case .none: return nil
    case .caption:
      let text = figure.caption.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      return text.isEmpty ? nil : text
    case .fileName:
      let path = figure.image.source.split(separator: "?").first.map(String.init) ?? ""
      guard !path.hasPrefix("data:"), let name = path.split(separator: "/").last else { return nil }
      var stem = String(name)
      if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
      stem = stem.removingPercentEncodingIfPossible
      let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0.isWhitespace }).joined(separator: " ")
      guard words.contains(where: \.isLetter) else { return nil }
      return Localization.forLanguage(language).figure + ": " + words
    }
  }
}

extension String {
  /// `%20` and the like decoded when they form valid UTF-8; the string as is otherwise.
  fileprivate var removingPercentEncodingIfPossible: String {
    guard contains("%") else { return self }
    var bytes: [UInt8] = []
    var i = utf8.startIndex
    while i != utf8.endIndex {
      let b = utf8[i]
      if b == UInt8(ascii: "%"), let h1 = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), h1 != utf8.endIndex,
        let h2 = utf8.index(h1, offsetBy: 1, limitedBy: utf8.endIndex), h2 != utf8.endIndex,
        let v = UInt8(String(decoding: [utf8[h1], utf8[h2]], as: UTF8.self), radix: 16)
      {
        bytes.append(v)
        i = utf8.index(after: h2)
      } else {
        bytes.append(b)
        i = utf8.index(after: i)
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? self
  }
}

extension Document {
  /// The document with every figure that has no readable alternative text given one from
  /// `source` (figures that have one keep it; inline images stay as they are).
  public func fillingAltText(from source: AltTextSource, defaultLanguage: String) -> Document {
    guard source != .none else { return self }
    let language = language(default: defaultLanguage)
    var d = self
    d.blocks = blocks.map { block in
      block.rewritingBlocks { b in
        guard case .figure(var f) = b, f.image.readableAlt == nil, let alt = source.alt(for: f, language: language) else { return b }
        f.image.alt = alt
        return .figure(f)
      }
    }
    return d
  }
}

extension Book {
  /// The book with `Document.fillingAltText(from:defaultLanguage:)` applied to every entry.
  public func fillingAltText(from source: AltTextSource) -> Book {
    guard source != .none else { return self }
    var b = self
    b.entries = entries.map { e in
      var e = e
      e.document = e.document.fillingAltText(from: source, defaultLanguage: language)
      return e
    }
    return b
  }
}
