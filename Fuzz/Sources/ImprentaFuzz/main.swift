// libFuzzer entry point. One binary, three modes, chosen by IMPRENTA_FUZZ_MODE (scripts/fuzz --mode):
//
//   page    (default) one input is one page: read (front matter, shortcodes, Markdown, raw HTML)
//           and written to text and XHTML. Thousands of executions a second.
//   export  the same page also written to PDF or EPUB (the input's last byte chooses): the heavy
//           backends (Pango/Cairo/fontconfig, ZIP) in a mode of their own, so they do not slow
//           the reader down to a dozen executions a second.
//   path    one input is a small project tree (pages, links, FIFOs, odd names, imprenta.yaml,
//           styles, a manifest) built in-process with the batch builder; after each build the
//           harness checks that nothing outside the project was read into an output or a
//           diagnostic, changed, or created (PathMode.swift).
//
// Built with `-parse-as-library` and `-sanitize=fuzzer`. SwiftPM points the executable's `main`
// at `ImprentaFuzz_main`, so that function hands over to libFuzzer's driver.
#if canImport(Glibc)
  import Glibc
#endif

enum Mode: String {
  case page, export, path
}

nonisolated(unsafe) var mode = Mode.page

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  switch mode {
  case .page: PageMode.run(bytes, heavy: false)
  case .export: PageMode.run(bytes, heavy: true)
  case .path: PathMode.run(bytes)
  }
  return 0
}

/// A line on standard error.
func printError(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("ImprentaFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  let name = getenv("IMPRENTA_FUZZ_MODE").map { String(cString: $0) } ?? "page"
  guard let chosen = Mode(rawValue: name) else {
    printError("IMPRENTA_FUZZ_MODE must be page, export or path (not '\(name)')")
    return 64
  }
  mode = chosen
  switch mode {
  case .page, .export: PageMode.setUp()
  case .path: PathMode.setUp(argv)
  }
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
