import CFontMatchCache

/// Fontconfig's matches and sorts answered once per pattern in the process
/// (`Sources/CFontMatchCache/font_match_cache.c`): the layout's and the prefetch thread's font
/// maps each asked fontconfig to match and sort every font description (an eighth of a seed-site
/// PDF's instructions, 4.7 M a sort with 440 fonts installed). On unless
/// `IMPRENTA_NO_FONT_MATCH_CACHE` is set; tests compare both.
enum FontMatchCache {
  static func setEnabled(_ enabled: Bool) { imprenta_font_match_cache_set_enabled(enabled ? 1 : 0) }

  /// Calls answered from the cache, and calls passed to fontconfig, so far in the process.
  static var counts: (hits: Int, misses: Int) {
    var h = 0, m = 0
    imprenta_font_match_cache_counts(&h, &m)
    return (h, m)
  }
}
