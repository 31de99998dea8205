// The page modes: one input is one page.
//
// Everything that does not depend on the input is made once per process: the style, the
// writers, the environment. The XHTML page links its stylesheet instead of inlining it: the CSS
// comes from the (fixed) style alone, and generating and escaping it was most of the cost of a
// small page; it is written once at start-up so its code is still run.
import Imprenta
import ImprentaHTML
import ImprentaText

enum PageMode {
  /// Inputs longer than this are cut (the reader's cost grows with the page; bugs rarely need more).
  static let maxBytes = 8192  // scripts/fuzz asks for at most 4 KB; replays may be longer

  nonisolated(unsafe) static var style = Style()
  nonisolated(unsafe) static var environment = ExportEnvironment(resources: NoResources(), buildDate: PageDate(secondsSince1970: 1_700_000_000))
  nonisolated(unsafe) static var text = TextWriter(style: style)
  nonisolated(unsafe) static var xhtml = XHTMLWriter(style: style, options: XHTMLOptions(stylesheet: .linked("style.css")))
  nonisolated(unsafe) static var exporter = Exporter(style: style, environment: environment)

  static func setUp() {
    // The inline stylesheet, once (it does not depend on the input).
    var diagnostics = Diagnostics()
    _ = XHTMLWriter(style: style).write(Document(), environment: environment, diagnostics: &diagnostics)
  }

  static func run(_ input: UnsafeBufferPointer<UInt8>, heavy: Bool) {
    let bytes = Array(input.prefix(maxBytes))
    var diagnostics = Diagnostics()
    var reader = PageReader()
    reader.keepsReferenceMarkers = bytes.count % 3 == 0
    guard let document = try? reader.read(bytes: bytes, path: "fuzz.md", relativeName: "fuzz", diagnostics: &diagnostics) else { return }
    _ = text.write(document, diagnostics: &diagnostics)
    _ = xhtml.write(document, environment: environment, diagnostics: &diagnostics)
    guard heavy else { return }
    _ = try? exporter.export(document, as: bytes.last.map { $0 & 1 == 0 } ?? true ? .pdf : .epub, diagnostics: &diagnostics)
  }
}
