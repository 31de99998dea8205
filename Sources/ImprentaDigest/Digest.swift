import CCrypto

/// A message digest from OpenSSL's libcrypto (Debian's `libssl-dev`): SHA-256 for build keys and
/// the manifest, SHA-1 for content-derived EPUB identifiers. One small system library instead of
/// a crypto package compiled from source (swift-crypto's BoringSSL doubled clean build times).
public final class Digest {
  /// The algorithms Imprenta uses.
  public enum Algorithm: Sendable {
    case sha1, sha256
  }

  private let context: OpaquePointer

  /// A fresh digest.
  public init(_ algorithm: Algorithm) {
    guard let ctx = EVP_MD_CTX_new() else { fatalError("libcrypto: out of memory") }
    context = ctx
    EVP_DigestInit_ex(context, algorithm == .sha1 ? EVP_sha1() : EVP_sha256(), nil)
  }

  private init(copying other: Digest) {
    guard let ctx = EVP_MD_CTX_new() else { fatalError("libcrypto: out of memory") }
    context = ctx
    EVP_MD_CTX_copy_ex(context, other.context)
  }

  deinit { EVP_MD_CTX_free(context) }

  /// An independent copy of the running state.
  public func copy() -> Digest { Digest(copying: self) }

  /// Adds bytes.
  public func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
    }
  }

  /// Adds text as UTF-8.
  public func update(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
    }
  }

  /// The digest of everything added (the running state is left as it is: a copy is finalized).
  public func finalize() -> [UInt8] {
    let done = copy()
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    EVP_DigestFinal_ex(done.context, &out, &length)
    return Array(out.prefix(Int(length)))
  }

  /// The digest of `bytes` in one call.
  public static func hash(_ algorithm: Algorithm, _ bytes: [UInt8]) -> [UInt8] {
    let d = Digest(algorithm)
    d.update(bytes)
    return d.finalize()
  }

  /// Lower-case hexadecimal.
  public static func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(digest.count * 2)
    for b in digest {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
