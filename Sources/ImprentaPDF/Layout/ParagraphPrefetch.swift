import CPangoCairo
import Foundation
import ImprentaModel
import ImprentaStyle

/// Paragraphs shaped and broken on a second core while the layout goes on (issue 14: lay out
/// independent paragraphs on both cores).
///
/// Shaping and breaking a paragraph (`TextBlock`) is most of the layout's time and depends only
/// on its text and format. While the layout walks a document's blocks from the first, a second
/// layouter on `PrefetchThread` walks its top-level paragraphs from the last, makes their blocks
/// and hands them over here; the two meet in the middle. The layout takes a block only when its
/// text and format are exactly those it would shape (`TextBlockCache.Key`: characters, looks,
/// hyphenation points, links, footnote calls, sources, format), so a paragraph the second
/// layouter saw differently (another width in a chapter of its own, say) is simply shaped again
/// by the layout: what it prints never depends on which core shaped what.
final class ParagraphPrefetch: @unchecked Sendable {
  private let lock = SpinningLock()
  private var blocks: [TextBlockCache.Key: [TextBlock]] = [:]
  /// The top-level block the layout has reached; the second layouter stops there.
  private var reached = -1
  private var stopped = false
  private let finished = DispatchSemaphore(value: 0)
  /// Blocks made ahead and blocks taken (for tests and profiles).
  private(set) var made = 0
  private(set) var taken = 0
  /// Whether the layouts free each block's shaped runs once its lines are sliced (a very long
  /// document: its pages are painted with `PaintShaping` shaping them again on this core, and
  /// memory grows by some 60 KB a page instead of 100). A shorter one keeps them (compact:
  /// `GlyphStore`, 7 bytes a glyph, some 30 MB for 1,000 pages): shaping twice costs more than
  /// the memory it saves (1,000 pages took 1.6 s to paint with the runs shaped again, 0.7 s
  /// with them kept).
  let releasesShapedText: Bool

  /// Top-level paragraphs (lists, quotes, code) from which a document is long (about 1,250 pages).
  static let longDocument = 6_000

  private init(releasesShapedText: Bool) {
    self.releasesShapedText = releasesShapedText
  }

  /// When a layout shapes paragraphs ahead.
  enum Policy: Sendable {
    /// For a document of enough paragraphs, when a core is free.
    case auto
    /// Always (tests: the blocks must print exactly as the layout's own would).
    case always
    /// Never.
    case never
  }

  /// Starts shaping `layouter`'s top-level paragraphs (and lists and quotes of them) ahead, from
  /// the last, when that is worth a core: a document of at least `minimumParagraphs` of them, a
  /// second core, and no other PDF being written.
  static func start(for layouter: PDFLayouter, minimumParagraphs: Int = 24) -> ParagraphPrefetch? {
    let blocks = layouter.document.blocks
    let paragraphs = blocks.indices.filter { shapesAhead(blocks[$0]) }
    switch layouter.prefetchPolicy {
    case .never: return nil
    case .always: guard !paragraphs.isEmpty, !FontFaces.crowded else { return nil }
    case .auto:
      guard paragraphs.count >= minimumParagraphs, ProcessInfo.processInfo.activeProcessorCount > 1, FontFaces.writtenAlone, !FontFaces.crowded else { return nil }
    }
    let prefetch = ParagraphPrefetch(releasesShapedText: paragraphs.count >= longDocument || layouter.prefetchPolicy == .always)
    let (style, document, environment) = (layouter.style, layouter.document, layouter.environment)
    let language = layouter.hyphenator == nil ? nil : document.language(default: style.base.language)
    PrefetchThread.shared.submit { engine in
      defer { prefetch.finished.signal() }
      var ahead = PDFLayouter(style: style, engine: engine, hyphenator: language.flatMap { Hyphenator(language: $0) }, document: document, environment: environment)
      ahead.beginColumns()
      ahead.prefetching = prefetch
      for i in paragraphs.reversed() {
        guard prefetch.continues(at: i) else { break }
        // Only the blocks are kept: what else the layouter makes is not wanted.
        ahead.slices.removeAll(keepingCapacity: true)
        ahead.diagnostics = Diagnostics()
        (ahead.pendingSpace, ahead.pendingKeep, ahead.pendingMarker, ahead.breakNextPage) = (0, 0, nil, false)
        ahead.render(blocks[i])
      }
    }
    return prefetch
  }

  /// Blocks shaped ahead: paragraphs, code, and lists and quotes of them. (Figures, tables,
  /// embeds and raw HTML read images or measure columns: the layout sets them itself.)
  static func shapesAhead(_ block: Block) -> Bool {
    switch block {
    case .paragraph, .codeBlock: return true
    case .list(let l): return l.items.allSatisfy { $0.blocks.allSatisfy(shapesAhead) }
    case .blockQuote(let q): return !q.isPullQuote && q.blocks.allSatisfy(shapesAhead)
    default: return false
    }
  }

  private func continues(at index: Int) -> Bool {
    lock.withLock { !stopped && index > reached + 1 }
  }

  /// The layout has reached top-level block `index`.
  func reached(_ index: Int) {
    lock.withLock { reached = index }
  }

  /// A block made ahead (on the prefetch thread).
  func put(_ block: TextBlock, for key: TextBlockCache.Key) {
    lock.withLock {
      blocks[key, default: []].append(block)
      made += 1
    }
  }

  /// The block made ahead for exactly this text and format, handed over to `engine`: its runs
  /// set in the writer's fonts (`ShapedText.rebind`), reshaping with the writer's context.
  func take(_ key: TextBlockCache.Key, engine: TextEngine) -> TextBlock? {
    let block: TextBlock? = lock.withLock {
      // One lookup: the list is changed where it is stored.
      guard let index = blocks.index(forKey: key), !blocks.values[index].isEmpty else { return nil }
      let block = blocks.values[index].removeFirst()
      if blocks.values[index].isEmpty { blocks.remove(at: index) }
      taken += 1
      return block
    }
    if let block {
      block.engine = engine
      block.shapedText?.rebind(to: engine, fonts: &fonts)
    }
    return block
  }

  /// What `PDFLayouter.attributed` made of inline content on the prefetch thread, so the layout
  /// does not build it (and hyphenate it) again to find the block made ahead: by the identity of
  /// the inlines' storage (both layouters read the one document; an entry holds its inlines, so
  /// their storage is never freed and reused while it could be looked up) and everything else
  /// the text is made from (size, hyphenation and its dictionary, code isolation).
  struct TextSource: Hashable {
    let inlines: UnsafeRawPointer
    let count: Int
    let size: Double
    let hyphenate: Bool
    let dictionary: ObjectIdentifier?
    let isolatesCode: Bool
    let imageWord: String
  }
  private var texts: [TextSource: (inlines: [Inline], text: AttributedText)] = [:]

  /// The key of inline content `inlines` set with these settings, or nil (no storage of its own).
  static func source(
    _ inlines: [Inline], size: Double, hyphenate: Bool, dictionary: ObjectIdentifier?, isolatesCode: Bool, imageWord: String
  ) -> TextSource? {
    guard !inlines.isEmpty, let base = inlines.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return nil }
    return TextSource(
      inlines: base, count: inlines.count, size: size, hyphenate: hyphenate, dictionary: dictionary, isolatesCode: isolatesCode, imageWord: imageWord)
  }

  /// Keeps the text the second layouter made of `inlines`.
  func put(_ text: AttributedText, of inlines: [Inline], for source: TextSource) {
    lock.withLock { texts[source] = (inlines, text) }
  }

  /// The text the second layouter made of this inline content, if it did.
  func text(for source: TextSource) -> AttributedText? {
    lock.withLock { texts[source]?.text }
  }

  /// The writer's fonts for the prefetch thread's, loaded once each (`ShapedText.rebind`); only
  /// the writer's thread reads it.
  private var fonts: [UnsafeMutableRawPointer: UnsafeMutablePointer<PangoFont>] = [:]

  /// Stops the second layouter and waits for it; blocks not taken are dropped.
  func stop() {
    lock.withLock { stopped = true }
    finished.wait()
    lock.withLock {
      blocks = [:]
      texts = [:]
    }
    for font in fonts.values { imprenta_g_object_unref(UnsafeMutableRawPointer(font)) }
    fonts = [:]
  }
}

/// The thread paragraphs are shaped ahead on, for the process's life: Pango's default font map
/// is the thread's own and lives as long as the thread, and the blocks it shapes are painted
/// with its fonts later, on the layout's thread (a pooled thread could end and take its fonts
/// with it). Jobs run one after another with the thread's `TextEngine`.
extension PDFWriter {
  /// Sets up what every PDF build needs before its first page, on the calling thread (the
  /// facade calls it on a thread of its own while pages are read): the prefetch thread and its
  /// text engine, whose font map makes fontconfig read its configuration and caches. The PDF
  /// libraries must be loaded (`CLazyLibraries`).
  public static func warmUp() {
    _ = PrefetchThread.shared
  }
}

final class PrefetchThread: @unchecked Sendable {
  static let shared = PrefetchThread()
  private let condition = NSCondition()
  private var jobs: [@Sendable (TextEngine) -> Void] = []

  private init() {
    let thread = Thread { [self] in run() }
    thread.name = "imprenta-prefetch"
    thread.stackSize = 16 << 20
    thread.start()
  }

  func submit(_ job: @escaping @Sendable (TextEngine) -> Void) {
    condition.withLock {
      jobs.append(job)
      condition.signal()
    }
  }

  private func run() {
    let engine = TextEngine()
    while true {
      let job: @Sendable (TextEngine) -> Void = condition.withLock {
        while jobs.isEmpty { condition.wait() }
        return jobs.removeFirst()
      }
      job(engine)
    }
  }
}
