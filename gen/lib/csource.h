/*
 * csource.h: the table as C for linking into Xen: a header with one
 * stable identifier per feature (SUPPORT_FEAT_<NAME> = feature id) and a
 * C file defining xen_support_table[] and xen_support_table_size.
 */
#ifndef XSG_CSOURCE_H
#define XSG_CSOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/*
 * Give every feature its identifier (feature.ident), from its name in
 * upper case with runs of other characters as '_'.  Names that collide
 * are prefixed with their section's; any still colliding get _2, _3, ...
 * in document order.  -1 on allocation failure.
 */
int xsg_csource_idents(struct xsg_model *m);

/* malloc()ed texts of the header and the C file; NULL if out of memory.
 * doc is the document name for the "Generated" line. */
char *xsg_csource_header(const struct xsg_model *m, const char *doc);
char *xsg_csource_c(const uint8_t *blob, size_t len, const char *doc);

#endif
