#ifndef IMPRENTA_CHYPHEN_SHIM_H
#define IMPRENTA_CHYPHEN_SHIM_H
#include <hyphen.h>
#endif
