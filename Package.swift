// swift-tools-version: 6.0
// Imprenta: Markdown and Hugo content to PDF, EPUB 3, XHTML and plain text, from one document model.
import PackageDescription

let package = Package(
  name: "Imprenta",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "imprenta", targets: ["ImprentaCommand"]),
    .library(name: "Imprenta", targets: ["Imprenta"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),

  ],
  targets: [
    // MARK: - C libraries (thin system-library shims, found through pkg-config)
    .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
    .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
    .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
    .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
    .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CLCMS", pkgConfig: "lcms2", providers: [.apt(["liblcms2-dev"])]),
    .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),

    // LeakSanitizer suppressions for a dependency's known leaks (used only under --sanitize=address).
    .target(name: "CSanitizerHooks"),

    // MARK: - The document model: pure Swift values, no C.
    .target(name: "ImprentaModel"),

    // MARK: - Digests: SHA-256 build keys and SHA-1 EPUB identifiers, from libcrypto.
    .target(name: "ImprentaDigest", dependencies: ["CCrypto"]),

    // MARK: - Files: the one read policy (roots, links, budgets) and the one write policy (the output folder).
    .target(name: "ImprentaFiles", dependencies: ["ImprentaModel"]),

    // MARK: - Readers: front matter, Markdown, raw HTML → model.
    .target(
      name: "ImprentaReader",
      dependencies: [
        "ImprentaModel", "ImprentaFiles", "CCmarkGFM", "CLibXML2", "CSanitizerHooks",
        .product(name: "Yams", package: "Yams"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]),

    // MARK: - Styles: one style file drives every format.
    .target(name: "ImprentaStyle", dependencies: ["ImprentaModel", "ImprentaFiles", .product(name: "Yams", package: "Yams")]),

    // MARK: - Backends
    .target(name: "ImprentaText", dependencies: ["ImprentaModel", "ImprentaStyle"]),
    .target(name: "ImprentaHTML", dependencies: ["ImprentaModel", "ImprentaStyle", "CLibXML2"]),
    .target(
      name: "ImprentaEPUB",
      dependencies: ["ImprentaModel", "ImprentaStyle", "ImprentaHTML", "ImprentaDigest", "CZlib"]),
    .target(name: "ImprentaPDF", dependencies: ["ImprentaModel", "ImprentaStyle", "CPangoCairo", "CRsvg", "CHyphen", "CQPDF", "CQRencode", "CLCMS", "CJPEG", "CZlib"]),

    // MARK: - Facade and command
    .target(
      name: "Imprenta",
      dependencies: [
        "ImprentaModel", "ImprentaFiles", "ImprentaReader", "ImprentaStyle", "ImprentaText", "ImprentaHTML", "ImprentaEPUB", "ImprentaPDF",
        "ImprentaDigest", .product(name: "Yams", package: "Yams"),
      ]),
    .executableTarget(
      name: "ImprentaCommand",
      dependencies: ["Imprenta", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // MARK: - Tests
    .target(name: "ImprentaTestSupport", dependencies: ["Imprenta"], path: "Tests/ImprentaTestSupport"),
    .testTarget(name: "ImprentaModelTests", dependencies: ["ImprentaModel", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaFilesTests", dependencies: ["ImprentaFiles", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaReaderTests", dependencies: ["ImprentaReader", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaStyleTests", dependencies: ["ImprentaStyle", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaTextTests", dependencies: ["ImprentaText", "ImprentaReader", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaHTMLTests", dependencies: ["ImprentaHTML", "ImprentaReader", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaEPUBTests", dependencies: ["ImprentaEPUB", "ImprentaDigest", "ImprentaReader", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaPDFTests", dependencies: ["ImprentaPDF", "ImprentaReader", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaCommandTests", dependencies: ["Imprenta", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaSiteTests", dependencies: ["Imprenta", "ImprentaTestSupport"]),
    .testTarget(name: "ImprentaHostileTests", dependencies: ["Imprenta", "ImprentaTestSupport"]),
  ]
)
