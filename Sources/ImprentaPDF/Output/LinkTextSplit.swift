/// A link's text moved into its `/Link` element's marked content (PDF/UA: a link element holds
/// its text and its annotation). Cairo 1.16 writes a link's element with an empty marked-content
/// sequence after the page's text, and the link's words inside the paragraph's sequence. The
/// words of a link are painted in a text object of their own (BT…ET: its own colour starts a new
/// Pango run), so the paragraph's sequence can be cut around them: `EMC /Link <</MCID k>> BDC`
/// before, `EMC /P <</MCID n>> BDC` after (a new MCID for the rest of the paragraph), and the
/// empty sequence removed. A text object is the link's when its origin (its first `Tm`, through
/// the CTM) lies in the link annotation's rectangle. Text that shares a text object with other
/// words (a link styled like the body text) stays where it was.
struct LinkTextSplit {
  /// A link on the page: the MCID of its element's (empty) sequence and its annotation's `/Rect`.
  struct Link {
    var mcid: Int
    var rect: (x1: Double, y1: Double, x2: Double, y2: Double)
  }

  /// One cut: link `link`'s text came out of sequence `mcid`; the rest of that sequence, if any,
  /// is now `after`.
  struct Split: Equatable {
    var link: Int
    var mcid: Int
    var after: Int?
  }

  /// Operators that put marks on the page (text, paths, images, shadings).
  static let painting: Set<String> = ["Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI"]

  /// The content stream with each link's text under its MCID, and the cuts made; nil when there
  /// was nothing to move. `nextMCID`: the first MCID free on the page.
  static func split(_ bytes: [UInt8], links: [Link], nextMCID: Int) -> (bytes: [UInt8], splits: [Split])? {
    guard !links.isEmpty else { return nil }
    let ops = ContentStream(bytes).operations
    func numbers(_ op: ContentStream.Operation) -> [Double] { op.operands.compactMap { if case .number(let v) = $0 { v } else { nil } } }
    func mcid(_ op: ContentStream.Operation) -> Int? {
      let text = String(decoding: bytes[op.range], as: UTF8.self)
      guard let r = text.range(of: "/MCID") else { return nil }
      return Int(text[r.upperBound...].drop(while: { $0 == " " }).prefix(while: \.isNumber))
    }
    struct Open {
      var mcid: Int?
      var tag: String
      var depth: Int
      var op: Int
    }
    struct Block {
      var bt: Int, et: Int, x: Double, y: Double, mcid: Int, tag: String
    }
    var ctm: [Double] = [1, 0, 0, 1, 0, 0]
    var saved: [[Double]] = []
    var marked: [Open] = []
    var blocks: [Block] = []
    var emptyLinks: [Int: Range<Int>] = [:]
    var closing: [Int: Int] = [:]
    var textStart: Int? = nil
    var origin: (Double, Double)? = nil
    var depthAtText = 0
    for (i, op) in ops.enumerated() {
      switch op.op {
      case "q": saved.append(ctm)
      case "Q": ctm = saved.popLast() ?? ctm
      case "cm":
        let m = numbers(op)
        if m.count == 6 {
          ctm = [
            m[0] * ctm[0] + m[1] * ctm[2], m[0] * ctm[1] + m[1] * ctm[3], m[2] * ctm[0] + m[3] * ctm[2], m[2] * ctm[1] + m[3] * ctm[3],
            m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
          ]
        }
      case "BDC", "BMC":
        let tag = op.operands.first.flatMap { if case .name(let n) = $0 { n } else { nil } } ?? ""
        marked.append(Open(mcid: op.op == "BDC" ? mcid(op) : nil, tag: tag, depth: saved.count, op: i))
      case "EMC":
        guard let open = marked.popLast(), let m = open.mcid else { continue }
        closing[m] = i
        if open.op == i - 1, open.tag == "Link" { emptyLinks[m] = ops[open.op].range.lowerBound..<op.range.upperBound }
      case "BT":
        textStart = i
        origin = nil
        depthAtText = saved.count
      case "Tm":
        let m = numbers(op)
        if origin == nil, m.count == 6 { origin = (m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5]) }
      case "ET":
        defer { textStart = nil }
        guard let start = textStart, let (x, y) = origin, let open = marked.last, let m = open.mcid, open.tag != "Link", open.depth == depthAtText else { continue }
        blocks.append(Block(bt: start, et: i, x: x, y: y, mcid: m, tag: open.tag))
      default: break
      }
    }
    // Each block to the link whose rectangle holds its origin; consecutive blocks of one link
    // in one sequence make one run.
    func owner(_ b: Block) -> Int? {
      links.indices.first { j in
        let r = links[j].rect
        return emptyLinks[links[j].mcid] != nil && b.x >= r.x1 - 1 && b.x < r.x2 - 0.5 && b.y >= r.y1 - 1 && b.y <= r.y2 + 1
      }
    }
    var runs: [(link: Int, first: Block, last: Block)] = []
    var used: Set<Int> = []
    for b in blocks {
      let j = owner(b)
      if let j, let last = runs.last, last.link == j, last.last.mcid == b.mcid, last.last.et == blocks.last(where: { $0.et < b.bt })?.et {
        runs[runs.count - 1].last = b
      } else if let j, !used.contains(j) {
        used.insert(j)
        runs.append((j, b, b))
      }
    }
    guard !runs.isEmpty else { return nil }
    var next = nextMCID
    var inserts: [(at: Int, text: String)] = []
    var removals: [Range<Int>] = []
    var splits: [Split] = []
    for run in runs {
      let link = links[run.link]
      inserts.append((ops[run.first.bt].range.lowerBound, "EMC /Link <</MCID \(link.mcid)>> BDC\n"))
      let end = closing[run.first.mcid] ?? ops.count
      let more = ops[(run.last.et + 1)..<max(run.last.et + 1, end)].contains { painting.contains($0.op) }
      var after: Int? = nil
      if more {
        after = next
        inserts.append((ops[run.last.et].range.upperBound, "\nEMC /\(run.first.tag) <</MCID \(next)>> BDC"))
        next += 1
      }
      if let empty = emptyLinks[link.mcid] { removals.append(empty) }
      splits.append(Split(link: run.link, mcid: run.first.mcid, after: after))
    }
    // Applied from the end, so earlier offsets hold.
    var out = bytes
    let edits = inserts.map { ($0.at, $0.at..<$0.at, Array($0.text.utf8)) } + removals.map { ($0.lowerBound, $0, [UInt8]()) }
    for (_, range, text) in edits.sorted(by: { $0.0 > $1.0 }) { out.replaceSubrange(range, with: text) }
    return (out, splits)
  }
}
