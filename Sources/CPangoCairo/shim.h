#ifndef IMPRENTA_CPANGOCAIRO_SHIM_H
#define IMPRENTA_CPANGOCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
// glibc's malloc_trim: memory the text engine's threads freed, handed back to the system while
// pages are painted (PDFWriter.paintEveryPage).
#include <malloc.h>

// GObject's type-checking macros and g_object_unref on opaque Pango types read more simply from C.
static inline void imprenta_g_object_unref(void *object) { if (object) g_object_unref(object); }
static inline void *imprenta_g_object_ref(void *object) { return object ? g_object_ref(object) : object; }
static inline int imprenta_pango_scale(void) { return PANGO_SCALE; }
/// The start byte and byte length of a Pango layout line (fields Swift can read, but kept in one place).
static inline int imprenta_line_start(PangoLayoutLine *line) { return line->start_index; }
static inline int imprenta_line_length(PangoLayoutLine *line) { return line->length; }
#endif
