import Foundation
import ImprentaTestSupport
import Testing

/// The PDF backend's libraries are loaded on first use (Sources/CLazyLibraries), not at start-up.
@Suite("PDF libraries loaded on first use")
struct LazyLibrariesTests {
  static let pdfLibraries = ["libcairo", "libpango", "librsvg", "libqpdf", "libgdk_pixbuf", "libglib", "libgobject", "liblcms2", "libhyphen", "libqrencode", "libharfbuzz", "libfontconfig", "libpangoft2"]

  @Test("The program's start-up dependencies hold none of the PDF backend's libraries")
  func notLoadedAtStart() throws {
    #if os(Linux) && (arch(x86_64) || arch(arm64))
      guard let dynamic = runTool("readelf", ["-d", CommandRunner.binary.path]) else { return }
      let needed = dynamic.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }
      #expect(needed.contains { $0.contains("libxml2") }, "\(dynamic.output)")
      for library in LazyLibrariesTests.pdfLibraries {
        #expect(!needed.contains { $0.contains("[\(library)") }, "\(library) is a start-up dependency again: run scripts/generate-lazy-libraries (see Sources/CLazyLibraries)")
      }
    #endif
  }

  @Test("Where Cairo cannot be loaded, text builds still work and a PDF build is one clear error")
  func missingLibrary() throws {
    #if os(Linux) && (arch(x86_64) || arch(arm64))
      let r = try CommandRunner()
      defer { r.cleanUp() }
      // A broken libcairo.so.2 found first: what the loader meets where the library is damaged or absent.
      try r.write("lib/libcairo.so.2", "not a library\n")
      try r.write("p.md", "---\ntitle: Página\n---\n\nUn párrafo.\n")
      let environment = ["LD_LIBRARY_PATH": r.folder.appendingPathComponent("lib").path]
      let text = try r.run(["build", "p.md", "-f", "txt,xhtml,epub", "-o", "out"], environment: environment)
      #expect(text.status == 0, "\(text.stderr)")
      #expect(r.files(under: "out") == ["p.epub", "p.txt", "p.xhtml"])
      let pdf = try r.run(["build", "p.md", "-f", "txt,pdf", "-o", "out2", "--report", "report.json"], environment: environment)
      #expect(pdf.status == 1)
      #expect(pdf.stderr.contains("libcairo.so.2") && pdf.stderr.contains("Debian package"), "\(pdf.stderr)")
      #expect(r.files(under: "out2") == ["p.txt"])
      #expect(r.read("report.json")?.contains("pdf-library-missing") == true, "\(r.read("report.json") ?? "")")
      // The same build where the libraries load writes the PDF.
      let normal = try r.run(["build", "p.md", "-f", "pdf", "-o", "out3"])
      #expect(normal.status == 0, "\(normal.stderr)")
      #expect(r.files(under: "out3") == ["p.pdf"])
    #endif
  }
}
