/// Hugo's emoji shortcodes (`enableEmoji`): `:wave:` → 👋, in text only (never in code).
enum Emoji {
  /// Shortcode (without colons) → emoji, read from `table` once.
  static let codes: [String: String] = {
    var out: [String: String] = [:]
    out.reserveCapacity(5000)
    for line in table.split(separator: "\n") {
      guard let tab = line.firstIndex(of: "\t") else { continue }
      out[String(line[..<tab])] = String(line[line.index(after: tab)...])
    }
    return out
  }()

  /// Longest shortcode name, in bytes: a `:` further than this from the next is not a code.
  static let longestName = 80

  /// `text` with every known `:code:` replaced by its emoji. Linear: each colon is looked at once
  /// as an opening and once as a closing.
  static func replacing(in text: String) -> String {
    let bytes = text.utf8Bytes
    guard bytes.count >= 3, bytes.contains(UInt8(ascii: ":")) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var changed = false
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: ":") else {
        out.append(bytes[i])
        i += 1
        continue
      }
      var j = i + 1
      while j < bytes.count, j - i <= longestName, bytes[j] != UInt8(ascii: ":"), bytes[j] > 32 { j += 1 }
      if j < bytes.count, bytes[j] == UInt8(ascii: ":"), j > i + 1, let emoji = codes[String(decoding: bytes[(i + 1)..<j], as: UTF8.self)] {
        out += Array(emoji.utf8)
        i = j + 1
        changed = true
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return changed ? String(decoding: out, as: UTF8.self) : text
  }
}
