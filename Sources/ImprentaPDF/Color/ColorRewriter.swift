/// Rewrites the colour operators of a content stream from DeviceRGB to DeviceCMYK (`rg`/`RG` →
/// `k`/`K`; `sc`/`scn` after `/DeviceRGB cs` → four components in `/DeviceCMYK`), copying every
/// other byte. A near-black that fills a large rectangle (`re … f`) becomes rich black.
struct ColorRewriter {
  /// A filled rectangle at least this large (pt², one square inch) counts as a large area.
  static let largeArea = 72.0 * 72.0

  let convert: (_ rgb: [Double], _ largeArea: Bool) -> [Double]

  /// The rewritten stream, and whether it held any colour operator. Inline images in RGB are
  /// left as they are and counted (Cairo writes its images as objects).
  func rewrite(_ data: [UInt8]) -> (bytes: [UInt8], changed: Bool, rgbInlineImages: Int) {
    let stream = ContentStream(data)
    let ops = stream.operations
    let large = largeFills(ops)
    var out: [UInt8] = []
    out.reserveCapacity(data.count + data.count / 8)
    var copied = 0
    var changed = false
    // Whether the fill / stroke colour space is DeviceRGB (set with cs/CS), saved by q and Q.
    var rgbSpace = (fill: false, stroke: false)
    var saved: [(fill: Bool, stroke: Bool)] = []
    var rgbInlineImages = 0
    func replace(_ op: ContentStream.Operation, with text: String) {
      out += data[copied..<op.range.lowerBound]
      out += Array(text.utf8)
      copied = op.range.upperBound
      changed = true
    }
    for (index, op) in ops.enumerated() {
      let numbers = op.operands.compactMap { if case .number(let v) = $0 { v } else { nil } }
      switch op.op {
      case "q": saved.append(rgbSpace)
      case "Q": if let s = saved.popLast() { rgbSpace = s }
      case "BI":
        let space = op.inlineImage["CS"] ?? op.inlineImage["ColorSpace"]
        if space == .name("RGB") || space == .name("DeviceRGB") { rgbInlineImages += 1 }
      case "rg", "RG":
        guard numbers.count == 3 else { continue }
        let stroke = op.op == "RG"
        let cmyk = convert(numbers, !stroke && large.contains(index))
        replace(op, with: ColorRewriter.format(cmyk) + (stroke ? " K" : " k"))
      case "cs", "CS":
        let stroke = op.op == "CS"
        let isRGB = op.operands.last == .name("DeviceRGB")
        if stroke { rgbSpace.stroke = isRGB } else { rgbSpace.fill = isRGB }
        if isRGB { replace(op, with: "/DeviceCMYK " + op.op) }
      case "sc", "scn", "SC", "SCN":
        let stroke = op.op.hasPrefix("S")
        guard stroke ? rgbSpace.stroke : rgbSpace.fill, numbers.count == 3, op.operands.count == 3 else { continue }
        replace(op, with: ColorRewriter.format(convert(numbers, !stroke && large.contains(index))) + " " + op.op)
      default: break
      }
    }
    out += data[copied..<data.count]
    return (out, changed, rgbInlineImages)
  }

  /// The indexes of non-stroking `rg`/`sc`/`scn` operations whose colour fills a large rectangle
  /// before the next fill colour is set.
  private func largeFills(_ ops: [ContentStream.Operation]) -> Set<Int> {
    var result: Set<Int> = []
    var pending: [Int] = []
    var area = 0.0
    for (index, op) in ops.enumerated() {
      switch op.op {
      case "rg", "sc", "scn", "k", "g", "cs":
        pending = [index]
      case "re":
        let v = op.operands.compactMap { if case .number(let v) = $0 { v } else { nil } }
        if v.count == 4 { area += abs(v[2] * v[3]) }
      case "f", "F", "f*", "B", "B*", "b", "b*":
        if area >= ColorRewriter.largeArea { result.formUnion(pending) }
        area = 0
      case "S", "s", "n":
        area = 0
      default: break
      }
    }
    return result
  }

  /// Components with at most four decimals, no trailing zeros.
  static func format(_ values: [Double]) -> String {
    values.map { v -> String in
      let r = (v * 10000).rounded() / 10000
      if r == r.rounded() { return String(Int(r)) }
      var s = String(r)
      if s.hasPrefix("0.") { s.removeFirst() }
      return s
    }.joined(separator: " ")
  }
}

/// Total ink of the CMYK colours a content stream sets (`k`/`K`, and `sc`/`scn` in DeviceCMYK),
/// for the preflight's ink limit.
enum InkCoverage {
  /// The most total ink (in percent, 400 at most) any CMYK colour of the stream asks for.
  static func maximum(in data: [UInt8]) -> Double {
    var best = 0.0
    var cmykSpace = (fill: false, stroke: false)
    var saved: [(fill: Bool, stroke: Bool)] = []
    for op in ContentStream(data).operations {
      let numbers = op.operands.compactMap { if case .number(let v) = $0 { v } else { nil } }
      switch op.op {
      case "q": saved.append(cmykSpace)
      case "Q": if let s = saved.popLast() { cmykSpace = s }
      case "cs": cmykSpace.fill = op.operands.last == .name("DeviceCMYK")
      case "CS": cmykSpace.stroke = op.operands.last == .name("DeviceCMYK")
      case "k", "K":
        if numbers.count == 4 { best = max(best, numbers.reduce(0, +) * 100) }
      case "sc", "scn":
        if cmykSpace.fill, numbers.count == 4 { best = max(best, numbers.reduce(0, +) * 100) }
      case "SC", "SCN":
        if cmykSpace.stroke, numbers.count == 4 { best = max(best, numbers.reduce(0, +) * 100) }
      default: break
      }
    }
    return best
  }

  /// The share of 8-bit CMYK pixels over `limit` percent total ink, and the most ink of any.
  static func pixels(_ cmyk: [UInt8], over limit: Double) -> (share: Double, maximum: Double) {
    let n = cmyk.count / 4
    guard n > 0 else { return (0, 0) }
    let threshold = Int(limit / 100 * 255)
    let (over, most) = cmyk.withUnsafeBufferPointer { p -> (Int, Int) in
      var over = 0
      var most = 0
      for k in 0..<n {
        let t = Int(p[4 * k]) &+ Int(p[4 * k + 1]) &+ Int(p[4 * k + 2]) &+ Int(p[4 * k + 3])
        if t > threshold { over &+= 1 }
        if t > most { most = t }
      }
      return (over, most)
    }
    return (Double(over) / Double(n), Double(most) / 255 * 100)
  }
}
