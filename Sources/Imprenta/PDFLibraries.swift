import CLazyLibraries
import Foundation
import ImprentaModel
import ImprentaPDF

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

  /// Starts loading the libraries and setting up the text engine (fontconfig's configuration,
  /// the prefetch thread's font map) on another thread, while the build reads its pages: some
  /// 60 M instructions a PDF build otherwise spent on its first document's thread. Whoever needs
  /// them first waits for what is not done (`problem` is initialised once).
  static func warmUp() {
    Thread.detachNewThread {
      if problem == nil { PDFWriter.warmUp() }
    }
  }

  /// Loads the libraries, or throws `pdf-library-missing` for `file`.
  static func load(for file: String) throws {
    if let problem { throw ImprentaError(.pdfLibraryMissing, problem, file: file) }
  }
}
