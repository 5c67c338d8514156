/*
 * xensupport_doc.h: libxensupport-doc, the document source of
 * libxensupport: a SUPPORT.md compiled on the fly by the generator's
 * library (gen/, which needs cmark), then opened like any table.
 *
 * A host-side library (static, libxensupport-doc.a): dom0 tools that read
 * the hypervisor or table files link libxensupport alone, without cmark.
 * Link order: -lxensupport-doc -lxensupport, then -lcmark.
 *
 * Errors as in xensupport.h: NULL with errno and a one-line message in
 * err; the compiler's diagnostics go to the stream the caller names.
 */
#ifndef XENSUPPORT_DOC_H
#define XENSUPPORT_DOC_H

#include "xensupport.h"

/*
 * Open src as xensupport_open() does; a XENSUPPORT_SOURCE_DOCUMENT source
 * (src->path, src->flags XENSUPPORT_DOC_*, src->diag) is compiled first,
 * and its handle reports that kind.  Beyond xensupport_open()'s errors, a
 * document fails with EILSEQ when it has errors (the compiler printed
 * them as FILE:LINE:COL diagnostics to src->diag, NULL meaning stderr),
 * or with the errno of reading it (ENOENT, EACCES, EISDIR, ...), ENOMEM.
 */
xensupport_table *xensupport_doc_open(const struct xensupport_source *src,
                                      char *err, size_t errlen);

/* Shorthand for xensupport_doc_open() with a DOCUMENT source. */
xensupport_table *xensupport_open_document(const char *path, unsigned flags,
                                           FILE *diag, char *err,
                                           size_t errlen);

#endif
