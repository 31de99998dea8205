#ifndef IMPRENTA_CSHAPECACHE_H
#define IMPRENTA_CSHAPECACHE_H

/// Words shaped once (shape_cache.c): the program's own `hb_shape`, which Pango calls for every
/// item it shapes, answers the words of an item from a cache when shaping them one by one gives
/// exactly what shaping the item would. These functions switch it and read its counters.

/// Turns the cache on (1, the default) or off (0: every call goes to HarfBuzz as it is).
void imprenta_shape_cache_set_enabled(int enabled);

/// Words answered from the cache, words shaped and kept, and calls given to HarfBuzz whole
/// (not eligible), since the process started.
void imprenta_shape_cache_counts(long *hits, long *misses, long *whole);

/// Words answered from the cache on the calling thread.
long imprenta_shape_cache_thread_hits(void);

/// 1 when Pango's calls reach this cache (the program exports `hb_shape`), 0 when they go to
/// HarfBuzz directly (a program linked without the export, such as a test runner).
int imprenta_shape_cache_active(void);

#endif
