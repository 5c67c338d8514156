/*
 * compile.h: the compiler's steps as one call that also hands back the
 * model, for the xen-support-gen command's other outputs (C source,
 * header, JSON).  xsgen.h's xsg_compile_* are built on it.
 */
#ifndef XSG_COMPILE_H
#define XSG_COMPILE_H

#include <xsgen.h>

#include "diag.h"
#include "model.h"

/* Diagnostic totals of the last xsg_compile() in this thread. */
struct xsg_stats {
    unsigned warnings, errors;
};

/*
 * Parse text[0..len) named name into m (initialised by the caller, freed
 * by the caller whatever the result) and write its table to *blob.
 * Returns XSG_OK, XSG_EDOC (diagnostics printed) or XSG_EUSAGE_IO (errno
 * set).  stats may be NULL.
 */
int xsg_compile(const char *text, size_t len, const char *name,
                const struct xsg_options *opt, struct xsg_model *m,
                uint8_t **blob, size_t *blob_len, struct xsg_stats *stats);

/*
 * Read a whole document into a malloc()ed, NUL-terminated buffer, at most
 * XSG_DOCUMENT_MAX bytes (EFBIG beyond).
 */
int xsg_read_file(const char *path, char **text, size_t *len);

#endif
