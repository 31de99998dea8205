import CPangoCairo
import Foundation

/// The chunks of a huge paragraph (over `TextBlock.chunkBytes`: hostile input, a pasted log)
/// shaped on two cores: the layout's thread takes chunks from the first, the prefetch thread
/// (`PrefetchThread`, with its own Pango context) from the last, until they meet. Each chunk is
/// its own Pango layout and is shaped alone either way, so the result is the same; when the
/// prefetch thread is busy, the layout's thread simply shapes them all.
final class ChunkShaping: @unchecked Sendable {
  private let block: TextBlock
  private let ranges: [Range<Int>]
  private let condition = NSCondition()
  private var layouts: [OpaquePointer?]
  private var front = 0
  private var back: Int
  /// Chunks the prefetch thread has taken and not finished.
  private var inFlight = 0

  private init(block: TextBlock, ranges: [Range<Int>]) {
    self.block = block
    self.ranges = ranges
    layouts = Array(repeating: nil, count: ranges.count)
    back = ranges.count
  }

  /// The shaped layouts of `ranges` of `block`'s text, in order.
  static func layouts(of block: TextBlock, _ ranges: [Range<Int>]) -> [OpaquePointer] {
    let work = ChunkShaping(block: block, ranges: ranges)
    // Only for a PDF written alone (see `FontFaces.writing`).
    if FontFaces.writtenAlone && !FontFaces.crowded { PrefetchThread.shared.submit { engine in work.shape(with: engine, fromTheEnd: true) } }
    work.shape(with: block.engine, fromTheEnd: false)
    return work.condition.withLock {
      while work.inFlight > 0 { work.condition.wait() }
      return work.layouts.map { $0! }
    }
  }

  private func shape(with engine: TextEngine, fromTheEnd: Bool) {
    while true {
      let k: Int? = condition.withLock {
        guard front < back else { return nil }
        if fromTheEnd {
          back -= 1
          inFlight += 1
          return back
        }
        front += 1
        return front - 1
      }
      guard let k else { return }
      let layout = block.makeLayout(ranges[k], chunked: true, engine: engine)
      // Pango itemizes and shapes a layout when it is first asked about it.
      var n: Int32 = 0
      _ = pango_layout_get_log_attrs_readonly(layout, &n)
      condition.withLock {
        layouts[k] = layout
        if fromTheEnd {
          inFlight -= 1
          condition.broadcast()
        }
      }
    }
  }
}
