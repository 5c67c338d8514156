/*
 * xs_strings.c: the table's string encoding (pool of codes, byte-pair
 * expansion, escapes): a streaming decoder that never reads outside the
 * pool, folded comparison for lookups, and the handle's string cache.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>

#include "xs_private.h"

void xs_strdec_init(struct xs_strdec *d, const struct xs_header *h,
                    const uint8_t *blob, uint32_t ref)
{
    d->pool = blob + h->off_strings;
    d->pool_size = h->strings_size;
    d->pairs = blob + h->off_pairs;
    d->nr_pairs = h->nr_pairs;
    d->pos = ref;
    d->sp = 0;
}

int xs_strdec_next(struct xs_strdec *d)
{
    for (;;) {
        unsigned c;

        if (d->sp) {
            c = d->stack[--d->sp];
        } else {
            if (d->pos >= d->pool_size)
                return -1;
            c = d->pool[d->pos++];
            if (c == 0)
                return 0;
            if (c == XEN_SUPTAB_CODE_ESCAPE) {
                if (d->pos >= d->pool_size)
                    return -1;
                c = d->pool[d->pos++];
                return c >= 0x80 ? (int)c : -1;
            }
        }
        if (c < XEN_SUPTAB_CODE_PAIR)
            return (int)c;

        /* A pair: only lower codes inside, so expansion ends. */
        unsigned k = c - XEN_SUPTAB_CODE_PAIR;
        if (k >= d->nr_pairs || c == XEN_SUPTAB_CODE_ESCAPE)
            return -1;
        unsigned l = d->pairs[2 * k], r = d->pairs[2 * k + 1];
        if (l == 0 || r == 0 || l >= c || r >= c)
            return -1;
        if (d->sp + 2 > sizeof(d->stack))
            return -1;
        d->stack[d->sp++] = (uint8_t)r;
        d->stack[d->sp++] = (uint8_t)l;
    }
}

int xs_string_cmp(const xensupport_table *t, uint32_t ref, const char *s)
{
    struct xs_strdec d;
    const unsigned char *q = (const unsigned char *)s;

    xs_strdec_init(&d, &t->h, t->p, ref);
    for (;;) {
        int c = xs_strdec_next(&d);
        if (c < 0)
            c = 0; /* cannot happen on a validated table */
        int a = xs_fold(c), b = xs_fold(*q);
        if (a != b || c == 0)
            return a - b;
        q++;
    }
}

/* Expand a validated ref into a new malloc()ed string. */
static char *S_expand(const xensupport_table *t, uint32_t ref)
{
    struct xs_strdec d;
    size_t n = 0;
    char *s;

    xs_strdec_init(&d, &t->h, t->p, ref);
    while (xs_strdec_next(&d) > 0)
        n++;
    s = malloc(n + 1);
    if (!s)
        return NULL;
    xs_strdec_init(&d, &t->h, t->p, ref);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)xs_strdec_next(&d);
    s[n] = '\0';
    return s;
}

/* Slots for u16 refs: never more than 65536, whatever the pool size. */
static uint32_t S_slots(const xensupport_table *t)
{
    return t->h.strings_size < 0x10000 ? t->h.strings_size : 0x10000;
}

const char *xs_string(xensupport_table *t, uint32_t ref)
{
    if (ref >= S_slots(t)) {
        errno = EINVAL;
        return NULL;
    }
    if (!t->cache) {
        t->cache = calloc(S_slots(t), sizeof(*t->cache));
        if (!t->cache)
            return NULL;
    }
    if (!t->cache[ref])
        t->cache[ref] = S_expand(t, ref);
    return t->cache[ref];
}

const char *xs_description(xensupport_table *t, unsigned id)
{
    if (id >= t->h.nr_features) {
        errno = EINVAL;
        return NULL;
    }
    if (!t->desc_cache) {
        t->desc_cache = calloc(t->h.nr_features, sizeof(*t->desc_cache));
        if (!t->desc_cache)
            return NULL;
    }
    if (!t->desc_cache[id])
        t->desc_cache[id] =
            S_expand(t, xs_le32(t->p + t->h.off_descs + id * XS_DESC_SIZE));
    return t->desc_cache[id];
}
