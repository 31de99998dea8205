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
  private let starts: [Int]
  private let condition = NSCondition()
  private var pieces: [ShapedChunk?]
  private var front = 0
  private var back: Int
  /// Chunks the prefetch thread has taken and not finished.
  private var inFlight = 0

  private init(block: TextBlock, ranges: [Range<Int>], starts: [Int]) {
    self.block = block
    self.ranges = ranges
    self.starts = starts
    pieces = Array(repeating: nil, count: ranges.count)
    back = ranges.count
  }

  /// `ranges` of `block`'s text (starting at `starts`) shaped and read, in order. Each chunk is
  /// read by the thread that shaped it, in that thread's fonts, and its layout freed at once.
  static func chunks(of block: TextBlock, _ ranges: [Range<Int>], starts: [Int]) -> [ShapedChunk] {
    let work = ChunkShaping(block: block, ranges: ranges, starts: starts)
    // Only for a PDF written alone (see `FontFaces.writing`).
    if FontFaces.writtenAlone && !FontFaces.crowded { PrefetchThread.shared.submit { engine in work.shape(with: engine, fromTheEnd: true) } }
    work.shape(with: block.engine, fromTheEnd: false)
    return work.condition.withLock {
      while work.inFlight > 0 { work.condition.wait() }
      return work.pieces.map { $0! }
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
      let piece = block.read(block.makeLayout(ranges[k], chunked: true, engine: engine), start: starts[k], first: k == 0)
      condition.withLock {
        pieces[k] = piece
        if fromTheEnd {
          inFlight -= 1
          condition.broadcast()
        }
      }
    }
  }
}
