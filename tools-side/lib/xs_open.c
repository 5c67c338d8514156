/*
 * xs_open.c: opening a table: pick the source's fetcher (the seam), then
 * validate the blob before building a handle; closing frees it all.  A
 * document is compiled outside this library (libxensupport-doc, which
 * hands the blob over with xensupport_open_adopt()).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xs_private.h"

/* This library has no document compiler (cmark): say where it is. */
static int S_fetch_document(const struct xensupport_source *src,
                            struct xs_fetched *out, char *err, size_t errlen)
{
    (void)src, (void)out;
    xs_seterr(err, errlen,
              "compiling a SUPPORT.md needs libxensupport-doc "
              "(xensupport_doc_open)");
    errno = ENOSYS;
    return -1;
}

static xs_fetch_fn *const S_fetchers[] = {
    [XENSUPPORT_SOURCE_MEMORY] = xs_fetch_memory,
    [XENSUPPORT_SOURCE_FILE] = xs_fetch_file,
    [XENSUPPORT_SOURCE_DOCUMENT] = S_fetch_document,
    [XENSUPPORT_SOURCE_HYPERVISOR] = xs_fetch_hypervisor,
};

xensupport_table *xs_open_fetched(enum xensupport_source_kind kind,
                                  struct xs_fetched *f, char *err,
                                  size_t errlen)
{
    xensupport_table *t;
    int saved;

    t = calloc(1, sizeof(*t));
    if (!t) {
        xs_seterr(err, errlen, "out of memory");
        goto err;
    }
    if (xs_validate(f->p, f->len, &t->tab, err, errlen)) {
        free(t);
        goto err;
    }
    t->source = kind;
    t->owned = f->owned;
    t->p = f->p;
    t->len = f->len;
    return t;

err:
    saved = errno;
    free(f->owned);
    f->owned = NULL;
    errno = saved;
    return NULL;
}

xensupport_table *xensupport_open(const struct xensupport_source *src,
                                  char *err, size_t errlen)
{
    struct xs_fetched f = {0};

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
    return xs_open_fetched(src->kind, &f, err, errlen);
}

xensupport_table *xensupport_open_adopt(void *blob, size_t len,
                                        enum xensupport_source_kind kind,
                                        char *err, size_t errlen)
{
    struct xs_fetched f = {.owned = blob, .p = blob, .len = len};

    if (err && errlen)
        err[0] = '\0';
    if (!blob || kind <= 0 || kind > XENSUPPORT_SOURCE_HYPERVISOR) {
        xs_seterr(err, errlen, blob ? "unknown table source" : "no buffer");
        free(blob);
        errno = EINVAL;
        return NULL;
    }
    return xs_open_fetched(kind, &f, err, errlen);
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
