import Dispatch
import Synchronization

/// Streams compressed off the painting thread (`PDFFileWriter.stream`: pages' contents, fonts,
/// object streams): each is deflated on a utility queue as soon as it is handed over, and
/// written into the file, in the order handed over, when the file is finished.
final class StreamCompressor: @unchecked Sendable {
  /// One thread: the other core's share (more would only hold more pages' buffers at once).
  private let queue = DispatchQueue(label: "imprenta.native-pdf.deflate", qos: .userInitiated)
  private let group = DispatchGroup()
  private let results = Mutex<[Int: (payload: [UInt8], compressed: Bool)]>([:])
  private var order: [(number: Int, entries: String)] = []
  /// Streams larger than this are deflated by the caller (`PDFFileWriter.stream`).
  static let largestQueued = 1 << 20

  /// Compresses `data` for the stream object `number` (reserved by the caller), whose
  /// dictionary holds `entries` (without `/Length` and `/Filter`).
  func compress(_ data: [UInt8], into number: Int, entries: String) {
    order.append((number, entries))
    queue.async(group: group) { [self] in
      let result = Zlib.deflatedIfSmaller(data)
      results.withLock { $0[number] = result }
    }
  }

  /// Waits for every stream and writes them.
  func write(into writer: PDFFileWriter) {
    group.wait()
    var done = results.withLock { r in
      defer { r = [:] }
      return r
    }
    // The file grows once to its size (not by doubling, a copy each time), and each stream is
    // let go as soon as it is in.
    writer.reserveCapacity(adding: done.values.reduce(0) { $0 + $1.payload.count + 96 })
    for (number, entries) in order {
      guard let r = done.removeValue(forKey: number) else { continue }
      writer.streamBody(number, entries: entries, payload: r.payload, filter: r.compressed ? "/FlateDecode" : nil)
    }
    order = []
  }
}
