extension String {
  /// The UTF-8 bytes, copied at once (`Array(text.utf8)` walks a string's bytes one by one: a
  /// tenth of reading a large page).
  var utf8Bytes: [UInt8] {
    var copy = self
    return copy.withUTF8 { Array($0) }
  }
}

extension Substring {
  /// The UTF-8 bytes, copied at once.
  var utf8Bytes: [UInt8] {
    var copy = self
    return copy.withUTF8 { Array($0) }
  }
}
