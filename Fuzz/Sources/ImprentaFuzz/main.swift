// libFuzzer entry point: one input is one page (front matter, shortcodes, Markdown, raw HTML),
// read and written to text and XHTML every time, and to PDF or EPUB when the input's last byte
// asks (those are slower; alternating keeps the executions per second useful).
// Built with `-parse-as-library` and `-sanitize=fuzzer`. SwiftPM points the executable's `main`
// at `ImprentaFuzz_main`, so that function hands over to libFuzzer's driver.
import Foundation
import Imprenta

let environment = ExportEnvironment(resources: NoResources(), buildDate: PageDate(secondsSince1970: 1_700_000_000))
let exporter = Exporter(style: Style(), environment: environment)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var diagnostics = Diagnostics()
  var reader = PageReader()
  reader.keepsReferenceMarkers = bytes.count % 3 == 0
  guard let document = try? reader.read(bytes: bytes, path: "fuzz.md", relativeName: "fuzz", diagnostics: &diagnostics) else { return 0 }
  var formats: [OutputFormat] = [.txt, .xhtml]
  switch bytes.last.map({ $0 % 8 }) {
  case 0: formats.append(.pdf)
  case 1: formats.append(.epub)
  default: break
  }
  for format in formats {
    _ = try? exporter.export(document, as: format, diagnostics: &diagnostics)
  }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("ImprentaFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
