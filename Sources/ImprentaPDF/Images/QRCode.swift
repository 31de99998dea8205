import CQRencode

/// A QR code's modules, made by libqrencode (never a hand-written encoder).
struct QRCode: Hashable {
  /// Modules per side.
  let size: Int
  /// Row-major, true for dark modules.
  let modules: [Bool]

  /// Encodes text (a URL) at error-correction level M; nil when it does not fit a QR code.
  init?(_ text: String) {
    guard !text.isEmpty, text.utf8.count < 2_000 else { return nil }
    guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    size = width
    var m = [Bool](repeating: false, count: width * width)
    for i in 0..<(width * width) { m[i] = code.pointee.data[i] & 1 == 1 }
    modules = m
  }

  /// Whether the module at row `r`, column `c` is dark.
  subscript(r: Int, c: Int) -> Bool { modules[r * size + c] }
}
