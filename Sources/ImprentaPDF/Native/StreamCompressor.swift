import Dispatch
import Synchronization

/// Streams compressed off the painting thread: each is deflated on a utility queue as soon as
/// it is handed over, and written into the file, in the order handed over, once all are done.
final class StreamCompressor: @unchecked Sendable {
  /// One thread: the other core's share (more would only hold more pages' buffers at once).
  private let queue = DispatchQueue(label: "imprenta.native-pdf.deflate", qos: .userInitiated)
  private let group = DispatchGroup()
  private let results = Mutex<[Int: (payload: [UInt8], compressed: Bool)]>([:])
  private var order: [Int] = []

  /// Compresses `data` for the stream object `number` (reserved by the caller).
  func compress(_ data: [UInt8], into number: Int) {
    order.append(number)
    queue.async(group: group) { [self] in
      let deflated = data.count > 64 ? Zlib.deflate(data) : nil
      let result = deflated.map { d in d.count < data.count ? (d, true) : (data, false) } ?? (data, false)
      results.withLock { $0[number] = result }
    }
  }

  /// Waits for every stream and writes them.
  func write(into writer: PDFFileWriter) {
    group.wait()
    let done = results.withLock { r in
      defer { r = [:] }
      return r
    }
    for number in order {
      guard let r = done[number] else { continue }
      writer.streamBody(number, entries: "", payload: r.payload, filter: r.compressed ? "/FlateDecode" : nil)
    }
    order = []
  }

  /// Waits for the work in flight and drops it.
  func finish() {
    group.wait()
    results.withLock { $0 = [:] }
    order = []
  }
}
