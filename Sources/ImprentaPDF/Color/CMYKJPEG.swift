import CJPEG
import CZlib
import Glibc

/// A photograph converted to CMYK stays a JPEG: the converted pixels are encoded again with
/// libjpeg (Debian libjpeg62-turbo) at a high quality, every channel at full resolution, so a
/// PDF/X brochure does not grow threefold by storing its photographs losslessly.
enum CMYKJPEG {
  /// The JPEG quality of the re-encoding (libjpeg's 0…100 scale): high, as a print shop expects.
  static let quality: Int32 = 90

  /// The JPEG of interleaved 8-bit CMYK pixels (0 = no ink, not inverted: the PDF reads the
  /// components as they are, with no `/Decode`), or nil when libjpeg fails.
  static func encode(_ cmyk: [UInt8], width: Int, height: Int) -> [UInt8]? {
    guard width > 0, height > 0, cmyk.count == width * height * 4, width <= 65_500, height <= 65_500 else { return nil }
    var out: UnsafeMutablePointer<UInt8>? = nil
    var size: UInt = 0
    let failed = cmyk.withUnsafeBufferPointer { b in
      imprenta_jpeg_encode_cmyk(b.baseAddress, UInt32(width), UInt32(height), quality, &out, &size)
    }
    guard failed == 0, let out else { return nil }
    defer { free(out) }
    return Array(UnsafeBufferPointer(start: out, count: Int(size)))
  }

  /// The pixels zlib-compressed (the PDF's `/FlateDecode`), or nil on failure.
  static func deflate(_ bytes: [UInt8]) -> [UInt8]? { Zlib.deflate(bytes) }

  /// What a JPEG converted to CMYK is stored as: the smaller of a CMYK JPEG and the Flate
  /// stream, with its filter (`/DCTDecode`, `/FlateDecode`; nil: raw, qpdf compresses it).
  /// A photograph is smaller as a JPEG (a third of Flate); a diagram saved as JPEG, with flat
  /// colours, can be smaller lossless.
  static func smaller(_ cmyk: [UInt8], width: Int, height: Int) -> (bytes: [UInt8], filter: String?) {
    let flate = deflate(cmyk)
    guard let jpeg = encode(cmyk, width: width, height: height) else { return flate.map { ($0, "/FlateDecode") } ?? (cmyk, nil) }
    guard let flate, flate.count < jpeg.count else { return (jpeg, "/DCTDecode") }
    return (flate, "/FlateDecode")
  }
}
