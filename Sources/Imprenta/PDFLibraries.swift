import CLazyLibraries
import ImprentaModel

/// The PDF backend's libraries (Cairo, Pango, librsvg, qpdf, …). On Linux they are loaded on first
/// use, not at start-up (`CLazyLibraries`): a text, XHTML or EPUB build never loads them. Every PDF
/// entry point of the facade loads them first, so a missing library is one clear error diagnostic
/// naming it and its package, instead of a failed start of every build.
enum PDFLibraries {
  /// Nil when the libraries are loaded; otherwise why not (tried once per run).
  static let problem: String? = {
    var message = [CChar](repeating: 0, count: 1024)
    guard imprenta_lazy_libraries_load(&message, UInt(message.count)) != 0 else { return nil }
    return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// Loads the libraries, or throws `pdf-library-missing` for `file`.
  static func load(for file: String) throws {
    if let problem { throw ImprentaError(.pdfLibraryMissing, problem, file: file) }
  }
}
