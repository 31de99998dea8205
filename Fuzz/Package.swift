// swift-tools-version: 6.0
// A libFuzzer target over Imprenta's reader and backends; kept out of the main package so the
// normal `swift build` and `swift test` never see it. Build and run it with `scripts/fuzz`.
import PackageDescription

let package = Package(
  name: "ImprentaFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Imprenta", path: "..")],
  targets: [
    .executableTarget(name: "ImprentaFuzz", dependencies: [.product(name: "Imprenta", package: "Imprenta")])
  ]
)
