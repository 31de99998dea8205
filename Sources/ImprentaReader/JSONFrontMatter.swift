import Foundation
import ImprentaModel

/// JSON front matter: an object at the very start of the page, as Hugo reads it.
enum JSONFrontMatter {
  /// The index of the `}` that closes the object opened at the start of `text` (strings aware).
  static func objectEnd(_ text: String, file: String) throws -> String.Index {
    var depth = 0
    var inString = false
    var escaped = false
    var line = 1
    for i in text.indices {
      let c = text[i]
      if c == "\n" { line += 1 }
      if inString {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
        continue
      }
      switch c {
      case "\"": inString = true
      case "{", "[": depth += 1
      case "}", "]":
        depth -= 1
        if depth == 0 { return i }
      default: break
      }
      // The object itself is level 0: its values nest from 1.
      if depth - 1 > FrontMatterDepth.limit {
        throw FrontMatterDepth.error(file: file, line: line, format: "JSON")
      }
    }
    throw ImprentaError(.invalidFrontMatter, "JSON front matter opened with '{' is never closed", file: file, line: 1, column: 1)
  }

  static func parse(_ json: String, file: String) throws -> ([KeyValue<MetaValue>], [String: Int]) {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [])
    } catch {
      let index = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int
      var line = 1, column = 1
      if let index {
        for b in json.utf8.prefix(index) {
          if b == 10 { line += 1; column = 1 } else { column += 1 }
        }
      }
      throw ImprentaError(.invalidFrontMatter, "invalid JSON front matter: \((error as NSError).localizedDescription)", file: file, line: line, column: column)
    }
    guard let dict = object as? [String: Any] else {
      throw ImprentaError(.invalidFrontMatter, "JSON front matter must be an object", file: file, line: 1, column: 1)
    }
    var lines: [String: Int] = [:]
    for (i, l) in json.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      for key in dict.keys where lines[key] == nil && l.contains("\"\(key)\"") { lines[key] = i + 1 }
    }
    return (convert(dict), lines)
  }

  /// Keys sorted: JSON objects have no order, and outputs must not change between runs.
  static func convert(_ dict: [String: Any]) -> [KeyValue<MetaValue>] {
    dict.keys.sorted().compactMap { k in convert(dict[k]!).map { KeyValue(k, $0) } }
  }

  static func convert(_ value: Any) -> MetaValue? {
    switch value {
    case let s as String: return .string(s)
    case let n as NSNumber:
      // Booleans come back as NSNumber too: tell them apart by their C type.
      let type = String(cString: n.objCType)
      if type == "c" || type == "B" { return .bool(n.boolValue) }
      if type == "d" || type == "f" { return .number(n.doubleValue) }
      return .integer(n.intValue)
    case let a as [Any]: return .list(a.compactMap(convert))
    case let d as [String: Any]: return .table(convert(d))
    default: return nil
    }
  }
}
