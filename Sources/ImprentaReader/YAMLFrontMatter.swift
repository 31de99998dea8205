import ImprentaModel
import Yams

/// YAML front matter → ordered values, typed by YAML 1.2's core schema (never YAML 1.1's
/// `NO` → false or `0755` → 493), with a bound on what aliases may expand to.
enum YAMLFrontMatter {
  /// Most nodes a front matter may expand to, aliases included (a "billion laughs" stops here).
  static let nodeBudget = 100_000

  static func parse(_ yaml: String, file: String, lineOffset: Int) throws -> ([KeyValue<MetaValue>], [String: Int]) {
    let root: Node?
    do {
      // Resolver.basic: plain scalars are typed below (`scalar`), never by Yams' resolver, whose
      // default rules are regular expressions compiled through ICU on first use (a third of a
      // small page's reading time). It resolves only mapping keys, to find duplicates: the same
      // keys are duplicates either way, unless one carries an explicit tag (`!!str 1` and `1`).
      root = try Yams.compose(yaml: yaml, Resolver.basic)
    } catch let error as YamlError {
      let (line, column, message) = describe(error)
      throw ImprentaError(.invalidFrontMatter, message, file: file, line: line + lineOffset, column: column)
    } catch {
      throw ImprentaError(.invalidFrontMatter, "invalid YAML: \(error)", file: file, line: lineOffset + 1, column: 1)
    }
    guard let root else { return ([], [:]) }
    guard let mapping = root.mapping else {
      if case .scalar(let s) = root, s.string.isEmpty { return ([], [:]) }
      throw ImprentaError(.invalidFrontMatter, "front matter must be a mapping of keys to values", file: file, line: (root.mark?.line ?? 1) + lineOffset, column: root.mark?.column ?? 1)
    }
    // libyaml stops at 1,000 levels; the budget is checked before the recursive conversion.
    if let deep = deepest(root) {
      throw FrontMatterDepth.error(file: file, line: (deep.mark?.line ?? 1) + lineOffset, column: deep.mark?.column ?? 1, format: "YAML")
    }
    var budget = nodeBudget
    var values: [KeyValue<MetaValue>] = []
    var lines: [String: Int] = [:]
    for (k, v) in mapping {
      let key = k.string ?? ""
      lines[key] = (k.mark?.line ?? 0) + lineOffset
      guard var value = try convert(v, budget: &budget, file: file, lineOffset: lineOffset) else { continue }
      // Hugo reads its string fields as written: keep a plain scalar's text beside its type.
      if case .scalar(let s) = v, StringField.keys.contains(key) { value = .string(s.string) }
      values.append(KeyValue(key, value))
    }
    return (values, lines)
  }

  /// The first node nested deeper than `Budget.frontMatterDepth` (the root's values are level 1),
  /// found without recursion; nil when none is. Aliases are not followed (they convert to nothing).
  static func deepest(_ root: Node) -> Node? {
    var stack: [(Node, Int)] = [(root, 0)]
    var visited = 0
    while let (node, depth) = stack.popLast() {
      if depth > FrontMatterDepth.limit { return node }
      visited += 1
      if visited > nodeBudget { return nil }  // the conversion reports the size itself
      switch node {
      case .sequence(let seq): for n in seq { stack.append((n, depth + 1)) }
      case .mapping(let m): for (_, v) in m { stack.append((v, depth + 1)) }
      case .scalar, .alias: break
      }
    }
    return nil
  }

  static func convert(_ node: Node, budget: inout Int, file: String, lineOffset: Int) throws -> MetaValue? {
    budget -= 1
    if budget < 0 {
      throw ImprentaError(.frontMatterTooLarge, "front matter expands to more than \(nodeBudget) values (alias bomb?)", file: file, line: (node.mark?.line ?? 0) + lineOffset, column: node.mark?.column ?? 0)
    }
    switch node {
    case .scalar(let s):
      return scalar(s)
    case .sequence(let seq):
      var items: [MetaValue] = []
      for n in seq {
        if let v = try convert(n, budget: &budget, file: file, lineOffset: lineOffset) { items.append(v) }
      }
      return .list(items)
    case .mapping(let m):
      var pairs: [KeyValue<MetaValue>] = []
      for (k, v) in m {
        if let value = try convert(v, budget: &budget, file: file, lineOffset: lineOffset) {
          pairs.append(KeyValue(k.string ?? "", value))
        }
      }
      return .table(pairs)
    case .alias:
      return nil
    }
  }

  /// YAML 1.2 core schema for plain scalars; quoted scalars and explicit `!!str` stay strings.
  static func scalar(_ s: Node.Scalar) -> MetaValue? {
    let text = s.string
    guard s.style == .plain, s.tag.description != "tag:yaml.org,2002:str" || s.tag.description.isEmpty else { return .string(text) }
    switch text {
    case "", "~", "null", "Null", "NULL": return nil
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    if let i = Int(text), text.first != "+" { return .integer(i) }
    if let d = Double(text), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), d.isFinite,
      text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
    {
      return .number(d)
    }
    if let date = PageDate(parsing: text) { return .date(date) }
    return .string(text)
  }

  static func describe(_ error: YamlError) -> (Int, Int, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      return (mark.line, mark.column, "invalid YAML front matter: \(problem)" + (context.map { " \($0.text)" } ?? ""))
    case .composer(let context, let problem, let mark, _):
      return (mark.line, mark.column, "invalid YAML front matter: \(problem)" + (context.map { " \($0.text)" } ?? ""))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark.line, context.mark.column, "duplicate key in front matter: \(duplicates.joined(separator: ", "))")
    default:
      return (1, 1, "invalid YAML front matter: \(error)")
    }
  }
}
