import ImprentaModel

/// An inline as cmark-gfm gives it, before raw HTML is parsed: a converted inline, or one HTML
/// tag (cmark-gfm hands `<span class="x">`, the text and `</span>` over as separate siblings).
enum InlinePiece {
  case inline(Inline)
  case tag(InlineHTMLTag)
}

// Raw HTML inside a paragraph, parsed once by the reader: tags are paired across the siblings of
// one inline run, each paired fragment goes through the same repair and sanitiser as an HTML
// block (`RawHTMLParser`), and the safe nodes become model inlines (`InlineHTMLMapping`).
extension MarkdownConverter {
  /// The inlines of `pieces`, every raw HTML tag resolved. A tag without its partner in the run is
  /// dropped and what follows it kept, except a start tag whose content is never shown
  /// (`<script>`): then everything to the end of the run is its content, and dropped with it.
  mutating func resolvingInlineHTML(_ pieces: [InlinePiece]) -> [Inline] {
    let pairs = InlineHTMLPairs(pieces)
    var out: [Inline] = []
    var i = 0
    while i < pieces.count {
      switch pieces[i] {
      case .inline(let inline):
        out.append(inline)
        i += 1
      case .tag(let tag):
        var last: Int?
        if let end = pairs.end[i] {
          last = end
        } else if tag.standsAlone {
          last = i
        } else if tag.hidesWhatFollows {
          last = pieces.count - 1
        }
        guard let last else {
          i += 1
          continue
        }
        out += fragment(pieces[i...last], pairs: pairs)
        i = last + 1
      }
    }
    return out
  }

  /// One fragment of raw HTML and the inlines inside it, parsed and sanitised as a whole. The
  /// inlines other than text wait in slots; a marker in the HTML stands for each.
  mutating func fragment(_ pieces: ArraySlice<InlinePiece>, pairs: InlineHTMLPairs) -> [Inline] {
    var html = ""
    var slots: [Inline] = []
    var start = SourceRange.unknown, end = SourceRange.unknown
    for (index, piece) in zip(pieces.indices, pieces) {
      switch piece {
      case .tag(let tag):
        if !start.isKnown { start = tag.range }
        if tag.range.isKnown { end = tag.range }
        // An unpaired tag inside a fragment is dropped too (libxml2 would close it anywhere), but
        // an unclosed `<script>` still hides the rest of the fragment.
        guard tag.standsAlone || tag.hidesWhatFollows || pairs.end[index] != nil || pairs.isEnd.contains(index) else { continue }
        html += tag.html
      case .inline(.text(let t)):
        // A shortcode inside the fragment (`<span>v{{% param version %}}</span>`) is put back
        // here: the text's tokens would otherwise come out of the HTML as private-use characters.
        for piece in expansions.isEmpty ? [.text(t.string)] : ShortcodeTokens.split(t.string) {
          switch piece {
          case .text(let s): html += InlineHTMLMapping.escaped(s)
          case .token(let id):
            for inline in expansions[id]?.inlines ?? [] {
              html += InlineHTMLMapping.marker(slots.count)
              slots.append(inline)
            }
          }
        }
      case .inline(let inline):
        html += InlineHTMLMapping.marker(slots.count)
        slots.append(inline)
      }
    }
    let range = start.isKnown && end.isKnown ? SourceRange(start: start.start, end: end.end) : start
    let nodes = RawHTMLParser(file: file, range: range).parse(html, diagnostics: &diagnostics)
    return InlineHTMLMapping(range: range, slots: slots).inlines(nodes)
  }
}

/// Which start tag of an inline run is closed by which end tag: a stack over the siblings, as a
/// browser pairs them. An end tag closes the nearest open element of its name (and every element
/// opened after it, which stays unpaired); an end tag with nothing open of its name is unpaired.
/// Start tags past `maximumDepth` open elements stay unpaired: libxml2 stops reading a fragment
/// nested deeper than 256 elements (losing the text), and no page nests inline HTML that far.
struct InlineHTMLPairs {
  static let maximumDepth = 32

  /// The index of each paired start tag's end tag.
  var end: [Int: Int] = [:]
  /// The indices of paired end tags.
  var isEnd: Set<Int> = []

  init(_ pieces: [InlinePiece]) {
    var stack: [(name: String, index: Int)] = []
    // Where each name is open on the stack, so an end tag finds its start in constant time
    // (a run of 50,000 unmatched end tags must not scan the stack each time).
    var open: [String: [Int]] = [:]
    for (index, piece) in pieces.enumerated() {
      guard case .tag(let tag) = piece, !tag.standsAlone else { continue }
      switch tag.kind {
      case .start:
        guard stack.count < InlineHTMLPairs.maximumDepth else { continue }
        open[tag.name, default: []].append(stack.count)
        stack.append((tag.name, index))
      case .end:
        guard let depth = open[tag.name]?.last else { continue }
        end[stack[depth].index] = index
        isEnd.insert(index)
        while stack.count > depth {
          let popped = stack.removeLast()
          open[popped.name]?.removeLast()
        }
      case .other:
        continue
      }
    }
  }
}
