#ifndef IMPRENTA_CRSVG_SHIM_H
#define IMPRENTA_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

static inline void imprenta_rsvg_unref(void *object) { if (object) g_object_unref(object); }
static inline void imprenta_gerror_free(GError *error) { if (error) g_error_free(error); }
#endif
