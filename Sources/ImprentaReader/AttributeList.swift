import ImprentaModel

/// Goldmark's attribute lists: `{#id .class key=value key="quoted \" value" flag=false}`.
///
/// Only a well-formed list is taken; anything else is left to be text. `class=` values and
/// `.class` entries add classes, `id=` or `#id` sets the id, other pairs are kept in order
/// (an unquoted value is kept as written: `anchor=false` gives the pair `anchor`/`false`).
enum AttributeList {
  /// What ends an unquoted value.
  static let valueStoppers: Set<UInt8> = Set("{}\"'=<>`\n".utf8)
  /// The attributes of `bytes`, which must be exactly one list (`{` … `}`), or nil.
  static func parse<C: Collection>(_ bytes: C) -> Attributes? where C.Element == UInt8, C.Index == Int {
    var i = bytes.startIndex
    let end = bytes.endIndex
    guard i < end, bytes[i] == UInt8(ascii: "{") else { return nil }
    i += 1
    var attributes = Attributes()
    var count = 0
    func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }
    func isAlphanumeric(_ b: UInt8) -> Bool {
      (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
    /// Goldmark's id and class characters: not space, not ASCII punctuation except `_-:.`.
    func isNameByte(_ b: UInt8) -> Bool {
      if b >= 0x80 { return true }
      return isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }
    /// A key's characters after the first: ASCII letters, digits, `_-:.`.
    func isKeyByte(_ b: UInt8) -> Bool {
      b < 0x80 && isNameByte(b)
    }
    while true {
      while i < end, isSpace(bytes[i]) { i += 1 }
      guard i < end else { return nil }
      let b = bytes[i]
      if b == UInt8(ascii: "}") {
        i += 1
        break
      }
      if count > 0, !isSpace(bytes[i - 1]) { return nil }  // entries are separated by spaces
      if b == UInt8(ascii: "#") || b == UInt8(ascii: ".") {
        var j = i + 1
        // `.` is a name character inside an id, but a class ends at the next `.`-less run only by space.
        while j < end, isNameByte(bytes[j]), !(b == UInt8(ascii: ".") && bytes[j] == UInt8(ascii: ".")) { j += 1 }
        guard j > i + 1 else { return nil }
        let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        if b == UInt8(ascii: "#") { attributes.id = name } else { attributes.classes.append(name) }
        i = j
      } else {
        // key [spaces] = [spaces] value
        guard b < 0x80, (isAlphanumeric(b) && !(b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") else { return nil }
        var j = i + 1
        while j < end, isKeyByte(bytes[j]) { j += 1 }
        let key = String(decoding: bytes[i..<j], as: UTF8.self)
        while j < end, isSpace(bytes[j]) { j += 1 }
        guard j < end, bytes[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        while j < end, isSpace(bytes[j]) { j += 1 }
        guard j < end else { return nil }
        var value: [UInt8] = []
        let q = bytes[j]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
          j += 1
          var closed = false
          while j < end {
            let c = bytes[j]
            if c == UInt8(ascii: "\\"), j + 1 < end {
              value.append(bytes[j + 1])
              j += 2
              continue
            }
            if c == q {
              closed = true
              j += 1
              break
            }
            if c == 10 { return nil }
            value.append(c)
            j += 1
          }
          guard closed else { return nil }
        } else {
          let start = j
          while j < end, !isSpace(bytes[j]), !AttributeList.valueStoppers.contains(bytes[j]) { j += 1 }
          guard j > start else { return nil }
          value = Array(bytes[start..<j])
        }
        let text = String(decoding: value, as: UTF8.self)
        switch key.lowercased() {
        case "id": attributes.id = text
        case "class": attributes.classes += text.split(separator: " ").map(String.init)
        default: attributes.pairs.append(KeyValue(key, text))
        }
        i = j
      }
      count += 1
    }
    guard count > 0 else { return nil }
    // Nothing but spaces may follow.
    while i < end, isSpace(bytes[i]) || bytes[i] == 13 { i += 1 }
    return i == end ? attributes : nil
  }

  /// A list at the end of `line` (a heading's text): where it starts, and what it says. Only the
  /// last few `{` are tried, so a line of 100,000 braces costs linear time.
  static func trailing(_ line: [UInt8]) -> (start: Int, attributes: Attributes)? {
    var end = line.count
    while end > 0, line[end - 1] == 32 || line[end - 1] == 9 || line[end - 1] == 13 { end -= 1 }
    guard end > 0, line[end - 1] == UInt8(ascii: "}") else { return nil }
    var tries = 0
    var k = end - 1
    while k >= 0, tries < 16 {
      if line[k] == UInt8(ascii: "{") {
        tries += 1
        if let a = parse(line[k..<end]) { return (k, a) }
      }
      k -= 1
    }
    return nil
  }
}
