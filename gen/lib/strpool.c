/* strpool.c: deduplicated, pair-encoded string pool of a table. */
#include "strpool.h"

#include <stdbool.h>
#include <stdint.h>

#include <xen/suptab.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/*
 * Tokens: a byte (0x01-0xff; escaped unless printable), S_PAIR + k for
 * pair k, S_END for the string's end.
 */
#define S_PAIR 0x100
#define S_END  (S_PAIR + XEN_SUPTAB_PAIRS_MAX)
#define S_NTOK (S_END + 1)

struct S_str {
    char *s;
    int late;
    size_t idx;    /* handle, for a stable sort */
    uint16_t *tok; /* tokens, S_END last until a pair takes it */
    size_t ntok;
    uint8_t *enc; /* encoded bytes */
    size_t nenc;
    uint32_t ref;
};

struct xsg_strpool {
    struct S_str *v;
    size_t nr, cap;
    long *hash; /* open addressing: handle + 1, 0 = empty */
    size_t hcap;
    uint8_t pairs[2 * XEN_SUPTAB_PAIRS_MAX];
    uint8_t depth[XEN_SUPTAB_PAIRS_MAX];
    bool ends[XEN_SUPTAB_PAIRS_MAX];
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
    x->idx = p->nr;
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

static bool S_printable(unsigned c)
{
    return c >= 0x20 && c <= 0x7e;
}

static int S_tokenise(struct S_str *x)
{
    size_t n = strlen(x->s);
    x->tok = malloc((n + 1) * sizeof(*x->tok));
    if (!x->tok)
        return -1;
    for (size_t i = 0; i < n; i++)
        x->tok[i] = (uint8_t)x->s[i];
    x->tok[n] = S_END;
    x->ntok = n + 1;
    return 0;
}

/* Depth of a token as a pair's part (0 for a byte or the end). */
static unsigned S_depth(const struct xsg_strpool *p, unsigned t)
{
    return t >= S_PAIR && t < S_END ? p->depth[t - S_PAIR] : 0;
}

/*
 * Can (a, b) become a pair?  a is a printable byte or a pair that does
 * not end the string; b that or the end (or an ending pair); the pair
 * nests at most XEN_SUPTAB_DEPTH_MAX deep.
 */
static bool S_pairable(const struct xsg_strpool *p, unsigned a, unsigned b)
{
    unsigned da = S_depth(p, a), db = S_depth(p, b);

    if (a == S_END || (a < S_PAIR && !S_printable(a)) ||
        (a >= S_PAIR && p->ends[a - S_PAIR]))
        return false;
    if (b < S_PAIR && !S_printable(b))
        return false;
    return (da > db ? da : db) + 1 <= XEN_SUPTAB_DEPTH_MAX;
}

/*
 * Count non-overlapping occurrences of every pairable token pair into
 * counts (all zero on entry) and return the highest count, *best_i its
 * pair, the lowest pair on ties.  Only the pairs present are touched, so
 * a round costs the pool's length, not every possible pair.
 */
static uint32_t S_count(const struct xsg_strpool *p, uint32_t *counts,
                        uint32_t *best_i)
{
    uint32_t best = 0, bi = 0;
    for (size_t s = 0; s < p->nr; s++) {
        const uint16_t *t = p->v[s].tok;
        size_t last = (size_t)-1;
        for (size_t i = 0; i + 1 < p->v[s].ntok; i++) {
            unsigned a = t[i], b = t[i + 1];
            if (!S_pairable(p, a, b))
                continue;
            if (a == b && last != (size_t)-1 && last + 1 == i) {
                last = (size_t)-1; /* "aaa": count the pair once */
                continue;
            }
            uint32_t k = (uint32_t)a * S_NTOK + b, c = ++counts[k];
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
            counts[(uint32_t)t[i] * S_NTOK + t[i + 1]] = 0;
    }
}

static void S_replace(struct xsg_strpool *p, unsigned a, unsigned b,
                      unsigned tok)
{
    for (size_t s = 0; s < p->nr; s++) {
        uint16_t *t = p->v[s].tok;
        size_t o = 0, n = p->v[s].ntok;
        for (size_t i = 0; i < n; i++) {
            if (i + 1 < n && t[i] == a && t[i + 1] == b) {
                t[o++] = (uint16_t)tok;
                i++;
            } else {
                t[o++] = t[i];
            }
        }
        p->v[s].ntok = o;
    }
}

/* The code of a pair's part: a byte, a pair code or 0x00 for the end. */
static uint8_t S_code(unsigned t)
{
    if (t == S_END)
        return 0;
    if (t >= S_PAIR)
        return (uint8_t)suptab_pair_code(t - S_PAIR);
    return (uint8_t)t;
}

static int S_encode(struct S_str *x)
{
    x->enc = malloc(x->ntok * 2 + 1);
    if (!x->enc)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < x->ntok; i++) {
        unsigned t = x->tok[i];
        if (t < S_PAIR && !S_printable(t))
            x->enc[o++] = XEN_SUPTAB_CODE_ESCAPE;
        x->enc[o++] = S_code(t);
    }
    x->nenc = o;
    return 0;
}

/* Sort order for suffix sharing: encoded bytes compared from the end. */
static int S_cmp_rev(const void *a, const void *b)
{
    const struct S_str *x = *(const struct S_str *const *)a;
    const struct S_str *y = *(const struct S_str *const *)b;
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
    return x->idx < y->idx ? -1 : 1;
}

/* Is x a suffix of y, on token boundaries? */
static int S_is_suffix(const struct S_str *x, const struct S_str *y)
{
    if (x->ntok > y->ntok)
        return 0;
    return !memcmp(x->tok, y->tok + (y->ntok - x->ntok),
                   x->ntok * sizeof(*x->tok));
}

/* Greedy pair choice: most occurrences first, lowest pair on ties; a
 * pair costs two bytes, so it must save at least three. */
static void S_choose_pairs(struct xsg_strpool *p, uint32_t *counts)
{
    for (p->nr_pairs = 0; p->nr_pairs < XEN_SUPTAB_PAIRS_MAX;) {
        uint32_t best_i, best = S_count(p, counts, &best_i);
        S_uncount(p, counts);
        if (best < 3)
            break;
        unsigned a = best_i / S_NTOK, b = best_i % S_NTOK;
        size_t k = p->nr_pairs++;
        p->pairs[2 * k] = S_code(a);
        p->pairs[2 * k + 1] = S_code(b);
        p->depth[k] =
            (uint8_t)((S_depth(p, a) > S_depth(p, b) ? S_depth(p, a)
                                                     : S_depth(p, b)) +
                      1);
        p->ends[k] = b == S_END || (b >= S_PAIR && p->ends[b - S_PAIR]);
        S_replace(p, a, b, S_PAIR + (unsigned)k);
    }
}

int xsg_strpool_build(struct xsg_strpool *p)
{
    uint32_t *counts = calloc((size_t)S_NTOK * S_NTOK, sizeof(*counts));
    struct S_str **order = malloc(p->nr * sizeof(*order));
    size_t *host = malloc(p->nr * sizeof(*host));
    int rc = -1;
    if (!counts || !order || !host)
        goto out;
    for (size_t s = 0; s < p->nr; s++)
        if (S_tokenise(&p->v[s]))
            goto out;
    S_choose_pairs(p, counts);
    for (size_t s = 0; s < p->nr; s++)
        if (S_encode(&p->v[s]))
            goto out;

    /* A string that ends another one (on a token boundary) points into
     * it; early strings only into early ones.  The empty string stays
     * first. */
    for (size_t s = 0; s < p->nr; s++)
        order[s] = &p->v[s];
    qsort(order + 1, p->nr - 1, sizeof(*order), S_cmp_rev);
    for (size_t s = 0; s < p->nr; s++)
        host[s] = s;
    for (size_t k = p->nr; k-- > 2;) {
        const struct S_str *x = order[k - 1], *y = order[k];
        if (x->late == y->late && S_is_suffix(x, y))
            host[x->idx] = host[y->idx];
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
