#ifndef IMPRENTA_CLIBXML2_SHIM_H
#define IMPRENTA_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in the system ICU, whose UErrorCode clashes with Foundation's
// own copy on clean builds: drop ICU before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>

// xmlFree is a mutable global function pointer, rejected by Swift 6: call it through a function.
static inline void imprenta_xml_free(void *p) { xmlFree(p); }
#endif
