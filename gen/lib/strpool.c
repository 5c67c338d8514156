/* strpool.c: deduplicated, pair-encoded string pool of a table. */
#include "strpool.h"

#include <stdint.h>

#include <public/support_table.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define S_ESC 0x100 /* token flag: an escaped byte >= 0x80 */

struct S_str {
    char *s;
    int late;
    uint16_t *tok; /* codes: 1-0x7f, 0x80-0xfe pairs, S_ESC|byte */
    size_t ntok;
    uint8_t *enc; /* encoded bytes, 0-terminated */
    size_t nenc;  /* terminator included */
    uint32_t ref;
};

struct xsg_strpool {
    struct S_str *v;
    size_t nr, cap;
    long *hash; /* open addressing: handle + 1, 0 = empty */
    size_t hcap;
    uint8_t pairs[2 * XEN_SUPTAB_PAIRS_MAX];
    size_t nr_pairs;
    uint8_t *bytes;
    size_t nbytes;
};

static uint32_t S_fnv(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static int S_rehash(struct xsg_strpool *p, size_t ncap)
{
    long *h = calloc(ncap, sizeof(*h));
    if (!h)
        return -1;
    for (size_t i = 0; i < p->nr; i++) {
        size_t j = S_fnv(p->v[i].s) & (ncap - 1);
        while (h[j])
            j = (j + 1) & (ncap - 1);
        h[j] = (long)i + 1;
    }
    free(p->hash);
    p->hash = h;
    p->hcap = ncap;
    return 0;
}

struct xsg_strpool *xsg_strpool_new(void)
{
    struct xsg_strpool *p = calloc(1, sizeof(*p));
    if (!p || xsg_strpool_add(p, "", 0) != 0) {
        xsg_strpool_free(p);
        return NULL;
    }
    return p;
}

void xsg_strpool_free(struct xsg_strpool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nr; i++) {
        free(p->v[i].s);
        free(p->v[i].tok);
        free(p->v[i].enc);
    }
    free(p->v);
    free(p->hash);
    free(p->bytes);
    free(p);
}

long xsg_strpool_add(struct xsg_strpool *p, const char *s, int late)
{
    if (!s)
        s = "";
    if (p->hcap) {
        size_t j = S_fnv(s) & (p->hcap - 1);
        while (p->hash[j]) {
            struct S_str *x = &p->v[p->hash[j] - 1];
            if (!strcmp(x->s, s)) {
                if (!late)
                    x->late = 0; /* needed early by someone */
                return p->hash[j] - 1;
            }
            j = (j + 1) & (p->hcap - 1);
        }
    }
    if (p->nr == p->cap) {
        size_t c = p->cap ? p->cap * 2 : 64;
        struct S_str *v = realloc(p->v, c * sizeof(*v));
        if (!v)
            return -1;
        p->v = v;
        p->cap = c;
    }
    struct S_str *x = &p->v[p->nr];
    memset(x, 0, sizeof(*x));
    x->late = late;
    if (!(x->s = strdup(s)))
        return -1;
    p->nr++;
    if (p->nr * 2 > p->hcap) {
        if (S_rehash(p, p->hcap ? p->hcap * 2 : 128)) {
            free(x->s);
            p->nr--;
            return -1;
        }
    } else {
        size_t j = S_fnv(s) & (p->hcap - 1);
        while (p->hash[j])
            j = (j + 1) & (p->hcap - 1);
        p->hash[j] = (long)p->nr;
    }
    return (long)p->nr - 1;
}

static int S_tokenise(struct S_str *x)
{
    size_t n = strlen(x->s);
    x->tok = malloc((n + 1) * sizeof(*x->tok));
    if (!x->tok)
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)x->s[i];
        x->tok[i] = c < 0x80 ? c : (uint16_t)(S_ESC | c);
    }
    x->ntok = n;
    return 0;
}

/*
 * Count non-overlapping occurrences of every pair of pairable codes into
 * counts (all zero on entry) and return the highest count, *best_i its
 * pair, the lowest pair on ties.  Only the pairs present are touched, so
 * a round costs the pool's length, not the 64K possible pairs.
 */
static uint32_t S_count(const struct xsg_strpool *p, uint32_t *counts,
                        uint32_t *best_i)
{
    uint32_t best = 0, bi = 0;
    for (size_t s = 0; s < p->nr; s++) {
        const uint16_t *t = p->v[s].tok;
        size_t last = (size_t)-1;
        for (size_t i = 0; i + 1 < p->v[s].ntok; i++) {
            uint16_t a = t[i], b = t[i + 1];
            if (a >= 0xff || b >= 0xff)
                continue;
            if (a == b && last != (size_t)-1 && last + 1 == i) {
                last = (size_t)-1; /* "aaa": count the pair once */
                continue;
            }
            uint32_t k = (uint32_t)a * 256 + b, c = ++counts[k];
            if (c > best || (c == best && k < bi))
                best = c, bi = k;
            last = i;
        }
    }
    *best_i = bi;
    return best;
}

/* Zero again the counts S_count() touched. */
static void S_uncount(const struct xsg_strpool *p, uint32_t *counts)
{
    for (size_t s = 0; s < p->nr; s++) {
        const uint16_t *t = p->v[s].tok;
        for (size_t i = 0; i + 1 < p->v[s].ntok; i++)
            if (t[i] < 0xff && t[i + 1] < 0xff)
                counts[t[i] * 256 + t[i + 1]] = 0;
    }
}

static void S_replace(struct xsg_strpool *p, uint16_t a, uint16_t b,
                      uint16_t code)
{
    for (size_t s = 0; s < p->nr; s++) {
        uint16_t *t = p->v[s].tok;
        size_t o = 0, n = p->v[s].ntok;
        for (size_t i = 0; i < n; i++) {
            if (i + 1 < n && t[i] == a && t[i + 1] == b) {
                t[o++] = code;
                i++;
            } else {
                t[o++] = t[i];
            }
        }
        p->v[s].ntok = o;
    }
}

static int S_encode(struct S_str *x)
{
    x->enc = malloc(x->ntok * 2 + 1);
    if (!x->enc)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < x->ntok; i++) {
        if (x->tok[i] & S_ESC) {
            x->enc[o++] = XEN_SUPTAB_CODE_ESCAPE;
            x->enc[o++] = (uint8_t)x->tok[i];
        } else {
            x->enc[o++] = (uint8_t)x->tok[i];
        }
    }
    x->enc[o++] = 0;
    x->nenc = o;
    return 0;
}

/* Sort order for suffix sharing: encoded bytes compared from the end. */
static const struct xsg_strpool *S_sort_pool;
static int S_cmp_rev(const void *a, const void *b)
{
    const struct S_str *x = &S_sort_pool->v[*(const size_t *)a];
    const struct S_str *y = &S_sort_pool->v[*(const size_t *)b];
    if (x->late != y->late)
        return x->late < y->late ? -1 : 1;
    size_t i = x->nenc, j = y->nenc;
    while (i && j) {
        uint8_t cx = x->enc[--i], cy = y->enc[--j];
        if (cx != cy)
            return cx < cy ? -1 : 1;
    }
    if (i != j)
        return i < j ? -1 : 1; /* the shorter (a suffix) first */
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* Is x a suffix of y, on code boundaries? */
static int S_is_suffix(const struct S_str *x, const struct S_str *y)
{
    if (x->ntok > y->ntok)
        return 0;
    return !memcmp(x->tok, y->tok + (y->ntok - x->ntok),
                   x->ntok * sizeof(*x->tok));
}

int xsg_strpool_build(struct xsg_strpool *p)
{
    uint32_t *counts = calloc(256 * 256, sizeof(*counts));
    size_t *order = malloc(p->nr * sizeof(*order));
    size_t *host = malloc(p->nr * sizeof(*host));
    int rc = -1;
    if (!counts || !order || !host)
        goto out;
    for (size_t s = 0; s < p->nr; s++)
        if (S_tokenise(&p->v[s]))
            goto out;

    /* Greedy pair choice: most occurrences first, lowest pair on ties;
     * a pair costs two bytes, so it must save at least three. */
    for (p->nr_pairs = 0; p->nr_pairs < XEN_SUPTAB_PAIRS_MAX;) {
        uint32_t best_i, best = S_count(p, counts, &best_i);
        S_uncount(p, counts);
        if (best < 3)
            break;
        uint16_t a = (uint16_t)(best_i >> 8), b = (uint16_t)(best_i & 0xff);
        uint16_t code = (uint16_t)(XEN_SUPTAB_CODE_PAIR + p->nr_pairs);
        p->pairs[2 * p->nr_pairs] = (uint8_t)a;
        p->pairs[2 * p->nr_pairs + 1] = (uint8_t)b;
        p->nr_pairs++;
        S_replace(p, a, b, code);
    }

    for (size_t s = 0; s < p->nr; s++)
        if (S_encode(&p->v[s]))
            goto out;

    /* A string that ends another one (on a code boundary) points into
     * it; early strings only into early ones.  The empty string stays
     * first. */
    for (size_t s = 0; s < p->nr; s++)
        order[s] = s;
    S_sort_pool = p;
    qsort(order + 1, p->nr - 1, sizeof(*order), S_cmp_rev);
    for (size_t s = 0; s < p->nr; s++)
        host[s] = s;
    for (size_t k = p->nr; k-- > 2;) {
        size_t x = order[k - 1], y = order[k];
        if (p->v[x].late == p->v[y].late && S_is_suffix(&p->v[x], &p->v[y]))
            host[x] = host[y];
    }

    size_t total = 0;
    for (size_t s = 0; s < p->nr; s++)
        if (host[s] == s)
            total += p->v[s].nenc;
    p->bytes = malloc(total ? total : 1);
    if (!p->bytes)
        goto out;
    p->nbytes = 0;
    for (int late = 0; late < 2; late++) {
        for (size_t s = 0; s < p->nr; s++) {
            struct S_str *x = &p->v[s];
            if (host[s] != s || x->late != late)
                continue;
            x->ref = (uint32_t)p->nbytes;
            memcpy(p->bytes + p->nbytes, x->enc, x->nenc);
            p->nbytes += x->nenc;
        }
    }
    for (size_t s = 0; s < p->nr; s++) {
        const struct S_str *h = &p->v[host[s]];
        p->v[s].ref = h->ref + (uint32_t)(h->nenc - p->v[s].nenc);
    }
    rc = 0;
out:
    if (rc)
        errno = ENOMEM;
    free(counts);
    free(order);
    free(host);
    return rc;
}

uint32_t xsg_strpool_ref(const struct xsg_strpool *p, long handle)
{
    return p->v[handle].ref;
}

const uint8_t *xsg_strpool_bytes(const struct xsg_strpool *p, size_t *len)
{
    *len = p->nbytes;
    return p->bytes;
}

const uint8_t *xsg_strpool_pairs(const struct xsg_strpool *p, size_t *nr_pairs)
{
    *nr_pairs = p->nr_pairs;
    return p->pairs;
}
