import ImprentaModel

/// One Hugo shortcode as written: `{{< name args >}}`, `{{% name %}}…{{% /name %}}`.
public struct Shortcode: Sendable, Hashable {
  /// The name (`figure`, `youtube`, a site's own).
  public var name: String
  /// Positional and named arguments, as written (quotes removed).
  public var arguments: ShortcodeArguments
  /// Whether it was written `{{% %}}` (body is Markdown for Hugo) rather than `{{< >}}`.
  public var isMarkdown: Bool
  /// The text between the opening and closing tags, raw; nil for a self-closing or unpaired one.
  public var body: String?
  /// From the first `{` of the opening tag to the last `}` of the closing one.
  public var range: SourceRange

  /// Creates a shortcode.
  public init(name: String, arguments: ShortcodeArguments = .init(), isMarkdown: Bool = false, body: String? = nil, range: SourceRange = .unknown) {
    self.name = name
    self.arguments = arguments
    self.isMarkdown = isMarkdown
    self.body = body
    self.range = range
  }
}

/// A shortcode's arguments: positional (`"a" b`) and named (`key="value"`), in source order.
public struct ShortcodeArguments: Sendable, Hashable {
  /// Positional arguments.
  public var positional: [String]
  /// Named arguments.
  public var named: [KeyValue<String>]

  /// Creates arguments.
  public init(positional: [String] = [], named: [KeyValue<String>] = []) {
    self.positional = positional
    self.named = named
  }

  /// The named argument `key`.
  public subscript(key: String) -> String? {
    named.first { $0.key == key }?.value
  }

  /// The positional argument at `index`.
  public subscript(index: Int) -> String? {
    index >= 0 && index < positional.count ? positional[index] : nil
  }

  /// The named argument `key`, else the positional one at `index`.
  public func value(_ key: String, or index: Int) -> String? {
    self[key] ?? self[index]
  }

  /// An argument named by a mapping: a number is a position (`0`), anything else a name.
  public func value(spec: String) -> String? {
    if let i = Int(spec) { return self[i] }
    return self[spec]
  }

  /// Whether there are no arguments.
  public var isEmpty: Bool { positional.isEmpty && named.isEmpty }
}

/// What a shortcode becomes.
public enum ShortcodeOutput: Sendable, Hashable {
  /// Blocks (a figure, an embed, a container).
  case blocks([Block])
  /// Inline content (a span, a link).
  case inlines([Inline])
  /// Plain text (a parameter's value, a page's URL), also usable inside link destinations.
  case text(String)
  /// Nothing.
  case none

  /// The output as inlines, for a shortcode written inside running text.
  public var inlines: [Inline] {
    switch self {
    case .inlines(let i): return i
    case .text(let t): return t.isEmpty ? [] : [.text(Text(t))]
    case .none: return []
    case .blocks(let blocks): return ShortcodeOutput.inlines(of: blocks)
    }
  }

  /// The output as blocks, for a shortcode standing on its own lines.
  public var blocks: [Block] {
    switch self {
    case .blocks(let b): return b
    case .inlines(let i): return i.isEmpty ? [] : [.paragraph(Paragraph(i))]
    case .text(let t): return t.isEmpty ? [] : [.paragraph(Paragraph([.text(Text(t))]))]
    case .none: return []
    }
  }

  /// The output as plain text (inside code, URLs and titles).
  public var plainText: String {
    switch self {
    case .text(let t): return t
    default: return inlines.plainText
    }
  }

  /// Blocks flattened into running text: figures become images, embeds links, the rest its text.
  static func inlines(of blocks: [Block]) -> [Inline] {
    var out: [Inline] = []
    for (i, block) in blocks.enumerated() {
      if i > 0 { out.append(.text(Text(" "))) }
      switch block {
      case .paragraph(let p): out += p.content
      case .heading(let h): out += h.content
      case .figure(let f): out.append(.image(f.image))
      case .embed(let e): out.append(.link(Link(destination: e.url, content: [.text(Text(e.displayTitle, range: e.range))], range: e.range)))
      case .codeBlock(let c): out.append(.code(InlineCode(c.code.trimmingCharacters(in: "\n"), range: c.range)))
      case .container(let c): out.append(.span(Span(attributes: c.attributes, content: inlines(of: c.blocks), range: c.range)))
      default: out.append(.text(Text(blockText(block), range: block.range)))
      }
    }
    return out
  }

  static func blockText(_ block: Block) -> String {
    switch block {
    case .paragraph(let p): return p.content.plainText
    case .heading(let h): return h.content.plainText
    case .codeBlock(let c): return c.code
    default: return block.children.map(blockText).joined(separator: " ")
    }
  }
}
