/*
 * xs_strings.c: the handle's string cache: each string ref expanded once
 * by the core's pair expander (core/suptab_str.c) into a malloc()ed copy
 * that lives as long as the handle.
 */
#include <errno.h>
#include <stdlib.h>

#include "xs_private.h"

/* Expand a validated ref into a new malloc()ed string. */
static char *S_expand(const xensupport_table *t, uint32_t ref)
{
    int n = suptab_str_copy(&t->tab, ref, NULL, 0);
    char *s;

    if (n < 0) {
        errno = EBADMSG; /* cannot happen on a validated table */
        return NULL;
    }
    s = malloc((size_t)n + 1);
    if (s)
        suptab_str_copy(&t->tab, ref, s, (size_t)n + 1);
    return s;
}

/* Slots for u16 refs: never more than 65536, whatever the pool size. */
static uint32_t S_slots(const xensupport_table *t)
{
    uint32_t n = t->tab.h.strings_size;
    return n < 0x10000 ? n : 0x10000;
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
    if (id >= t->tab.h.nr_features) {
        errno = EINVAL;
        return NULL;
    }
    if (!t->desc_cache) {
        t->desc_cache = calloc(t->tab.h.nr_features, sizeof(*t->desc_cache));
        if (!t->desc_cache)
            return NULL;
    }
    if (!t->desc_cache[id])
        t->desc_cache[id] = S_expand(t, suptab_description(&t->tab, id));
    return t->desc_cache[id];
}

void xs_strings_free(xensupport_table *t)
{
    if (t->cache) {
        for (uint32_t i = 0; i < S_slots(t); i++)
            free(t->cache[i]);
        free(t->cache);
    }
    if (t->desc_cache) {
        for (unsigned i = 0; i < t->tab.h.nr_features; i++)
            free(t->desc_cache[i]);
        free(t->desc_cache);
    }
    t->cache = t->desc_cache = NULL;
}
