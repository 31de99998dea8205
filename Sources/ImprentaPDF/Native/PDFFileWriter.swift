import ImprentaDigest

/// The bytes of a PDF file as its objects are written: numbers are reserved first (so objects can
/// point at each other in any order) and each object is written once. Objects other than streams
/// are packed into compressed object streams (PDF 1.5, §7.5.7) a hundred at a time — a tagged
/// document is mostly small structure elements —, and `finish` adds a cross-reference stream
/// with the trailer and a file identifier derived from the content (two runs on the same input
/// give the same bytes).
final class PDFFileWriter {
  private(set) var bytes: [UInt8] = []
  /// Where each object is, by number (index 0 is the free head).
  private enum Location {
    case reserved
    /// A stream being compressed (`compressor`), written when the file is finished.
    case compressing
    case offset(Int)
    case packed(stream: Int, index: Int)
  }
  /// Compresses streams on another thread while the document goes on being written.
  private let compressor = StreamCompressor()
  private var locations: [Location] = [.reserved]
  /// Objects waiting to be packed into the next object stream.
  private var pending: [(number: Int, body: [UInt8])] = []
  private var pendingBytes = 0
  static let objectsPerStream = 100

  init() {
    // The header, and a comment of high bytes that marks the file as binary (§7.5.2).
    bytes.append(contentsOf: Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    bytes.reserveCapacity(1 << 20)
  }

  /// Makes room for `count` more bytes at once.
  func reserveCapacity(adding count: Int) {
    bytes.reserveCapacity(bytes.count + count + locations.count * 8 + 4096)
  }

  /// A new object number, to be written later.
  func reserve() -> Int {
    locations.append(.reserved)
    return locations.count - 1
  }

  /// Writes object `number` with `body` (a dictionary, array or other value; never a stream).
  func object(_ number: Int, _ body: String) {
    object(number, bytes: Array(body.utf8))
  }

  /// Writes object `number` (not a stream) whose body is `b`.
  func object(_ number: Int, bytes b: [UInt8]) {
    check(number)
    locations[number] = .packed(stream: 0, index: pending.count)
    pending.append((number, b))
    pendingBytes += b.count
    if pending.count >= Self.objectsPerStream || pendingBytes > 256 * 1024 { flushObjects() }
  }

  /// Writes object `number` as a stream of `data` whose dictionary holds `entries` (without
  /// `/Length` and `/Filter`); compressed with Flate unless `compress` is false or it would not
  /// gain. A compressed stream is deflated on another thread and written when the file is
  /// finished (in the order streams were handed over: the same bytes every run).
  func stream(_ number: Int, entries: String, data: [UInt8], compress: Bool = true) {
    guard compress, data.count > 64 else { return streamBody(number, entries: entries, payload: data, filter: nil) }
    // A large stream (a picture's pixels: 300 MB for 100 RGB megapixels) is deflated here and
    // now: queued, several would wait uncompressed at once (five such pictures peaked at 807 MB).
    guard data.count <= StreamCompressor.largestQueued else {
      let r = Zlib.deflatedIfSmaller(data)
      return streamBody(number, entries: entries, payload: r.payload, filter: r.compressed ? "/FlateDecode" : nil)
    }
    check(number)
    locations[number] = .compressing
    compressor.compress(data, into: number, entries: entries)
  }

  /// Writes a stream whose data is already encoded with `filter` (nil: none), such as a JPEG's
  /// `/DCTDecode`.
  func streamBody(_ number: Int, entries: String, payload: [UInt8], filter: String?) {
    if case .compressing = locations[number] {} else { check(number) }
    locations[number] = .offset(bytes.count)
    var dict = "\(number) 0 obj\n<<" + entries + " /Length \(payload.count)"
    if let filter { dict += " /Filter " + filter }
    dict += ">>\nstream\n"
    bytes.append(contentsOf: dict.utf8)
    bytes.append(contentsOf: payload)
    bytes.append(contentsOf: "\nendstream\nendobj\n".utf8)
  }

  private func check(_ number: Int) {
    precondition(number > 0 && number < locations.count, "PDF object \(number) never reserved")
    if case .reserved = locations[number] { return }
    preconditionFailure("PDF object \(number) written twice")
  }

  /// Packs the pending objects into one object stream.
  private func flushObjects() {
    guard !pending.isEmpty else { return }
    let streamNumber = reserve()
    var header: [UInt8] = []
    var body: [UInt8] = []
    for (index, object) in pending.enumerated() {
      header.append(contentsOf: "\(object.number) \(body.count) ".utf8)
      body.append(contentsOf: object.body)
      body.append(0x0A)
      locations[object.number] = .packed(stream: streamNumber, index: index)
    }
    let count = pending.count
    pending.removeAll(keepingCapacity: true)
    pendingBytes = 0
    stream(streamNumber, entries: "/Type /ObjStm /N \(count) /First \(header.count)", data: header + body)
  }

  /// The finished file. Every reserved object should have been written; one left out becomes
  /// `null`, so the table stays whole.
  func finish(root: Int, info: Int) -> [UInt8] {
    for n in 1..<locations.count {
      if case .reserved = locations[n] { object(n, "null") }
    }
    flushObjects()
    compressor.write(into: self)
    // The identifier: a digest of everything written, so it changes with the content only.
    let id = Digest.hash(.sha256, bytes).prefix(16).map { PDFSyntax.hex($0) }.joined()
    let xrefNumber = reserve()
    let xrefOffset = bytes.count
    locations[xrefNumber] = .offset(xrefOffset)
    // Entries of 1 + 4 + 2 bytes: type, offset or object stream, generation or index.
    var table: [UInt8] = []
    table.reserveCapacity(locations.count * 7)
    func entry(_ type: UInt8, _ field: Int, _ second: Int) {
      table.append(type)
      table.append(contentsOf: [UInt8(truncatingIfNeeded: field >> 24), UInt8(truncatingIfNeeded: field >> 16), UInt8(truncatingIfNeeded: field >> 8), UInt8(truncatingIfNeeded: field)])
      table.append(contentsOf: [UInt8(truncatingIfNeeded: second >> 8), UInt8(truncatingIfNeeded: second)])
    }
    for (n, location) in locations.enumerated() {
      switch location {
      case _ where n == 0: entry(0, 0, 65535)
      case .offset(let o): entry(1, o, 0)
      case .packed(let s, let i): entry(2, s, i)
      case .reserved, .compressing: entry(0, 0, 0)
      }
    }
    // Each row as the difference from the row above (PNG's Up predictor): offsets that grow
    // slowly become runs of zeros, a tenth of the size once compressed.
    var predicted: [UInt8] = []
    predicted.reserveCapacity(table.count / 7 * 8)
    for row in stride(from: 0, to: table.count, by: 7) {
      predicted.append(2)
      for i in row..<(row + 7) { predicted.append(row == 0 ? table[i] : table[i] &- table[i - 7]) }
    }
    var dict = "\(xrefNumber) 0 obj\n<</Type /XRef /Size \(locations.count) /W [1 4 2] /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>]"
    let payload: [UInt8]
    if let compressed = Zlib.deflate(predicted) {
      payload = compressed
      dict += " /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 7>>"
    } else {
      payload = table
    }
    dict += " /Length \(payload.count)>>\nstream\n"
    bytes.append(contentsOf: dict.utf8)
    bytes.append(contentsOf: payload)
    bytes.append(contentsOf: "\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
    return bytes
  }
}
