import CPangoCairo
import Foundation

/// Paragraphs shaped again on the second core just ahead of the painter (issue 14: memory flat
/// with document length).
///
/// A long document laid out on two cores frees each paragraph's shaped runs once its lines are
/// cut into slices (`PDFLayouter.lineSlices`): only the break plans stay, so the layout holds no
/// glyphs (a 1,000-page document held some 150 MB of them until it was painted). Painting needs
/// them again; the prefetch thread (`PrefetchThread`, its own fonts) shapes the blocks in the order
/// the painter meets them, at most `window` blocks ahead of it, and the painter takes each one set
/// in its own fonts (`ShapedText.rebind`). A block not ready when the painter reaches it is shaped
/// by the painter, as any released block is: the glyphs are the same either way (one text, one
/// format, the same faces), only the core differs.
final class PaintShaping: @unchecked Sendable {
  private let condition = NSCondition()
  private let order: [TextBlock]
  private let position: [ObjectIdentifier: Int]
  private var ready: [Int: ShapedText] = [:]
  /// The last block (in `order`) the painter has reached.
  private var reached = -1
  private var stopped = false
  private var done = false
  private let finished = DispatchSemaphore(value: 0)
  /// The painter's fonts for the prefetch thread's (only the painter's thread reads it).
  private var fonts: [UnsafeMutableRawPointer: UnsafeMutablePointer<PangoFont>] = [:]
  /// Blocks the painter took shaped ahead (for tests and profiles).
  private(set) var taken = 0

  /// How far ahead of the painter blocks are shaped: a few pages.
  static let window = 48
  private let window: Int

  private init(order: [TextBlock], window: Int) {
    self.order = order
    self.window = window
    var position: [ObjectIdentifier: Int] = [:]
    for (k, block) in order.enumerated() { position[ObjectIdentifier(block)] = k }
    self.position = position
  }

  /// Starts shaping the released blocks of `pages` ahead of the painter, when a second core is
  /// free to (`policy`, no other PDF being written) and Cairo never closes a face while it does:
  /// the text painted was all shaped before, so no face is new, and the faces seen all stay open
  /// (`FontFaces.allStayOpen`; a document past `FontFaces.crowdedAt` faces still qualifies).
  /// (`window` and `checkingFaces` are for tests, which wait for the shaping before painting.)
  static func start(for pages: [LaidPage], policy: ParagraphPrefetch.Policy, window: Int = PaintShaping.window, checkingFaces: Bool = true) -> PaintShaping? {
    guard policy != .never, FontFaces.writtenAlone, FontFaces.allStayOpen || !checkingFaces else { return nil }
    guard policy == .always || ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
    var seen: Set<ObjectIdentifier> = []
    var order: [TextBlock] = []
    for page in pages {
      for item in page.items {
        guard case .text(let line) = item.kind, line.block.shapedText == nil, seen.insert(ObjectIdentifier(line.block)).inserted else { continue }
        order.append(line.block)
      }
    }
    guard !order.isEmpty else { return nil }
    let shaping = PaintShaping(order: order, window: window)
    PrefetchThread.shared.submit { engine in shaping.run(engine) }
    return shaping
  }

  private func run(_ engine: TextEngine) {
    defer {
      condition.withLock {
        done = true
        condition.broadcast()
      }
      finished.signal()
    }
    for k in order.indices {
      let go: Bool = condition.withLock {
        while !stopped && k > reached + window { condition.wait() }
        return !stopped
      }
      guard go else { return }
      // The painter is there already: it shapes this one itself.
      if condition.withLock({ k <= reached }) { continue }
      let shaped = order[k].shapedForPainting(engine: engine)
      condition.withLock { ready[k] = shaped }
    }
  }

  /// The painter is about to paint a line of `block`: its runs, shaped ahead when they are ready
  /// (else `block.shaped` shapes them on this thread).
  func prepare(_ block: TextBlock) {
    guard block.shapedText == nil, let k = position[ObjectIdentifier(block)] else { return }
    let shaped: ShapedText? = condition.withLock {
      if k > reached {
        // Blocks skipped (painted before they were ready) are dropped.
        for old in ready.keys where old < k { ready[old] = nil }
        reached = k
        condition.broadcast()
      }
      return ready.removeValue(forKey: k)
    }
    guard let shaped else { return }
    shaped.rebind(to: block.engine, fonts: &fonts)
    block.shapedText = shaped
    taken += 1
  }

  /// Waits until every block is shaped (tests; with a window that does not make it wait).
  func waitUntilShaped() {
    condition.withLock { while !done { condition.wait() } }
  }

  /// How many blocks are shaped and not taken yet (tests).
  var waiting: Int { condition.withLock { ready.count } }

  /// Stops the shaping and waits for it; what was not taken is dropped.
  func stop() {
    condition.withLock {
      stopped = true
      condition.broadcast()
    }
    finished.wait()
    condition.withLock { ready = [:] }
    for font in fonts.values { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    fonts = [:]
  }
}
