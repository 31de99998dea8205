/// The CMYK printing condition a PDF/X file is made for: an ICC output profile (N = 4), embedded
/// as the output intent and used to convert every colour and image. The facade reads it from the
/// system (the backend touches no paths).
public struct OutputProfile: Sendable, Hashable {
  /// The ICC profile.
  public var bytes: [UInt8]
  /// Its description (`OutputCondition` of the output intent), e.g. `Artifex CMYK SWOP Profile`.
  public var name: String

  /// Creates a profile.
  public init(bytes: [UInt8], name: String) {
    self.bytes = bytes
    self.name = name
  }

  /// Whether the bytes are an ICC output profile for CMYK (`prtr` class, `CMYK` data space).
  public var isCMYKOutput: Bool {
    bytes.count > 132 && Array(bytes[12..<16]) == Array("prtr".utf8) && Array(bytes[16..<20]) == Array("CMYK".utf8)
  }
}
