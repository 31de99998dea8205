import ImprentaModel
import TOMLKit

/// TOML front matter → values (toml++ through TOMLKit; keys come back in sorted order).
enum TOMLFrontMatter {
  static func parse(_ toml: String, file: String, lineOffset: Int) throws -> ([KeyValue<MetaValue>], [String: Int]) {
    // Measured on the text: toml++ and the conversion below both recurse once per level.
    if let line = FrontMatterDepth.tomlExcess(toml) {
      throw FrontMatterDepth.error(file: file, line: line + lineOffset, format: "TOML")
    }
    // toml++ asserts (and aborts the process) on a date-time whose T has no time after it.
    if let line = unfinishedDateTime(toml) {
      throw ImprentaError(.invalidFrontMatter, "invalid TOML front matter: a date-time whose 'T' is not followed by a time (HH:MM)", file: file, line: line + lineOffset, column: 1)
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: toml)
    } catch let error as TOMLParseError {
      throw ImprentaError(.invalidFrontMatter, "invalid TOML front matter: \(error.description)", file: file, line: error.source.begin.line + lineOffset, column: error.source.begin.column)
    }
    var lines: [String: Int] = [:]
    // toml++ keeps no order: find each top-level key's line in the text for diagnostics.
    for (i, line) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let t = line.trimmingCharacters(in: " \t")
      guard let eq = t.firstIndex(of: "=") else { continue }
      let key = t[..<eq].trimmingCharacters(in: " \t\"'")
      if lines[key] == nil { lines[key] = i + 1 + lineOffset }
    }
    return (convert(table), lines)
  }

  /// The line of a bare value `YYYY-MM-DDT` not followed by a digit, or nil. toml++ asserts (and
  /// aborts the process) on it instead of reporting an error, so it never gets such text.
  /// Strings and comments are skipped; a bare key of that shape is refused too (harmless).
  static func unfinishedDateTime(_ toml: String) -> Int? {
    let b = Array(toml.utf8)
    func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
    func at(_ i: Int, _ s: String) -> Bool { b[i...].starts(with: s.utf8) }
    var line = 1
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == 10 { line += 1 }
      if c == 35 {  // # comment
        while i < b.count && b[i] != 10 { i += 1 }
        continue
      }
      if c == 34 || c == 39 {  // " or ': a string, maybe multi-line
        let multi = i + 2 < b.count && b[i + 1] == c && b[i + 2] == c
        i += multi ? 3 : 1
        while i < b.count {
          if b[i] == 10 { line += 1 }
          if c == 34 && b[i] == 92 {
            if i + 1 < b.count, b[i + 1] == 10 { line += 1 }
            i += 2
            continue
          }
          if b[i] == c && (!multi || at(i, c == 34 ? "\"\"\"" : "'''")) { break }
          if !multi && b[i] == 10 { break }
          i += 1
        }
        i += multi ? 3 : 1
        continue
      }
      let boundary = i == 0 || !(digit(i - 1) || (b[i - 1] | 0x20 >= 97 && b[i - 1] | 0x20 <= 122) || b[i - 1] == 45 || b[i - 1] == 95 || b[i - 1] == 46 || b[i - 1] == 58)
      if boundary, i + 10 < b.count, digit(i), digit(i + 1), digit(i + 2), digit(i + 3), b[i + 4] == 45, digit(i + 5), digit(i + 6), b[i + 7] == 45,
        digit(i + 8), digit(i + 9), b[i + 10] | 0x20 == 116, !digit(i + 11)
      {
        return line
      }
      i += 1
    }
    return nil
  }

  static func convert(_ table: TOMLTable) -> [KeyValue<MetaValue>] {
    table.keys.sorted().compactMap { key in
      guard let v = table[key] else { return nil }
      return convert(v).map { KeyValue(key, $0) }
    }
  }

  static func convert(_ value: TOMLValueConvertible) -> MetaValue? {
    switch value.type {
    case .string: return value.string.map(MetaValue.string)
    case .int: return value.int.map(MetaValue.integer)
    case .double: return value.double.map(MetaValue.number)
    case .bool: return value.bool.map(MetaValue.bool)
    case .table: return value.table.map { .table(convert($0)) }
    case .array: return value.array.map { arr in .list(arr.compactMap { convert($0) }) }
    case .date:
      guard let d = value.date else { return nil }
      return .date(PageDate(text: pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2), year: d.year, month: d.month, day: d.day))
    case .time:
      guard let t = value.time else { return nil }
      return .string(pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2))
    case .dateTime:
      guard let dt = value.dateTime else { return nil }
      var text = pad(dt.date.year, 4) + "-" + pad(dt.date.month, 2) + "-" + pad(dt.date.day, 2)
      text += "T" + pad(dt.time.hour, 2) + ":" + pad(dt.time.minute, 2) + ":" + pad(dt.time.second, 2)
      if let o = dt.offset {
        text += o.offset == 0 ? "Z" : (o.offset < 0 ? "-" : "+") + pad(abs(o.offset) / 60, 2) + ":" + pad(abs(o.offset) % 60, 2)
      }
      return .date(PageDate(parsing: text) ?? PageDate(text: text, year: dt.date.year, month: dt.date.month, day: dt.date.day))
    }
  }

  static func pad(_ v: Int, _ n: Int) -> String {
    let s = String(v)
    return String(repeating: "0", count: max(0, n - s.count)) + s
  }
}
