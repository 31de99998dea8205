#ifndef IMPRENTA_CRSVG_SHIM_H
#define IMPRENTA_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#endif
