#ifndef IMPRENTA_CLCMS_SHIM_H
#define IMPRENTA_CLCMS_SHIM_H
#include <lcms2.h>
// lcms2's pixel formats are function-like macros, which Swift does not import.
static const cmsUInt32Number imprenta_TYPE_RGB_8 = TYPE_RGB_8;
static const cmsUInt32Number imprenta_TYPE_CMYK_8 = TYPE_CMYK_8;
static const cmsUInt32Number imprenta_TYPE_RGB_DBL = TYPE_RGB_DBL;
static const cmsUInt32Number imprenta_TYPE_CMYK_DBL = TYPE_CMYK_DBL;
#endif
