import Crypto
import Foundation

/// SHA-256 helpers for build keys and the manifest.
public enum BuildKey {
  /// The lower-case hex SHA-256 of bytes.
  public static func sha256(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { byte in
      let s = String(byte, radix: 16)
      return byte < 16 ? "0" + s : s
    }.joined()
  }

  /// A running hash of everything an output depends on.
  public struct Hasher {
    var hash = SHA256()

    /// A fresh hasher.
    public init() {}

    /// Adds a labelled piece of text (labels keep `ab`+`c` apart from `a`+`bc`).
    public mutating func add(_ label: String, _ text: String) {
      add(label, Array(text.utf8))
    }

    /// Adds labelled bytes.
    public mutating func add(_ label: String, _ bytes: [UInt8]) {
      hash.update(data: Array("\(label):\(bytes.count):".utf8))
      hash.update(data: bytes)
    }

    /// The hex digest.
    public func finalize() -> String {
      hash.finalize().map { byte in
        let s = String(byte, radix: 16)
        return byte < 16 ? "0" + s : s
      }.joined()
    }
  }
}
