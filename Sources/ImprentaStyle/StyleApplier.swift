import ImprentaModel
import Yams

/// Applies one style file's mapping to a `Style`, key by key, through `StyleSchema`.
struct StyleApplier {
  let file: String
  var diagnostics = Diagnostics()

  init(file: String) {
    self.file = file
  }

  mutating func apply(_ mapping: Node.Mapping, to style: inout Style) {
    // `heading` first, so `h1`…`h6` override it whatever the order in the file.
    let ordered = mapping.sorted { a, b in (a.key.string == "heading" ? 0 : 1) < (b.key.string == "heading" ? 0 : 1) }
    for (keyNode, value) in ordered {
      guard let section = keyNode.string else { continue }
      if section == "extends" { continue }
      if section == "heading" {
        guard let keys = sectionMapping(value, section) else { continue }
        for i in 0..<6 { applySection(keys, StyleSchema.heading(i), section, &style, warnUnknown: i == 0) }
        continue
      }
      guard let schema = StyleSchema.sections[section] else {
        warn(.unknownStyleKey, "unknown style section '\(section)'", keyNode)
        continue
      }
      guard let keys = sectionMapping(value, section) else { continue }
      applySection(keys, schema, section, &style, warnUnknown: true)
    }
  }

  mutating func sectionMapping(_ node: Node, _ section: String) -> Node.Mapping? {
    if let m = node.mapping { return m }
    warn(.invalidStyleValue, "section '\(section)' must be a mapping of keys", node)
    return nil
  }

  mutating func applySection(_ keys: Node.Mapping, _ schema: [String: StyleSchema.Property], _ section: String, _ style: inout Style, warnUnknown: Bool) {
    for (keyNode, value) in keys {
      guard let key = keyNode.string else { continue }
      guard let property = schema[key] else {
        if warnUnknown {
          let known = schema.keys.sorted().joined(separator: ", ")
          warn(.unknownStyleKey, "unknown key '\(section).\(key)' (known: \(known))", keyNode)
        }
        continue
      }
      set(property, value, "\(section).\(key)", &style)
    }
  }

  mutating func set(_ property: StyleSchema.Property, _ node: Node, _ name: String, _ style: inout Style) {
    switch property {
    case .length(let path):
      if let v = length(node, name) { style[keyPath: path] = v }
    case .color(let path):
      guard let s = scalar(node, name) else { return }
      if let c = Color(parsing: s) { style[keyPath: path] = c } else { warn(.invalidStyleValue, "\(name): '\(s)' is not a colour (#rrggbb, #rgb or a CSS name)", node) }
    case .fonts(let path), .strings(let path):
      var items: [(String, Node)] = []
      if let list = node.sequence {
        items = list.compactMap { n in n.string.map { ($0, n) } }
      } else if let s = scalar(node, name) {
        items = s.split(separator: ",").map { (String($0).trimmingCharacters(in: " "), node) }.filter { !$0.0.isEmpty }
      } else {
        return
      }
      // A value is one value: a font family is a name (never CSS), a string holds no control character.
      let isFonts = if case .fonts = property { true } else { false }
      for (item, n) in items where isFonts ? !FontStyle.isValidFamily(item) : item.unicodeScalars.contains(where: \.isControlCharacter) {
        let what = isFonts ? "is not a font family name (letters, digits, spaces, - _ . ' +)" : "holds control characters"
        warn(.invalidStyleValue, "\(name): '\(item.escapedForLog)' \(what); the value is ignored", n)
        return
      }
      if items.isEmpty { warn(.invalidStyleValue, "\(name) needs at least one value", node) } else { style[keyPath: path] = items.map(\.0) }
    case .number(let path, let range):
      guard let s = scalar(node, name) else { return }
      if let v = Double(s), range.contains(v) { style[keyPath: path] = v } else { warn(.invalidStyleValue, "\(name): '\(s)' is not a number in \(range.lowerBound)…\(range.upperBound)", node) }
    case .integer(let path, let range):
      guard let s = scalar(node, name) else { return }
      if let v = Int(s), range.contains(v) { style[keyPath: path] = v } else { warn(.invalidStyleValue, "\(name): '\(s)' is not a whole number in \(range.lowerBound)…\(range.upperBound)", node) }
    case .bool(let path):
      guard let s = scalar(node, name) else { return }
      switch s.lowercased() {
      case "true", "yes", "on": style[keyPath: path] = true
      case "false", "no", "off": style[keyPath: path] = false
      default: warn(.invalidStyleValue, "\(name): '\(s)' is not true or false", node)
      }
    case .choice(let path, let choices):
      guard let s = scalar(node, name) else { return }
      if choices.contains(s.lowercased()) { style[keyPath: path] = s.lowercased() } else { warn(.invalidStyleValue, "\(name): '\(s)' is not one of \(choices.joined(separator: ", "))", node) }
    case .align(let path):
      guard let s = scalar(node, name) else { return }
      if let a = TextAlignment(rawValue: s.lowercased()) { style[keyPath: path] = a } else { warn(.invalidStyleValue, "\(name): '\(s)' is not one of left, center, right, justify", node) }
    case .text(let path):
      if let s = scalar(node, name) { style[keyPath: path] = s }
    case .pageSize:
      guard let s = scalar(node, name) else { return }
      let parts = s.lowercased().split(separator: " ").map(String.init)
      if let (w, h) = StyleSchema.pageSizes[parts.first ?? ""] {
        let landscape = parts.count > 1 && parts[1] == "landscape"
        style.page.width = .mm(landscape ? h : w)
        style.page.height = .mm(landscape ? w : h)
      } else {
        let dims = s.lowercased().split(separator: "x").map { Length(parsing: String($0)) }
        if dims.count == 2, let w = dims[0], let h = dims[1], w.unit != .em, h.unit != .em, w.value > 0, h.value > 0 {
          style.page.width = w
          style.page.height = h
        } else {
          warn(.invalidStyleValue, "page.size: '\(s)' is not a page size (A3, A4, A5, A6, B5, Letter, Legal, or WIDTH x HEIGHT)", node)
        }
      }
    case .margins:
      guard let s = scalar(node, name) else { return }
      let parts = s.split(separator: " ").map { Length(parsing: String($0)) }
      guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy({ $0 != nil && $0!.value >= 0 }) else {
        warn(.invalidStyleValue, "page.margin: '\(s)' is not one to four lengths", node)
        return
      }
      let v = parts.map { $0! }
      let (t, r, b, l): (Length, Length, Length, Length)
      switch v.count {
      case 1: (t, r, b, l) = (v[0], v[0], v[0], v[0])
      case 2: (t, r, b, l) = (v[0], v[1], v[0], v[1])
      case 3: (t, r, b, l) = (v[0], v[1], v[2], v[1])
      default: (t, r, b, l) = (v[0], v[1], v[2], v[3])
      }
      style.page.marginTop = t
      style.page.marginOuter = r
      style.page.marginBottom = b
      style.page.marginInner = l
    }
  }

  mutating func scalar(_ node: Node, _ name: String) -> String? {
    if let s = node.scalar?.string { return s }
    warn(.invalidStyleValue, "\(name) takes a single value", node)
    return nil
  }

  mutating func length(_ node: Node, _ name: String) -> Length? {
    guard let s = scalar(node, name) else { return nil }
    if let l = Length(parsing: s), l.value >= 0 { return l }
    warn(.invalidStyleValue, "\(name): '\(s)' is not a length (pt, mm, cm, in, px or em)", node)
    return nil
  }

  mutating func warn(_ code: DiagnosticCode, _ message: String, _ node: Node) {
    diagnostics.report(Diagnostic(.warning, code: code, file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message))
  }
}
