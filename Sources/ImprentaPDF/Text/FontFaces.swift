import CPangoCairo
import Foundation

/// How many font faces the process has set text in, and what that allows.
///
/// Cairo 1.16 keeps at most ten FreeType faces open; opening an eleventh closes one nobody has
/// locked, without taking that face's own mutex, so another thread that is just locking it uses
/// a freed face (`FT_Done_Face` on one thread, `cairo_scaled_font_glyph_extents` crashing on the
/// other: a 32-language site written with `--jobs 2` crashed every time). Text is set on two
/// threads at once only while few faces are in use: below `crowdedAt` faces no face is ever
/// closed. From then on, PDFs (and e-book covers) are written one at a time (`exclusive`) and
/// no paragraph is shaped ahead or in parallel chunks.
enum FontFaces {
  /// Distinct faces (family, style, weight, stretch) seen, by font object.
  private static let lock = NSLock()
  nonisolated(unsafe) private static var fonts: Set<UnsafeMutableRawPointer> = []
  nonisolated(unsafe) private static var faces: Set<String> = []
  nonisolated(unsafe) private static var isCrowded = false
  /// Under Cairo's ten open faces with a margin of two (a page opening two new faces while
  /// another thread works), above what one typeface family needs (regular, bold, italic, bold
  /// italic, a sans for headings, a monospace): a single-script site stays on both cores.
  static let crowdedAt = 8

  /// Whether text may be set on two threads at once.
  static var crowded: Bool { lock.withLock { isCrowded } }

  /// Faces Cairo 1.16 keeps open at most (`MAX_OPEN_FACES`).
  static let cairoOpenFaces = 10

  /// Whether every face seen so far fits in Cairo's open faces at once: then, as long as no new
  /// face is needed (painting text already shaped: `PaintShaping`), no face is ever closed and
  /// two threads may set text at the same time, even past `crowdedAt`.
  static var allStayOpen: Bool { lock.withLock { faces.count <= cairoOpenFaces } }

  /// Notes the face of `font` (a run's font, as shaped).
  static func note(_ font: UnsafeMutablePointer<PangoFont>) {
    let key = UnsafeMutableRawPointer(font)
    guard lock.withLock({ fonts.insert(key).inserted }) else { return }
    let description = pango_font_describe(font)
    pango_font_description_unset_fields(description, PANGO_FONT_MASK_SIZE)
    let name = pango_font_description_to_string(description).map { p -> String in
      defer { g_free(p) }
      return String(cString: p)
    } ?? ""
    pango_font_description_free(description)
    lock.withLock {
      faces.insert(name)
      if faces.count >= crowdedAt { isCrowded = true }
    }
  }

  /// The one scope of setting text for an output (a PDF's whole writing: layout, painting,
  /// qpdf; an e-book cover): alone in the process once many faces are in use, at the same time
  /// as other writers before that; and counted, so the prefetch thread helps only a writer that
  /// is alone (`writtenAlone`).
  static func writing<T>(_ body: () throws -> T) rethrows -> T {
    guard crowded else { return try counted(body) }
    exclusive.lock()
    defer { exclusive.unlock() }
    return try counted(body)
  }

  /// A writer waiting for its turn is not counted: the one writing may still use the prefetch
  /// thread where the faces allow (`PaintShaping`).
  private static func counted<T>(_ body: () throws -> T) rethrows -> T {
    running.withLock { writers += 1 }
    defer { running.withLock { writers -= 1 } }
    return try body()
  }

  /// Whether the output being written is the only one: the prefetch thread is free to use. Its
  /// blocks are painted with its fonts on the writer's thread, and the same fonts must not be
  /// shaping another document there at that time (with two PDFs written at once, a batch's
  /// `--jobs 2`, Cairo crashed in one of them).
  static var writtenAlone: Bool { running.withLock { writers <= 1 } }

  private static let exclusive = NSRecursiveLock()
  private static let running = NSLock()
  nonisolated(unsafe) private static var writers = 0
}
