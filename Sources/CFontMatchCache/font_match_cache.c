// Fontconfig's matches and sorts answered once per pattern: the program's own `FcFontSetMatch`
// and `FcFontSetSort`, in front of fontconfig's.
//
// Pango finds the fonts of a description by asking fontconfig for the best match and for every
// installed font sorted by closeness (its fallback list), each in a thread of its own, and waits
// for them. A PDF build has two font maps (the layout's and the prefetch thread's: Pango's maps are
// not shared between threads), so every pattern was matched and sorted twice, at the start of the
// layout when both threads wait for their fonts: with some 440 fonts installed that was an eighth
// of all the instructions of a seed-site PDF (4.7 M a sort). The program defines both functions and
// exports them (Package.swift: --export-dynamic-symbol), so Pango's calls bind here; the first
// call for a pattern calls fontconfig's own (found with dlsym in libfontconfig) and keeps the
// answer, later calls for an equal pattern (FcPatternEqual), the same font sets and the same
// options get a copy of it: a new font set holding references to the same font patterns (what
// fontconfig returns too), the coverage charset by reference, a duplicate of the matched pattern.
// A thread asking for a pattern another thread is matching waits for that answer instead of
// computing it again. The answers are those fontconfig gives, in the same order; the cache lives
// as long as the process (some dozens of patterns a build); past 256 questions the answered ones
// are dropped.
#include "CFontMatchCache.h"

#if defined(__linux__) && defined(__ELF__)
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef FcPattern *(*match_function)(FcConfig *, FcFontSet **, int, FcPattern *, FcResult *);
typedef FcFontSet *(*sort_function)(FcConfig *, FcFontSet **, int, FcPattern *, FcBool, FcCharSet **, FcResult *);

static match_function fontconfig_match;
static sort_function fontconfig_sort;
static pthread_once_t resolve_once = PTHREAD_ONCE_INIT;
static int cache_enabled = 1;
static long hit_count, miss_count;

static void resolve(void) {
  if (getenv("IMPRENTA_NO_FONT_MATCH_CACHE")) cache_enabled = 0;
  void *library = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
  if (!library) library = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_LOCAL);
  if (library) {
    fontconfig_match = (match_function)dlsym(library, "FcFontSetMatch");
    fontconfig_sort = (sort_function)dlsym(library, "FcFontSetSort");
  }
}

void imprenta_font_match_cache_set_enabled(int enabled) { __atomic_store_n(&cache_enabled, enabled != 0, __ATOMIC_RELAXED); }

void imprenta_font_match_cache_counts(long *hits, long *misses) {
  if (hits) *hits = __atomic_load_n(&hit_count, __ATOMIC_RELAXED);
  if (misses) *misses = __atomic_load_n(&miss_count, __ATOMIC_RELAXED);
}

// One question and, once `done`, its answer.
typedef struct {
  int sort;  // FcFontSetSort (1) or FcFontSetMatch (0)
  FcConfig *config;
  // The font sets asked about, by their fonts: each of Pango's font maps filters the
  // configuration's fonts into a set of its own, the same fonts in the same order. The fonts
  // are referenced, so no pointer here is ever freed and reused.
  int nsets;
  int counts[4];
  FcPattern **fonts_asked;
  FcPattern *pattern;  // a duplicate of the caller's
  FcChar32 hash;
  FcBool trim;
  int wants_charset;
  int done;
  FcResult result;
  FcPattern *match;
  FcFontSet *fonts;
  FcCharSet *charset;
} Entry;

enum { CAPACITY = 256 };
static Entry *entries[CAPACITY];
static int entry_count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t answered = PTHREAD_COND_INITIALIZER;

static int same_question(const Entry *e, int sort, FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcChar32 hash, FcBool trim,
                         int wants_charset) {
  if (e->sort != sort || e->config != config || e->nsets != nsets || e->hash != hash || e->trim != trim || e->wants_charset != wants_charset)
    return 0;
  int at = 0;
  for (int k = 0; k < nsets; k++) {
    int n = sets[k] ? sets[k]->nfont : 0;
    if (e->counts[k] != n) return 0;
    if (n && memcmp(e->fonts_asked + at, sets[k]->fonts, (size_t)n * sizeof(FcPattern *)) != 0) return 0;
    at += n;
  }
  return FcPatternEqual(e->pattern, p);
}

// Keeps the fonts of `sets` (referenced) in `e`; 0 when memory runs out.
static int keep_sets(Entry *e, FcFontSet **sets, int nsets) {
  int total = 0;
  for (int k = 0; k < nsets; k++) total += sets[k] ? sets[k]->nfont : 0;
  e->fonts_asked = malloc((size_t)(total ? total : 1) * sizeof(FcPattern *));
  if (!e->fonts_asked) return 0;
  int at = 0;
  for (int k = 0; k < nsets; k++) {
    e->counts[k] = sets[k] ? sets[k]->nfont : 0;
    for (int j = 0; j < e->counts[k]; j++) {
      FcPatternReference(sets[k]->fonts[j]);
      e->fonts_asked[at++] = sets[k]->fonts[j];
    }
  }
  return 1;
}

// Frees the answered entries (a long run, a batch of many styles, filled the table); entries
// still being answered stay. Called with the lock held: answers are copied out under it too.
static void evict_answered(void) {
  int kept = 0;
  for (int k = 0; k < entry_count; k++) {
    Entry *e = entries[k];
    if (!e->done) {
      entries[kept++] = e;
      continue;
    }
    int total = 0;
    for (int j = 0; j < e->nsets; j++) total += e->counts[j];
    for (int j = 0; j < total; j++) FcPatternDestroy(e->fonts_asked[j]);
    free(e->fonts_asked);
    FcPatternDestroy(e->pattern);
    if (e->match) FcPatternDestroy(e->match);
    if (e->fonts) FcFontSetDestroy(e->fonts);
    if (e->charset) FcCharSetDestroy(e->charset);
    free(e);
  }
  entry_count = kept;
}

// The entry for this question: one answered (`*mine` = 0; waits for it while another thread
// answers it; returns with the lock held), or a new one this thread must answer (`*mine` = 1,
// lock released). NULL when the question cannot be kept (lock released).
static Entry *entry_for(int sort, FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcBool trim, int wants_charset, int *mine) {
  if (nsets < 0 || nsets > 4 || !p) return NULL;
  FcChar32 hash = FcPatternHash(p);
  pthread_mutex_lock(&lock);
  for (int k = 0; k < entry_count; k++) {
    Entry *e = entries[k];
    if (!same_question(e, sort, config, sets, nsets, p, hash, trim, wants_charset)) continue;
    while (!e->done) pthread_cond_wait(&answered, &lock);
    *mine = 0;
    return e;  // the lock stays held: the caller copies the answer, then unlocks
  }
  if (entry_count == CAPACITY) evict_answered();
  Entry *e = NULL;
  if (entry_count < CAPACITY && (e = calloc(1, sizeof *e))) {
    FcPattern *copy = FcPatternDuplicate(p);
    *e = (Entry){.sort = sort, .config = config, .nsets = nsets, .pattern = copy, .hash = hash, .trim = trim, .wants_charset = wants_charset};
    if (!copy || !keep_sets(e, sets, nsets)) {
      if (copy) FcPatternDestroy(copy);
      free(e);
      e = NULL;
    } else {
      entries[entry_count++] = e;
      *mine = 1;
    }
  }
  pthread_mutex_unlock(&lock);
  return e;
}

// Records that `e` is answered; returns with the lock held, for the caller to copy the answer.
static void answer(Entry *e) {
  pthread_mutex_lock(&lock);
  e->done = 1;
  pthread_cond_broadcast(&answered);
}

// A font set of its own holding references to `fonts`' patterns (as fontconfig's answers do).
static FcFontSet *copy_fonts(const FcFontSet *fonts) {
  if (!fonts) return NULL;
  FcFontSet *out = FcFontSetCreate();
  if (!out) return NULL;
  for (int k = 0; k < fonts->nfont; k++) {
    FcPatternReference(fonts->fonts[k]);
    if (!FcFontSetAdd(out, fonts->fonts[k])) {
      FcPatternDestroy(fonts->fonts[k]);
      FcFontSetDestroy(out);
      return NULL;
    }
  }
  return out;
}

FcPattern *FcFontSetMatch(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcResult *result) {
  pthread_once(&resolve_once, resolve);
  if (!fontconfig_match) {
    if (result) *result = FcResultNoMatch;
    return NULL;
  }
  int mine = 0;
  Entry *e = __atomic_load_n(&cache_enabled, __ATOMIC_RELAXED) ? entry_for(0, config, sets, nsets, p, FcFalse, 0, &mine) : NULL;
  if (!e) return fontconfig_match(config, sets, nsets, p, result);
  if (mine) {
    __atomic_add_fetch(&miss_count, 1, __ATOMIC_RELAXED);
    FcResult r = FcResultNoMatch;
    e->match = fontconfig_match(config, sets, nsets, p, &r);
    e->result = r;
    answer(e);
  } else {
    __atomic_add_fetch(&hit_count, 1, __ATOMIC_RELAXED);
  }
  if (result) *result = e->result;
  FcPattern *out = e->match ? FcPatternDuplicate(e->match) : NULL;
  pthread_mutex_unlock(&lock);
  return out;
}

FcFontSet *FcFontSetSort(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcBool trim, FcCharSet **csp, FcResult *result) {
  pthread_once(&resolve_once, resolve);
  if (!fontconfig_sort) {
    if (result) *result = FcResultNoMatch;
    return NULL;
  }
  int mine = 0;
  Entry *e = __atomic_load_n(&cache_enabled, __ATOMIC_RELAXED) ? entry_for(1, config, sets, nsets, p, trim, csp != NULL, &mine) : NULL;
  if (!e) return fontconfig_sort(config, sets, nsets, p, trim, csp, result);
  if (mine) {
    __atomic_add_fetch(&miss_count, 1, __ATOMIC_RELAXED);
    FcResult r = FcResultNoMatch;
    FcCharSet *charset = NULL;
    e->fonts = fontconfig_sort(config, sets, nsets, p, trim, csp ? &charset : NULL, &r);
    e->charset = charset;
    e->result = r;
    answer(e);
  } else {
    __atomic_add_fetch(&hit_count, 1, __ATOMIC_RELAXED);
  }
  if (result) *result = e->result;
  if (csp) *csp = e->charset ? FcCharSetCopy(e->charset) : NULL;
  FcFontSet *out = copy_fonts(e->fonts);
  pthread_mutex_unlock(&lock);
  return out;
}

#else
void imprenta_font_match_cache_set_enabled(int enabled) { (void)enabled; }
void imprenta_font_match_cache_counts(long *hits, long *misses) {
  if (hits) *hits = 0;
  if (misses) *misses = 0;
}
#endif
