import Foundation
import ImprentaModel

extension BlockQuote {
  /// A block quote whose first line is only `{.class …}` takes those classes, and the line is
  /// dropped: `> {.pull}` then the quote's text makes a pull-quote. Anything else on that line
  /// (an id, a key=value pair, other text) leaves the quote as written.
  static func classified(_ blocks: [Block], range: SourceRange) -> BlockQuote {
    guard case .paragraph(var p)? = blocks.first, case .text(let t)? = p.content.first else {
      return BlockQuote(blocks: blocks, range: range)
    }
    let s = t.string.trimmingCharacters(in: .whitespaces)
    guard s.hasPrefix("{"), s.hasSuffix("}"), s.count > 2 else { return BlockQuote(blocks: blocks, range: range) }
    let tokens = s.dropFirst().dropLast().split(separator: " ")
    let valid = !tokens.isEmpty && tokens.allSatisfy { $0.count > 1 && $0.first == "." && $0.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
    guard valid else { return BlockQuote(blocks: blocks, range: range) }
    // The marker must be the whole first line.
    var rest = Array(p.content.dropFirst())
    switch rest.first {
    case .softBreak?, .hardBreak?: rest.removeFirst()
    case nil: break
    default: return BlockQuote(blocks: blocks, range: range)
    }
    var out = Array(blocks.dropFirst())
    if !rest.isEmpty {
      p.content = rest
      out.insert(.paragraph(p), at: 0)
    }
    return BlockQuote(attributes: Attributes(classes: tokens.map { String($0.dropFirst()) }), blocks: out, range: range)
  }
}
