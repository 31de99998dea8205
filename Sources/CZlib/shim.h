#ifndef IMPRENTA_CZLIB_SHIM_H
#define IMPRENTA_CZLIB_SHIM_H
// zlib, for the EPUB container: raw deflate at a chosen level, and its CRC-32.
#include <zlib.h>
#endif
