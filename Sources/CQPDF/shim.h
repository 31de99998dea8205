#ifndef IMPRENTA_CQPDF_SHIM_H
#define IMPRENTA_CQPDF_SHIM_H
#include <qpdf/qpdf-c.h>
#endif
