/*
 * xs_private.h: libxensupport internals shared by its modules: the handle
 * (over the table core's view, core/include/xen/suptab.h), its string
 * cache, the validator's errno face and the source seam (one fetch
 * function per source kind).
 */
#ifndef XS_PRIVATE_H
#define XS_PRIVATE_H

#include <stdint.h>
#include <stddef.h>

#include <xen/suptab.h>

#include "xensupport.h"

struct xensupport_table {
    enum xensupport_source_kind source;
    uint8_t *owned;   /* freed on close; NULL when borrowed */
    const uint8_t *p; /* the blob */
    size_t len;
    struct suptab tab; /* the core's view, validated */
    char **cache;      /* expanded u16 refs by pool offset, lazily */
    char **desc_cache; /* expanded descriptions by feature id, lazily */
};

/*
 * Expanded string ref (a u16 ref, below 65536) of t, cached in t; or NULL
 * with errno ENOMEM.  xs_description() does the same for the u32 ref of
 * feature id's description.
 */
const char *xs_string(xensupport_table *t, uint32_t ref);

/* The feature of t that stable key (suptab_features.def) names, or -1. */
int xs_stable_feature(xensupport_table *t, const char *key);
const char *xs_description(xensupport_table *t, unsigned id);

/* Free the handle's string cache. */
void xs_strings_free(xensupport_table *t);

/*
 * Validate blob[0..len) with the core, filling *tab if not NULL: 0, or -1
 * with errno EBADMSG/ENOTSUP and a message in err.
 */
int xs_validate(const uint8_t *blob, size_t len, struct suptab *tab, char *err,
                size_t errlen);

/* Format a message into err (if not NULL). */
void xs_seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * The source seam: one fetch function per source kind, each producing a
 * malloc()ed blob (or borrowing src->buf).  Adding a source (the
 * hypervisor, issue 4) means adding one fetcher and its table entry in
 * xs_open.c; the public API does not change.
 */
struct xs_fetched {
    uint8_t *owned;
    const uint8_t *p;
    size_t len;
};
typedef int xs_fetch_fn(const struct xensupport_source *src,
                        struct xs_fetched *out, char *err, size_t errlen);
xs_fetch_fn xs_fetch_memory, xs_fetch_file, xs_fetch_hypervisor;

/*
 * Validate f's blob and make a handle whose source is kind; the handle
 * takes f->owned.  On failure f->owned is freed, NULL with errno and err.
 */
xensupport_table *xs_open_fetched(enum xensupport_source_kind kind,
                                  struct xs_fetched *f, char *err,
                                  size_t errlen);

#endif
