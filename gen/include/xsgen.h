/*
 * xsgen.h: the SUPPORT.md compiler as a library (parse, normalise, write).
 *
 * This is the contract between gen/ and its users (the xen-support-gen
 * command, libxensupport's document source, the tests).  The model and
 * writer internals live in gen/lib and are declared in their own headers.
 */
#ifndef XSGEN_H
#define XSGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses shared by the commands. */
enum {
    XSG_OK = 0,        /* compiled */
    XSG_EDOC = 1,      /* document errors (diagnostics were printed) */
    XSG_EUSAGE_IO = 2, /* usage, I/O or resource error (errno set) */
};

/*
 * The largest document read, in bytes (upstream's SUPPORT.md is about
 * 50 KiB).  A bigger one, or an endless device or pipe, fails with EFBIG
 * once this many bytes are passed; messages name the limit in MiB.
 */
#define XSG_DOCUMENT_MAX (4u << 20)

/*
 * The message for a failed read of an input (errno err, cap max, what
 * names the kind, "documents"): "larger than the 4 MiB limit for
 * documents" for EFBIG, strerror(err) otherwise.  Returns buf.
 */
const char *xsg_input_error(char *buf, size_t len, int err, size_t max,
                            const char *what);

struct xsg_options {
    bool strict;            /* warnings are errors */
    bool with_descriptions; /* keep prose descriptions in the table */
    bool quiet;             /* print no warnings (errors still printed) */
    FILE *diag;             /* diagnostics; NULL means stderr */
};

/*
 * Compile the document at path (or text[0..len), named name in
 * diagnostics) into a table blob.  Diagnostics are printed as
 * "NAME:LINE:COL: warning|error: ..." to opt->diag.  On XSG_OK, *blob is
 * a malloc()ed table of *len bytes that the caller frees.  On failure
 * *blob is NULL and the return value is XSG_EDOC or XSG_EUSAGE_IO (errno
 * set for the latter: EFBIG for a document over XSG_DOCUMENT_MAX).
 */
int xsg_compile_file(const char *path, const struct xsg_options *opt,
                     uint8_t **blob, size_t *len);
int xsg_compile_buffer(const char *text, size_t text_len, const char *name,
                       const struct xsg_options *opt, uint8_t **blob,
                       size_t *len);

#endif
