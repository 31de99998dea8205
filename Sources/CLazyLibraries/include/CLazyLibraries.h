#ifndef IMPRENTA_CLAZYLIBRARIES_H
#define IMPRENTA_CLAZYLIBRARIES_H

/// Loads every library of the PDF backend (Cairo, Pango, librsvg, qpdf, …) that is not loaded yet.
/// On Linux these libraries are not start-up dependencies of the program: a text, XHTML or EPUB
/// build never loads them, and the first call into one loads it. Returns 0 when all are loaded
/// (or when this build links them the ordinary way), otherwise -1 with a one-line reason (the
/// library, the package that provides it on Debian, and the loader's message) in `message`.
int imprenta_lazy_libraries_load(char *message, unsigned long size);

/// 1 when this build loads the PDF backend's libraries on first use, 0 when it links them at start.
int imprenta_lazy_libraries_enabled(void);

#endif
