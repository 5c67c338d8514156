/*
 * parse.c: SUPPORT.md to model in three steps: the source checked and
 * indexed by line (source.h), the cmark walk (walk.h), resolution of
 * the rows (resolve.h).
 */
#include "parse.h"

#include "resolve.h"
#include "source.h"
#include "walk.h"

#include <errno.h>

int xsg_parse(const char *text, size_t len, struct xsg_model *m,
              struct xsg_diag *d, bool with_desc)
{
    struct xsg_source src;
    struct xsg_walk_seen seen;
    int rc;

    if (!xsg_source_check_utf8(text, len, d))
        return 0;
    if (xsg_source_init(&src, text, len))
        return -1;
    rc = xsg_walk(&src, m, d, with_desc, &seen);
    if (!rc)
        rc = xsg_resolve(m, d, seen.features, seen.labels);
    if (rc && !errno)
        errno = ENOMEM;
    xsg_source_free(&src);
    return rc;
}
