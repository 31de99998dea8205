#ifndef IMPRENTA_CCMARKGFM_SHIM_H
#define IMPRENTA_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// Node types of the GFM extensions: exported by libcmark-gfm-extensions, declared in no installed header.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

// Swift 6 rejects mutable C globals: read them through functions.
static inline cmark_node_type imprenta_node_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type imprenta_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type imprenta_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type imprenta_node_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }

static inline cmark_mem *imprenta_default_mem(void) { return cmark_get_default_mem_allocator(); }
#endif
