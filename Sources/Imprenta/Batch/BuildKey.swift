import ImprentaDigest

/// SHA-256 helpers for build keys and the manifest.
public enum BuildKey {
  /// The lower-case hex SHA-256 of bytes.
  public static func sha256(_ bytes: [UInt8]) -> String {
    Digest.hex(Digest.hash(.sha256, bytes))
  }

  /// A running hash of everything an output depends on; copies are independent (value semantics).
  public struct Hasher {
    private var digest = Digest(.sha256)

    /// A fresh hasher.
    public init() {}

    /// Adds a labelled piece of text (labels keep `ab`+`c` apart from `a`+`bc`).
    public mutating func add(_ label: String, _ text: String) {
      add(label, Array(text.utf8))
    }

    /// Adds labelled bytes.
    public mutating func add(_ label: String, _ bytes: [UInt8]) {
      if !isKnownUniquelyReferenced(&digest) { digest = digest.copy() }
      digest.update("\(label):\(bytes.count):")
      digest.update(bytes)
    }

    /// The hex digest.
    public func finalize() -> String {
      Digest.hex(digest.finalize())
    }
  }
}
