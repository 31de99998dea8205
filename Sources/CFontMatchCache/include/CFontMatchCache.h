#ifndef IMPRENTA_FONT_MATCH_CACHE_H
#define IMPRENTA_FONT_MATCH_CACHE_H

/// Fontconfig's matches and sorts answered once per pattern in the process (font_match_cache.c).
/// Turns the cache on or off (tests compare both); it starts on unless IMPRENTA_NO_FONT_MATCH_CACHE is set.
void imprenta_font_match_cache_set_enabled(int enabled);
/// Calls answered from the cache, and calls passed to fontconfig, since the process started.
void imprenta_font_match_cache_counts(long *hits, long *misses);

#endif
