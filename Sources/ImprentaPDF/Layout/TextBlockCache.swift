import Foundation
import ImprentaModel

/// The paragraphs a first layout pass shaped and broke, handed to the second pass of a document
/// with a table of contents (`PDFWriter.layout`): only the contents' page numbers change between
/// the passes, so every other paragraph is the same text in the same format and its `TextBlock`
/// (shaped runs, line breaks) is reused instead of shaped and broken again.
///
/// The first pass records each block it makes; the second takes them back in the order they
/// were made, each one at most once (a paragraph repeated in a document gets its own block, as
/// without the cache). A block is reused only for exactly the same text (characters, looks,
/// hyphenation points, links, footnote calls, source ranges) and format; anything else is shaped.
final class TextBlockCache {
  enum Mode { case record, reuse }

  /// Everything a `TextBlock` is made of, or that later stages read from its `text`. The text
  /// is hashed and compared as UTF-8 bytes: a block is made of bytes (a text canonically equal
  /// but spelt otherwise is another block), and a `String` is hashed through Unicode
  /// normalisation, a cost paid twice for every paragraph shaped ahead.
  struct Key: Hashable {
    struct Link: Hashable {
      var start: Int
      var end: Int
      var destination: String
    }
    struct Source: Hashable {
      var start: Int
      var end: Int
      var range: SourceRange
    }
    var string: String
    var attributes: [TextAttribute]
    var hyphenPoints: [Int]
    var links: [Link]
    var footnoteCalls: [Int]
    var anchors: [String]
    var sources: [Source]
    var format: ParagraphFormat
    /// The hash of all of the above, taken once: a key is looked up and removed (and put, on
    /// the prefetch thread) and hashing its text, attributes, sources and format each time
    /// cost some 6,000 instructions a paragraph.
    private var digest = 0

    init(_ text: AttributedText, _ format: ParagraphFormat) {
      string = text.string
      attributes = text.attributes
      hyphenPoints = text.hyphenPoints
      links = text.links.map { Link(start: $0.start, end: $0.end, destination: $0.destination) }
      footnoteCalls = text.footnoteCalls.flatMap { [$0.index, $0.number] }
      anchors = text.anchors.map { "\($0.index) \($0.id)" }
      sources = text.sources.map { Source(start: $0.start, end: $0.end, range: $0.range) }
      self.format = format
      var hasher = Hasher()
      var text = string
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      hasher.combine(attributes)
      hasher.combine(hyphenPoints)
      hasher.combine(links)
      hasher.combine(footnoteCalls)
      hasher.combine(anchors)
      hasher.combine(sources)
      hasher.combine(format)
      digest = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (a: Key, b: Key) -> Bool {
      a.digest == b.digest && TextBlockCache.sameBytes(a.string, b.string) && a.attributes == b.attributes && a.hyphenPoints == b.hyphenPoints && a.links == b.links
        && a.footnoteCalls == b.footnoteCalls && a.anchors == b.anchors && a.sources == b.sources && a.format == b.format
    }
  }

  /// Whether two strings are the same bytes (`memcmp`, not a walk of their UTF-8 views).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    guard a.utf8.count == b.utf8.count else { return false }
    return a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
  }

  var mode = Mode.record
  private var blocks: [Key: [TextBlock]] = [:]
  /// Blocks handed back in `reuse` mode, and blocks made there (for tests and profiles).
  private(set) var reused = 0
  private(set) var made = 0

  /// The block of `text` set in `format`: the recorded one when reusing, else a new one.
  func block(engine: TextEngine, text: AttributedText, format: ParagraphFormat, key: Key? = nil) -> TextBlock {
    let key = key ?? Key(text, format)
    switch mode {
    case .record:
      let block = TextBlock(engine: engine, text: text, format: format)
      record(block, for: key)
      return block
    case .reuse:
      if var list = blocks[key], !list.isEmpty {
        let block = list.removeFirst()
        blocks[key] = list.isEmpty ? nil : list
        reused += 1
        return block
      }
      made += 1
      return TextBlock(engine: engine, text: text, format: format)
    }
  }

  /// Keeps a block made elsewhere (shaped ahead: `ParagraphPrefetch`) for the second pass.
  func record(_ block: TextBlock, for key: Key) {
    guard mode == .record else { return }
    blocks[key, default: []].append(block)
    made += 1
  }

  /// Forgets what is left (blocks the second pass did not take: the old contents' lines).
  func clear() { blocks = [:] }
}
