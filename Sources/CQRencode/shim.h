#ifndef IMPRENTA_CQRENCODE_SHIM_H
#define IMPRENTA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
