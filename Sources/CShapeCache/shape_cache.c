// Words shaped once: the program's own `hb_shape`, in front of HarfBuzz's.
//
// Pango shapes every item (a run of one font and script, most often a whole paragraph) by
// calling HarfBuzz's `hb_shape`; on the seed site's pages that was a fifth of all the work of a
// PDF, and the same few thousand words were shaped again in every paragraph. The program defines
// `hb_shape` itself and exports it (Package.swift: --export-dynamic-symbol), so the dynamic
// loader binds Pango's calls here; this file calls HarfBuzz's own function, found with dlsym in
// libharfbuzz, for everything it does not answer itself.
//
// An item is answered word by word when shaping its words one at a time gives exactly what
// shaping the item would, which holds when no glyph substitution or positioning of the font can
// reach across a space: the font's space glyph is in no lookup of GSUB or GPOS (the test browsers
// make for their word caches, `hb_ot_layout_lookup_collect_glyphs`), the text is left to right
// and made of Latin letters, digits and common punctuation only (no marks, no scripts whose
// shaping looks at neighbours), and every feature applies to the whole item. The item is cut
// after each run of spaces; a word with its trailing spaces is looked up in a cache kept on the
// font (by its code points, the font's scale and the buffer's properties, flags and features).
// The words not found are shaped by HarfBuzz together, in one buffer built from the item with
// `hb_buffer_append` (so the first carries the item's context before it and the last the context
// after it), or the item itself when no word was found; each gets its glyphs back by cluster and
// is kept. The first word of an item (whose context is the text before the item) and a last word
// without a trailing space are always shaped that way and never kept. Anything else goes to
// HarfBuzz whole.
//
// The key does not hold what Pango's sub-font functions do for `PANGO_ATTR_SHOW` (spaces and
// invisible characters drawn as boxes): Imprenta never sets that attribute, so those functions
// are the same for every item it shapes.
//
// Each font's cache is capped (it is emptied past 16,384 words or 4 MB) and dies with the font.
#include "CShapeCache.h"

#if defined(__linux__) && defined(__ELF__)
#include <dlfcn.h>
#include <hb-ot.h>
#include <hb.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef void (*shape_function)(hb_font_t *, hb_buffer_t *, const hb_feature_t *, unsigned int);

static shape_function harfbuzz_shape;
static pthread_once_t resolve_once = PTHREAD_ONCE_INIT;
static int cache_enabled = 1;
static int reached;
static long hit_count, miss_count, whole_count;
static __thread long thread_hit_count;

static void resolve(void) {
  if (getenv("IMPRENTA_NO_SHAPE_CACHE")) cache_enabled = 0;
  void *library = dlopen("libharfbuzz.so.0", RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
  if (!library) library = dlopen("libharfbuzz.so.0", RTLD_LAZY | RTLD_LOCAL);
  if (library) harfbuzz_shape = (shape_function)dlsym(library, "hb_shape");
}

void imprenta_shape_cache_set_enabled(int enabled) { __atomic_store_n(&cache_enabled, enabled != 0, __ATOMIC_RELAXED); }

void imprenta_shape_cache_counts(long *hits, long *misses, long *whole) {
  if (hits) *hits = __atomic_load_n(&hit_count, __ATOMIC_RELAXED);
  if (misses) *misses = __atomic_load_n(&miss_count, __ATOMIC_RELAXED);
  if (whole) *whole = __atomic_load_n(&whole_count, __ATOMIC_RELAXED);
}

int imprenta_shape_cache_active(void) { return __atomic_load_n(&reached, __ATOMIC_RELAXED); }

long imprenta_shape_cache_thread_hits(void) { return thread_hit_count; }

// MARK: - Which fonts

static hb_user_data_key_t face_key;

// 1 when the face's space glyph is in no GSUB or GPOS lookup (computed once per face).
static int space_is_inert(hb_font_t *font) {
  hb_face_t *face = hb_font_get_face(font);
  void *known = hb_face_get_user_data(face, &face_key);
  if (known) return known == (void *)1;
  hb_codepoint_t space;
  int inert = hb_font_get_nominal_glyph(font, 0x20, &space);
  if (inert) {
    hb_set_t *sets[4] = {hb_set_create(), hb_set_create(), hb_set_create(), hb_set_create()};
    const hb_tag_t tables[2] = {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS};
    for (int t = 0; t < 2 && inert; t++) {
      unsigned count = hb_ot_layout_table_get_lookup_count(face, tables[t]);
      for (unsigned i = 0; i < count && inert; i++) {
        for (int s = 0; s < 4; s++) hb_set_clear(sets[s]);
        hb_ot_layout_lookup_collect_glyphs(face, tables[t], i, sets[0], sets[1], sets[2], sets[3]);
        for (int s = 0; s < 4; s++)
          if (hb_set_has(sets[s], space)) inert = 0;
      }
    }
    for (int s = 0; s < 4; s++) hb_set_destroy(sets[s]);
  }
  hb_face_set_user_data(face, &face_key, inert ? (void *)1 : (void *)2, NULL, 0);
  return inert;
}

// Characters whose shaping never looks past the word: ASCII, Latin-1 and Latin Extended-A/B
// (no combining marks), general punctuation's dashes, quotes, ellipsis and per mille, and the euro.
static inline int plain(hb_codepoint_t c) {
  return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x250) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203A) ||
         c == 0x20AC;
}

static inline unsigned utf8_length(hb_codepoint_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// MARK: - The cache of one font

typedef struct {
  uint32_t glyph, cluster, mask;
  int32_t x_advance, y_advance, x_offset, y_offset;
} glyph_record;

typedef struct entry {
  struct entry *next;
  uint64_t hash;
  uint32_t key_length;  // words of the key (context and code points)
  uint32_t glyph_count;
  uint32_t data[];      // the key, then glyph_count glyph_records
} entry;

typedef struct {
  pthread_mutex_t lock;
  entry **buckets;
  uint32_t bucket_count, count;
  size_t bytes;
  // Words looked up and found (halved now and then): text whose words hardly repeat (a pasted
  // log, random tokens) stops filling the cache.
  uint64_t lookups, found;
} font_cache;

static hb_user_data_key_t font_key;
enum { CACHE_WORDS = 16384, BUCKETS = 4096 };
static const size_t CACHE_BYTES = (size_t)4 << 20;

static void clear_cache(font_cache *cache) {
  for (uint32_t b = 0; b < cache->bucket_count; b++) {
    entry *e = cache->buckets[b];
    while (e) {
      entry *next = e->next;
      free(e);
      e = next;
    }
    cache->buckets[b] = NULL;
  }
  cache->count = 0;
  cache->bytes = 0;
}

static void destroy_cache(void *data) {
  font_cache *cache = data;
  clear_cache(cache);
  free(cache->buckets);
  pthread_mutex_destroy(&cache->lock);
  free(cache);
}

static font_cache *cache_of(hb_font_t *font) {
  font_cache *cache = hb_font_get_user_data(font, &font_key);
  if (cache) return cache;
  cache = calloc(1, sizeof *cache);
  if (!cache) return NULL;
  cache->buckets = calloc(BUCKETS, sizeof(entry *));
  if (!cache->buckets) {
    free(cache);
    return NULL;
  }
  cache->bucket_count = BUCKETS;
  pthread_mutex_init(&cache->lock, NULL);
  if (!hb_font_set_user_data(font, &font_key, cache, destroy_cache, 0)) {
    // Another thread attached its cache first.
    destroy_cache(cache);
    cache = hb_font_get_user_data(font, &font_key);
  }
  return cache;
}

static inline uint64_t mix(uint64_t h, uint32_t word) {
  h ^= word;
  h *= 0x100000001B3ULL;
  return h ^ (h >> 29);
}

// MARK: - Shaping

// A per-thread buffer for the words not found in the cache.
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static void destroy_scratch(void *buffer) { hb_buffer_destroy(buffer); }
static void make_scratch_key(void) { pthread_key_create(&scratch_key, destroy_scratch); }

static hb_buffer_t *scratch_buffer(void) {
  pthread_once(&scratch_once, make_scratch_key);
  hb_buffer_t *buffer = pthread_getspecific(scratch_key);
  if (!buffer) {
    buffer = hb_buffer_create();
    pthread_setspecific(scratch_key, buffer);
  }
  return buffer;
}

typedef struct {
  unsigned start, end;     // code points of the word, its trailing spaces included
  uint32_t first_cluster;  // its clusters: [first_cluster, end_cluster)
  uint32_t end_cluster;
  int edge;                // the item's first word, or a last word with no space after it
  uint64_t hash;
  const entry *found;
  // For a word not found: its new entry (an index in `fresh`) and its glyphs as HarfBuzz left them.
  size_t entry, glyph, count;
} word;

// Shapes `buffer` word by word; 0 (buffer untouched) when it is not eligible.
static int shape_words(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned feature_count) {
  if (hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_UNICODE) return 0;
  if (hb_buffer_get_direction(buffer) != HB_DIRECTION_LTR) return 0;
  unsigned n = hb_buffer_get_length(buffer);
  if (n < 16 || feature_count > 32) return 0;
  for (unsigned f = 0; f < feature_count; f++)
    if (features[f].start != HB_FEATURE_GLOBAL_START || features[f].end != HB_FEATURE_GLOBAL_END) return 0;
  hb_glyph_info_t *in = hb_buffer_get_glyph_infos(buffer, NULL);
  unsigned words = 1;
  for (unsigned i = 0; i < n; i++) {
    hb_codepoint_t c = in[i].codepoint;
    if (!plain(c)) return 0;
    // Clusters must be UTF-8 offsets (Pango's), so that a word's clusters move with it.
    if (i + 1 < n && in[i + 1].cluster != in[i].cluster + utf8_length(c)) return 0;
    if (c == 0x20 && i + 1 < n && in[i + 1].codepoint != 0x20) words++;
  }
  if (words < 3) return 0;
  hb_font_t *parent = hb_font_get_parent(font);
  if (!parent || parent == hb_font_get_empty()) parent = font;
  if (!space_is_inert(parent)) return 0;
  font_cache *cache = cache_of(parent);
  if (!cache) return 0;

  // What every word's key starts with: the font's scale and the buffer's settings and features.
  uint32_t context[16 + 2 * 32];
  unsigned context_length = 0;
  hb_segment_properties_t properties;
  hb_buffer_get_segment_properties(buffer, &properties);
  int x_scale, y_scale;
  unsigned x_ppem, y_ppem;
  hb_font_get_scale(font, &x_scale, &y_scale);
  hb_font_get_ppem(font, &x_ppem, &y_ppem);
  float ptem = hb_font_get_ptem(font);
  uint32_t ptem_bits;
  memcpy(&ptem_bits, &ptem, sizeof ptem_bits);
  uint64_t language = (uint64_t)(uintptr_t)properties.language;
  context[context_length++] = (uint32_t)properties.direction;
  context[context_length++] = (uint32_t)properties.script;
  context[context_length++] = (uint32_t)language;
  context[context_length++] = (uint32_t)(language >> 32);
  context[context_length++] = (uint32_t)hb_buffer_get_flags(buffer);
  context[context_length++] = (uint32_t)hb_buffer_get_cluster_level(buffer);
  context[context_length++] = hb_buffer_get_invisible_glyph(buffer);
  context[context_length++] = hb_buffer_get_replacement_codepoint(buffer);
  context[context_length++] = hb_buffer_get_not_found_glyph(buffer);
  context[context_length++] = (uint32_t)x_scale;
  context[context_length++] = (uint32_t)y_scale;
  context[context_length++] = x_ppem;
  context[context_length++] = y_ppem;
  context[context_length++] = ptem_bits;
  context[context_length++] = feature_count;
  for (unsigned f = 0; f < feature_count; f++) {
    context[context_length++] = features[f].tag;
    context[context_length++] = features[f].value;
  }
  uint64_t context_hash = 0xCBF29CE484222325ULL;
  for (unsigned k = 0; k < context_length; k++) context_hash = mix(context_hash, context[k]);

  // The words. Their code points are read from the buffer until it is shaped or rewritten.
  word *list = malloc(words * sizeof *list);
  entry **fresh = malloc(words * sizeof *fresh);
  if (!list || !fresh) {
    free(list);
    free(fresh);
    return 0;
  }
  unsigned count = 0;
  for (unsigned start = 0; start < n;) {
    unsigned end = start;
    while (end < n && in[end].codepoint != 0x20) end++;
    while (end < n && in[end].codepoint == 0x20) end++;
    list[count++] = (word){start, end, in[start].cluster, in[end - 1].cluster + utf8_length(in[end - 1].codepoint),
                           start == 0 || in[end - 1].codepoint != 0x20, 0, NULL, 0, 0, 0};
    start = end;
  }

  // One font's cache is used by one thread at a time in practice (each thread shapes with the
  // fonts of its own font map): its lock is held throughout.
  pthread_mutex_lock(&cache->lock);
  unsigned missing = 0, looked = 0, found = 0;
  for (unsigned w = 0; w < count; w++) {
    word *x = &list[w];
    if (x->edge) {
      missing++;
      continue;
    }
    unsigned length = x->end - x->start;
    uint64_t hash = context_hash;
    for (unsigned i = x->start; i < x->end; i++) hash = mix(hash, in[i].codepoint);
    x->hash = hash;
    const entry *e = cache->buckets[hash & (cache->bucket_count - 1)];
    for (; e; e = e->next) {
      if (e->hash != hash || e->key_length != context_length + length || memcmp(e->data, context, context_length * sizeof(uint32_t)) != 0) continue;
      unsigned i = 0;
      while (i < length && e->data[context_length + i] == in[x->start + i].codepoint) i++;
      if (i == length) break;
    }
    x->found = e;
    looked++;
    if (e) found++;
    else missing++;
  }
  cache->lookups += looked;
  cache->found += found;
  if (cache->lookups > (1u << 20)) {
    cache->lookups /= 2;
    cache->found /= 2;
  }
  int keeps = cache->lookups < 4000 || cache->found * 4 >= cache->lookups;

  // The keys of the words to keep, taken before the buffer is shaped in place (when no word was
  // found, HarfBuzz shapes the item itself and its code points are gone).
  int in_place = missing == count;
  unsigned fresh_count = 0;
  for (unsigned w = 0; w < count && keeps; w++) {
    word *x = &list[w];
    if (x->found || x->edge) continue;
    unsigned length = context_length + (x->end - x->start);
    entry *e = malloc(sizeof(entry) + length * sizeof(uint32_t));
    if (!e) {
      x->edge = 1;  // shaped, not kept
      continue;
    }
    e->hash = x->hash;
    e->key_length = length;
    e->glyph_count = 0;
    memcpy(e->data, context, context_length * sizeof(uint32_t));
    for (unsigned i = x->start; i < x->end; i++) e->data[context_length + i - x->start] = in[i].codepoint;
    x->entry = fresh_count;
    fresh[fresh_count++] = e;
  }

  // The words not found, shaped together: the item itself when none was found; otherwise a buffer
  // of those words in their order (a space ends each but the item's last word, so none reaches the
  // next; the first carries the item's context before it and the last the context after it:
  // `hb_buffer_append`). Their glyphs are read where HarfBuzz left them.
  hb_buffer_t *shaped = NULL;
  if (in_place) {
    harfbuzz_shape(font, buffer, features, feature_count);
    shaped = buffer;
  } else {
    shaped = scratch_buffer();
    hb_buffer_clear_contents(shaped);
    hb_buffer_set_segment_properties(shaped, &properties);
    hb_buffer_set_flags(shaped, hb_buffer_get_flags(buffer));
    hb_buffer_set_cluster_level(shaped, hb_buffer_get_cluster_level(buffer));
    hb_buffer_set_invisible_glyph(shaped, hb_buffer_get_invisible_glyph(buffer));
    hb_buffer_set_replacement_codepoint(shaped, hb_buffer_get_replacement_codepoint(buffer));
    hb_buffer_set_not_found_glyph(shaped, hb_buffer_get_not_found_glyph(buffer));
    for (unsigned w = 0; w < count; w++)
      if (!list[w].found) hb_buffer_append(shaped, buffer, list[w].start, list[w].end);
    harfbuzz_shape(font, shaped, features, feature_count);
  }
  unsigned m = hb_buffer_get_length(shaped);
  hb_glyph_info_t *info = hb_buffer_get_glyph_infos(shaped, NULL);
  hb_glyph_position_t *position = hb_buffer_get_glyph_positions(shaped, NULL);
  // Each glyph back to its word, by cluster (the words' clusters are their own, in order); not
  // needed when HarfBuzz shaped the item in place and nothing is kept.
  int ok = 1;
  size_t total = 0;
  unsigned w = 0;
  for (unsigned g = 0; g < m && (keeps || !in_place); g++) {
    while (w < count && (list[w].found || info[g].cluster >= list[w].end_cluster)) w++;
    if (w == count || info[g].cluster < list[w].first_cluster) {
      ok = 0;  // a glyph outside every word: nothing is kept
      break;
    }
    if (list[w].count == 0) list[w].glyph = g;
    list[w].count++;
  }
  // The words shaped here get their glyphs, relative to the word's first cluster.
  unsigned kept = 0;
  size_t fresh_bytes = 0;
  for (w = 0; w < count; w++) {
    word *x = &list[w];
    total += x->found ? x->found->glyph_count : x->count;
    if (x->found || x->edge || !keeps) continue;
    entry *e = fresh[x->entry];
    fresh[x->entry] = NULL;
    if (!ok) {
      free(e);
      continue;
    }
    size_t size = sizeof(entry) + e->key_length * sizeof(uint32_t) + x->count * sizeof(glyph_record);
    entry *grown = realloc(e, size);
    if (!grown) {
      free(e);
      continue;
    }
    grown->glyph_count = (uint32_t)x->count;
    glyph_record *glyphs = (glyph_record *)(grown->data + grown->key_length);
    for (size_t g = 0; g < x->count; g++) {
      size_t k = x->glyph + g;
      glyphs[g] = (glyph_record){info[k].codepoint,     info[k].cluster - x->first_cluster, info[k].mask & HB_GLYPH_FLAG_DEFINED,
                                 position[k].x_advance, position[k].y_advance,              position[k].x_offset,
                                 position[k].y_offset};
    }
    fresh[kept++] = grown;
    fresh_bytes += size;
  }
  // The item's glyphs in order, written into it as HarfBuzz leaves a shaped buffer (unless
  // HarfBuzz shaped it in place).
  if (ok && !in_place) {
    hb_buffer_set_length(buffer, (unsigned)total);
    hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_GLYPHS);
    hb_glyph_info_t *out = hb_buffer_get_glyph_infos(buffer, NULL);
    hb_glyph_position_t *out_position = hb_buffer_get_glyph_positions(buffer, NULL);
    size_t o = 0;
    for (w = 0; w < count; w++) {
      word *x = &list[w];
      if (x->found) {
        const glyph_record *glyphs = (const glyph_record *)(x->found->data + x->found->key_length);
        for (uint32_t g = 0; g < x->found->glyph_count; g++, o++) {
          out[o].codepoint = glyphs[g].glyph;
          out[o].mask = glyphs[g].mask;
          out[o].cluster = glyphs[g].cluster + x->first_cluster;
          out_position[o] = (hb_glyph_position_t){glyphs[g].x_advance, glyphs[g].y_advance, glyphs[g].x_offset, glyphs[g].y_offset};
        }
        continue;
      }
      for (size_t g = 0; g < x->count; g++, o++) {
        size_t k = x->glyph + g;
        out[o].codepoint = info[k].codepoint;
        out[o].mask = info[k].mask & HB_GLYPH_FLAG_DEFINED;
        out[o].cluster = info[k].cluster;
        out_position[o] = position[k];
      }
    }
  }
  // Kept last: emptying a full cache frees the entries found above, which are copied by now.
  if (kept && (cache->count + kept > CACHE_WORDS || cache->bytes + fresh_bytes > CACHE_BYTES)) clear_cache(cache);
  for (unsigned f = 0; f < kept; f++) {
    entry **bucket = &cache->buckets[fresh[f]->hash & (cache->bucket_count - 1)];
    fresh[f]->next = *bucket;
    *bucket = fresh[f];
  }
  cache->count += kept;
  cache->bytes += fresh_bytes;
  pthread_mutex_unlock(&cache->lock);
  free(fresh);
  free(list);
  __atomic_add_fetch(&hit_count, (long)found, __ATOMIC_RELAXED);
  __atomic_add_fetch(&miss_count, (long)kept, __ATOMIC_RELAXED);
  thread_hit_count += found;
  // Shaped in place, the item is HarfBuzz's own result; otherwise, if a glyph could not be placed,
  // the untouched item goes to HarfBuzz whole.
  return in_place || ok;
}

__attribute__((visibility("default"))) void hb_shape(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features,
                                                     unsigned int num_features) {
  pthread_once(&resolve_once, resolve);
  if (!__atomic_load_n(&reached, __ATOMIC_RELAXED)) __atomic_store_n(&reached, 1, __ATOMIC_RELAXED);
  if (__atomic_load_n(&cache_enabled, __ATOMIC_RELAXED) && harfbuzz_shape && shape_words(font, buffer, features, num_features)) return;
  __atomic_add_fetch(&whole_count, 1, __ATOMIC_RELAXED);
  if (harfbuzz_shape) harfbuzz_shape(font, buffer, features, num_features);
}

#else
// Elsewhere Pango's calls go to HarfBuzz directly.
void imprenta_shape_cache_set_enabled(int enabled) { (void)enabled; }
void imprenta_shape_cache_counts(long *hits, long *misses, long *whole) {
  if (hits) *hits = 0;
  if (misses) *misses = 0;
  if (whole) *whole = 0;
}
int imprenta_shape_cache_active(void) { return 0; }
long imprenta_shape_cache_thread_hits(void) { return 0; }
#endif
