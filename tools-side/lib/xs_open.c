/*
 * xs_open.c: opening a table: pick the source's fetcher (the seam), then
 * validate the blob before building a handle; closing frees it all.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xs_private.h"

static xs_fetch_fn *const S_fetchers[] = {
    [XENSUPPORT_SOURCE_MEMORY] = xs_fetch_memory,
    [XENSUPPORT_SOURCE_FILE] = xs_fetch_file,
    [XENSUPPORT_SOURCE_DOCUMENT] = xs_fetch_document,
    [XENSUPPORT_SOURCE_HYPERVISOR] = xs_fetch_hypervisor,
};

xensupport_table *xensupport_open(const struct xensupport_source *src,
                                  char *err, size_t errlen)
{
    struct xs_fetched f = {0};
    xensupport_table *t;
    int saved;

    if (err && errlen)
        err[0] = '\0';
    if (!src || src->kind <= 0 ||
        (size_t)src->kind >= sizeof(S_fetchers) / sizeof(S_fetchers[0]) ||
        !S_fetchers[src->kind]) {
        xs_seterr(err, errlen, "unknown table source");
        errno = EINVAL;
        return NULL;
    }
    if (S_fetchers[src->kind](src, &f, err, errlen))
        return NULL;
    t = calloc(1, sizeof(*t));
    if (!t)
        goto err;
    if (xs_validate(f.p, f.len, &t->tab, err, errlen)) {
        free(t);
        goto err;
    }
    t->source = src->kind;
    t->owned = f.owned;
    t->p = f.p;
    t->len = f.len;
    return t;

err:
    saved = errno;
    free(f.owned);
    errno = saved;
    return NULL;
}

xensupport_table *xensupport_open_memory(const void *buf, size_t len,
                                         unsigned flags, char *err,
                                         size_t errlen)
{
    struct xensupport_source s = {.kind = XENSUPPORT_SOURCE_MEMORY,
                                  .buf = buf,
                                  .len = len,
                                  .flags = flags};
    return xensupport_open(&s, err, errlen);
}

xensupport_table *xensupport_open_file(const char *path, char *err,
                                       size_t errlen)
{
    struct xensupport_source s = {.kind = XENSUPPORT_SOURCE_FILE, .path = path};
    return xensupport_open(&s, err, errlen);
}

xensupport_table *xensupport_open_document(const char *path, unsigned flags,
                                           FILE *diag, char *err, size_t errlen)
{
    struct xensupport_source s = {.kind = XENSUPPORT_SOURCE_DOCUMENT,
                                  .path = path,
                                  .flags = flags,
                                  .diag = diag};
    return xensupport_open(&s, err, errlen);
}

int xensupport_validate(const void *buf, size_t len, char *err, size_t errlen)
{
    if (!buf) {
        errno = EINVAL;
        return -1;
    }
    return xs_validate(buf, len, NULL, err, errlen);
}

void xensupport_close(xensupport_table *t)
{
    if (!t)
        return;
    xs_strings_free(t);
    free(t->owned);
    free(t);
}
