import CShapeCache

/// Words shaped once (`Sources/CShapeCache`): the program's own `hb_shape`, which Pango calls for
/// every item it shapes, answers an item word by word from a cache kept on each font when that
/// gives exactly HarfBuzz's result for the whole item (Latin text, left to right, a font whose
/// space takes part in no substitution or positioning); anything else goes to HarfBuzz whole.
/// On the seed site's pages four words in five are found there, and a PDF takes a quarter less
/// processor time.
enum ShapeCache {
  /// Whether the cache answers (tests compare its glyphs with HarfBuzz's own).
  static func setEnabled(_ enabled: Bool) { imprenta_shape_cache_set_enabled(enabled ? 1 : 0) }

  /// Whether Pango's calls reach the cache (the program exports `hb_shape`).
  static var isActive: Bool { imprenta_shape_cache_active() != 0 }

  /// Words answered from the cache on the calling thread so far.
  static var threadHits: Int { imprenta_shape_cache_thread_hits() }

  /// Words answered, words shaped and kept, and items given to HarfBuzz whole, in the process.
  static var counts: (hits: Int, misses: Int, whole: Int) {
    var h = 0, m = 0, w = 0
    imprenta_shape_cache_counts(&h, &m, &w)
    return (h, m, w)
  }
}
