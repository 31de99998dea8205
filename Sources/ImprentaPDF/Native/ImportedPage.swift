import Foundation

/// An SVG image in a natively written PDF: librsvg draws it with Cairo into a one-page PDF of its
/// placed size (vectors, text and gradients as Cairo writes them), and that page's objects are
/// copied into the document, renumbered, its content becoming a form XObject. The page's catalog,
/// page tree and document information are left behind; nothing else is interpreted.
enum ImportedPage {
  /// Writes `svg` drawn at `width` × `height` points as a form XObject; returns its number, or
  /// nil when Cairo's page cannot be read back.
  static func svgForm(_ svg: SVGImage, width: Double, height: Double, into writer: PDFFileWriter) -> Int? {
    let ctx = CairoContext(pdfWidth: width, height: height)
    svg.render(into: ctx.cr, x: 0, y: 0, width: width, height: height)
    let bytes = ctx.finish()
    guard ctx.status == nil else { return nil }
    return form(fromPDF: bytes, width: width, height: height, into: writer)
  }

  /// One object of the PDF read back: its dictionary or value, and its stream's raw bytes.
  struct RawObject {
    var body: ArraySlice<UInt8>
    var stream: ArraySlice<UInt8>?
  }

  /// The objects of a PDF written plainly (Cairo's: no object streams), by number.
  static func objects(_ pdf: [UInt8]) -> [Int: RawObject] {
    var starts: [(number: Int, body: Int)] = []
    var i = 0
    let n = pdf.count
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    while i < n {
      if isDigit(pdf[i]), i == 0 || pdf[i - 1] == 0x0A || pdf[i - 1] == 0x0D {
        var j = i
        var number = 0
        while j < n, isDigit(pdf[j]), number < 100_000_000 {
          number = number * 10 + Int(pdf[j] - 0x30)
          j += 1
        }
        if j + 6 <= n, pdf[j] == 0x20, isDigit(pdf[j + 1]) {
          var k = j + 1
          while k < n, isDigit(pdf[k]) { k += 1 }
          if k + 4 <= n, pdf[k] == 0x20, pdf[k + 1] == UInt8(ascii: "o"), pdf[k + 2] == UInt8(ascii: "b"), pdf[k + 3] == UInt8(ascii: "j") {
            starts.append((number, k + 4))
            i = k + 4
            continue
          }
        }
      }
      i += 1
    }
    var result: [Int: RawObject] = [:]
    var lengths: [Int: Int] = [:]
    // Plain values first (an indirect /Length is one).
    for (k, s) in starts.enumerated() {
      let limit = k + 1 < starts.count ? starts[k + 1].body : n
      guard let end = find("endobj", in: pdf, from: s.body, to: limit) else { continue }
      let value = pdf[s.body..<end]
      if let v = Int(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) { lengths[s.number] = v }
    }
    for s in starts {
      var p = s.body
      while p < n, isSpace(pdf[p]) { p += 1 }
      guard p + 1 < n else { continue }
      if pdf[p] == UInt8(ascii: "<"), pdf[p + 1] == UInt8(ascii: "<"), let close = dictionaryEnd(pdf, from: p) {
        var q = close
        while q < n, isSpace(pdf[q]) { q += 1 }
        if q + 6 <= n, pdf[q..<(q + 6)].elementsEqual("stream".utf8) {
          var data = q + 6
          if data < n, pdf[data] == 0x0D { data += 1 }
          if data < n, pdf[data] == 0x0A { data += 1 }
          let dict = pdf[p..<close]
          guard let length = streamLength(dict, lengths: lengths), data + length <= n else { continue }
          result[s.number] = RawObject(body: dict, stream: pdf[data..<(data + length)])
        } else {
          result[s.number] = RawObject(body: pdf[p..<close], stream: nil)
        }
      } else if let end = find("endobj", in: pdf, from: p, to: n) {
        result[s.number] = RawObject(body: pdf[p..<end], stream: nil)
      }
    }
    return result
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0 }

  private static func find(_ needle: String, in bytes: [UInt8], from: Int, to: Int) -> Int? {
    let pattern = Array(needle.utf8)
    var i = from
    while i + pattern.count <= to {
      if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
      i += 1
    }
    return nil
  }

  /// The index just past the `>>` closing the dictionary that opens at `start` (strings and
  /// nested dictionaries skipped).
  static func dictionaryEnd(_ b: [UInt8], from start: Int) -> Int? {
    var depth = 0
    var i = start
    while i + 1 < b.count {
      switch b[i] {
      case UInt8(ascii: "("):
        var nesting = 0
        while i < b.count {
          if b[i] == UInt8(ascii: "\\") {
            i += 2
            continue
          }
          if b[i] == UInt8(ascii: "(") { nesting += 1 }
          if b[i] == UInt8(ascii: ")") {
            nesting -= 1
            if nesting == 0 { break }
          }
          i += 1
        }
      case UInt8(ascii: "<") where b[i + 1] == UInt8(ascii: "<"):
        depth += 1
        i += 1
      case UInt8(ascii: ">") where b[i + 1] == UInt8(ascii: ">"):
        depth -= 1
        i += 1
        if depth == 0 { return i + 1 }
      default: break
      }
      i += 1
    }
    return nil
  }

  private static func streamLength(_ dict: ArraySlice<UInt8>, lengths: [Int: Int]) -> Int? {
    let text = String(decoding: dict, as: UTF8.self)
    guard let r = text.range(of: "/Length") else { return nil }
    let rest = text[r.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" })
    let first = rest.prefix(while: \.isNumber)
    guard let value = Int(first) else { return nil }
    let after = rest.dropFirst(first.count)
    if after.hasPrefix(" 0 R") { return lengths[value] }
    return value
  }

  /// `body` with every reference `N 0 R` renumbered through `map` (unknown ones become `null`).
  static func renumbered(_ body: ArraySlice<UInt8>, _ map: [Int: Int]) -> String {
    let b = Array(body)
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 16)
    var i = 0
    func isDigit(_ x: UInt8) -> Bool { x >= 0x30 && x <= 0x39 }
    while i < b.count {
      if isDigit(b[i]), i == 0 || !isDigit(b[i - 1]) && b[i - 1] != UInt8(ascii: ".") {
        var j = i
        var number = 0
        while j < b.count, isDigit(b[j]), number < 100_000_000 {
          number = number * 10 + Int(b[j] - 0x30)
          j += 1
        }
        // "N G R" with R standing alone.
        if j + 4 <= b.count, b[j] == 0x20, isDigit(b[j + 1]) {
          var k = j + 1
          while k < b.count, isDigit(b[k]) { k += 1 }
          if k + 1 < b.count, b[k] == 0x20, b[k + 1] == UInt8(ascii: "R"), k + 2 == b.count || !isRegular(b[k + 2]) {
            out.append(contentsOf: (map[number].map { "\($0) 0 R" } ?? "null").utf8)
            i = k + 2
            continue
          }
        }
        out.append(contentsOf: b[i..<j])
        i = j
        continue
      }
      out.append(b[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isRegular(_ b: UInt8) -> Bool { !isSpace(b) && !"()<>[]{}/%".utf8.contains(b) }

  /// The first page of `pdf` as a form XObject of `width` × `height` points in `writer`.
  static func form(fromPDF pdf: [UInt8], width: Double, height: Double, into writer: PDFFileWriter) -> Int? {
    let objects = objects(pdf)
    func text(_ o: RawObject) -> String { String(decoding: o.body, as: UTF8.self) }
    func reference(_ key: String, in s: String) -> Int? {
      guard let r = s.range(of: key + " ") else { return nil }
      let digits = s[r.upperBound...].prefix(while: \.isNumber)
      guard let v = Int(digits), s[r.upperBound...].dropFirst(digits.count).hasPrefix(" 0 R") else { return nil }
      return v
    }
    guard let (pageNumber, page) = objects.first(where: { text($0.value).range(of: #"/Type\s*/Page\b"#, options: .regularExpression) != nil }),
      let contentsNumber = reference("/Contents", in: text(page)), let contents = objects[contentsNumber], let data = contents.stream
    else { return nil }
    let pageText = text(page)
    // Objects the form needs: everything but the document's own (catalog, pages, page, info)
    // and the page's content, which becomes the form.
    var skipped: Set<Int> = [pageNumber, contentsNumber]
    for (number, o) in objects where o.stream == nil {
      let t = text(o)
      if t.contains("/Type /Catalog") || t.contains("/Type /Pages") || t.contains("/Producer") || t.contains("/Type/Catalog") || t.contains("/Type/Pages") { skipped.insert(number) }
    }
    var map: [Int: Int] = [:]
    for number in objects.keys.sorted() where !skipped.contains(number) { map[number] = writer.reserve() }
    for (number, new) in map.sorted(by: { $0.key < $1.key }) {
      let o = objects[number]!
      if let stream = o.stream {
        var dict = renumbered(o.body, map)
        dict = dict.replacingOccurrences(of: #"/Length\s+(null|\d+(\s+\d+\s+R)?)"#, with: "", options: .regularExpression)
        writer.streamBody(new, entries: String(dict.dropFirst(2).dropLast(2)), payload: Array(stream), filter: nil)
      } else {
        writer.object(new, renumbered(o.body, map))
      }
    }
    // The form: the page's content, resources and transparency group; its filter kept.
    let contentDict = text(contents)
    var entries = "/Type /XObject /Subtype /Form /BBox [0 0 \(PDFSyntax.number(width)) \(PDFSyntax.number(height))]"
    if let filter = contentDict.range(of: #"/Filter\s*/[A-Za-z0-9]+"#, options: .regularExpression) { entries += " " + contentDict[filter] }
    if let resources = reference("/Resources", in: pageText), let new = map[resources] {
      entries += " /Resources \(new) 0 R"
    } else if let r = pageText.range(of: "/Resources"), let open = pageText[r.upperBound...].firstIndex(of: "<") {
      let bytes = Array(pageText.utf8)
      let start = pageText.utf8.distance(from: pageText.utf8.startIndex, to: open)
      if let end = dictionaryEnd(bytes, from: start) { entries += " /Resources " + renumbered(bytes[start..<end], map) }
    }
    if let r = pageText.range(of: "/Group"), let open = pageText[r.upperBound...].firstIndex(of: "<") {
      let bytes = Array(pageText.utf8)
      let start = pageText.utf8.distance(from: pageText.utf8.startIndex, to: open)
      if let end = dictionaryEnd(bytes, from: start) { entries += " /Group " + renumbered(bytes[start..<end], map) }
    }
    let form = writer.reserve()
    writer.streamBody(form, entries: entries, payload: Array(data), filter: nil)
    return form
  }
}
