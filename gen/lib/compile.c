/* compile.c: document to table, the library entry points of xsgen.h. */
#include "compile.h"

#include "fileio.h"
#include "parse.h"
#include "writer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int xsg_read_file(const char *path, char **text, size_t *len)
{
    return xsg_read_input(path, XSG_DOCUMENT_MAX, text, len);
}

int xsg_compile(const char *text, size_t len, const char *name,
                const struct xsg_options *opt, struct xsg_model *m,
                uint8_t **blob, size_t *blob_len, struct xsg_stats *stats)
{
    static const struct xsg_options none;
    struct xsg_diag d;
    int rc;

    if (!opt)
        opt = &none;
    *blob = NULL;
    *blob_len = 0;
    xsg_diag_init(&d, name, opt->diag, opt->strict, opt->quiet);
    if (!(m->doc_name = strdup(name))) {
        rc = XSG_EUSAGE_IO;
        goto out;
    }
    if (xsg_parse(text, len, m, &d, opt->with_descriptions)) {
        rc = XSG_EUSAGE_IO;
        goto out;
    }
    if (xsg_diag_failed(&d)) {
        rc = XSG_EDOC;
        goto out;
    }
    int w = xsg_write_table(m, opt->with_descriptions, &d, blob, blob_len);
    rc = w == 0 ? XSG_OK : w > 0 ? XSG_EDOC : XSG_EUSAGE_IO;
out:;
    int e = errno;
    if (stats) {
        stats->warnings = d.nr_warnings;
        stats->errors = d.nr_errors;
    }
    xsg_diag_flush(&d);
    if (rc != XSG_OK) {
        free(*blob);
        *blob = NULL;
        *blob_len = 0;
    }
    errno = e;
    return rc;
}

int xsg_compile_buffer(const char *text, size_t text_len, const char *name,
                       const struct xsg_options *opt, uint8_t **blob,
                       size_t *len)
{
    struct xsg_model m;
    xsg_model_init(&m);
    int rc = xsg_compile(text, text_len, name, opt, &m, blob, len, NULL);
    int e = errno;
    xsg_model_free(&m);
    errno = e;
    return rc;
}

int xsg_compile_file(const char *path, const struct xsg_options *opt,
                     uint8_t **blob, size_t *len)
{
    char *text;
    size_t n;
    *blob = NULL;
    *len = 0;
    if (xsg_read_file(path, &text, &n))
        return XSG_EUSAGE_IO;
    int rc = xsg_compile_buffer(text, n, path, opt, blob, len);
    int e = errno;
    free(text);
    errno = e;
    return rc;
}
