#ifndef IMPRENTA_CHYPHEN_SHIM_H
#define IMPRENTA_CHYPHEN_SHIM_H
#include <stdlib.h>
#include <hyphen.h>

/// Frees the replacement arrays hnj_hyphen_hyphenate3 may allocate (non-standard hyphenation).
static inline void imprenta_hyphen_free_reps(char **rep, int *pos, int *cut, int n) {
  if (rep) { for (int i = 0; i < n; i++) free(rep[i]); free(rep); }
  free(pos);
  free(cut);
}
#endif
