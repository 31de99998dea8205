import ImprentaText

extension Exporter {
  /// The formats a whole publication (a book) can be written in by this build.
  public static let availablePublicationFormats: Set<OutputFormat> = [.txt]

  /// The bytes of a publication in `format`. Plain text is the book title, then each document's
  /// text in order, its title first; other formats wait for their backends.
  public func export(_ publication: Publication, as format: OutputFormat, diagnostics: inout Diagnostics) throws -> [UInt8] {
    switch format {
    case .txt:
      let writer = TextWriter(style: style)
      var parts = [publication.title]
      for entry in publication.entries {
        var document = entry.document
        let hasTitle = document.blocks.first.map { if case .heading(let h) = $0, h.level == 1 { return true } else { return false } } ?? false
        if !hasTitle && !document.metadata.hideTitle && !document.metadata.title.isEmpty {
          let heading = Heading(level: min(6, max(1, entry.level)), content: [.text(Text(document.metadata.title))], id: "")
          document.blocks.insert(.heading(heading), at: 0)
        }
        parts.append(writer.write(document, diagnostics: &diagnostics).trimmingCharacters(in: "\n"))
      }
      return Array((parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n").utf8)
    case .pdf, .epub, .xhtml:
      throw ImprentaError("format-not-available", "books in \(format.rawValue) are not built yet", file: publication.title)
    }
  }
}
