/*
 * xs_doc.c: libxensupport-doc: a SUPPORT.md compiled with gen's library
 * (xsg_compile_file), the blob handed to libxensupport through its public
 * xensupport_open_adopt(), so this library works over libxensupport.a and
 * libxensupport.so alike.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xensupport_doc.h"
#include "xsgen.h"

static void S_seterr(char *err, size_t errlen, const char *msg)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", msg);
}

xensupport_table *xensupport_doc_open(const struct xensupport_source *src,
                                      char *err, size_t errlen)
{
    struct xsg_options opt;
    uint8_t *blob = NULL;
    size_t len = 0;
    int rc, saved;

    if (!src || src->kind != XENSUPPORT_SOURCE_DOCUMENT)
        return xensupport_open(src, err, errlen);
    if (err && errlen)
        err[0] = '\0';
    if (!src->path) {
        S_seterr(err, errlen, "no path");
        errno = EINVAL;
        return NULL;
    }
    opt = (struct xsg_options){
        .strict = src->flags & XENSUPPORT_DOC_STRICT,
        .quiet = src->flags & XENSUPPORT_DOC_QUIET,
        .with_descriptions = src->flags & XENSUPPORT_DOC_DESCRIPTIONS,
        .diag = src->diag,
    };
    errno = 0;
    rc = xsg_compile_file(src->path, &opt, &blob, &len);
    if (rc == XSG_EDOC) {
        free(blob);
        S_seterr(err, errlen, "the document has errors");
        errno = EILSEQ;
        return NULL;
    }
    if (rc != XSG_OK || !blob) {
        saved = errno ? errno : EIO;
        free(blob);
        if (err && errlen)
            xsg_input_error(err, errlen, saved, XSG_DOCUMENT_MAX, "documents");
        errno = saved;
        return NULL;
    }
    return xensupport_open_adopt(blob, len, XENSUPPORT_SOURCE_DOCUMENT, err,
                                 errlen);
}

xensupport_table *xensupport_open_document(const char *path, unsigned flags,
                                           FILE *diag, char *err, size_t errlen)
{
    struct xensupport_source s = {.kind = XENSUPPORT_SOURCE_DOCUMENT,
                                  .path = path,
                                  .flags = flags,
                                  .diag = diag};

    return xensupport_doc_open(&s, err, errlen);
}
