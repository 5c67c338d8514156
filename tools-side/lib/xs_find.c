/*
 * xs_find.c: finding a feature by any name a user types (full name, id,
 * stable key, gate origin, alias, an earlier heading, a unique token
 * prefix) and the stable key of a feature.  The stable identities are
 * core/include/xen/suptab_features.def, compiled in here.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xs_private.h"

struct S_stable {
    const char *key, *origin, *aliases, *headings;
};

static const struct S_stable S_stables[] = {
#define SUPPORT_FEATURE(k, o, a, h) {#k, o, a, h},
#include <xen/suptab_features.def>
#undef SUPPORT_FEATURE
};
#define S_NR_STABLES (sizeof(S_stables) / sizeof(S_stables[0]))

static bool S_eq(const char *a, const char *b, size_t blen)
{
    size_t i = 0;

    for (; i < blen && a[i]; i++)
        if (suptab_fold((unsigned char)a[i]) !=
            suptab_fold((unsigned char)b[i]))
            return false;
    return i == blen && !a[i];
}

/* Is s one of the sep-separated items of list (ASCII case folded)? */
static bool S_in_list(const char *s, const char *list, char sep)
{
    while (*list) {
        const char *e = strchr(list, sep);
        size_t n = e ? (size_t)(e - list) : strlen(list);
        if (n && S_eq(s, list, n))
            return true;
        list += n + (e != NULL);
    }
    return false;
}

/* The feature of t with one of st's headings, or -1. */
static int S_feature_of(const xensupport_table *t, const struct S_stable *st)
{
    const char *h = st->headings;
    char name[XEN_SUPTAB_STR_MAX + 1];

    while (*h) {
        const char *e = strchr(h, '|');
        size_t n = e ? (size_t)(e - h) : strlen(h);
        if (n <= XEN_SUPTAB_STR_MAX) {
            memcpy(name, h, n);
            name[n] = '\0';
            int id = suptab_lookup(&t->tab, name);
            if (id >= 0)
                return id;
        }
        h += n + (e != NULL);
    }
    return -1;
}

int xs_stable_feature(xensupport_table *t, const char *key)
{
    for (size_t i = 0; i < S_NR_STABLES; i++)
        if (!strcmp(S_stables[i].key, key))
            return S_feature_of(t, &S_stables[i]);
    return -1;
}

/* The stable entry of feature id, or NULL. */
static const struct S_stable *S_stable_of(xensupport_table *t, unsigned id)
{
    struct xensupport_feature f;

    if (xensupport_get_feature(t, id, &f))
        return NULL;
    for (size_t i = 0; i < S_NR_STABLES; i++)
        if (S_in_list(f.name, S_stables[i].headings, '|'))
            return &S_stables[i];
    return NULL;
}

const char *xensupport_feature_key(xensupport_table *t, unsigned id)
{
    const struct S_stable *st = S_stable_of(t, id);

    if (!st)
        errno = ENOENT;
    return st ? st->key : NULL;
}

int xensupport_feature_ident(xensupport_table *t, unsigned id, char *buf,
                             size_t len)
{
    struct xensupport_feature f, g;
    struct xensupport_section s;
    struct xensupport_info in;
    char mine[XEN_SUPTAB_STR_MAX + 1], other[XEN_SUPTAB_STR_MAX + 1];
    bool shared = false;

    if (xensupport_get_feature(t, id, &f) ||
        xensupport_get_section(t, f.section, &s))
        return -1;
    suptab_ident(mine, sizeof(mine), f.name);
    xensupport_get_info(t, &in);
    for (unsigned i = 0; i < in.nr_features && !shared; i++)
        if (i != id && !xensupport_get_feature(t, i, &g)) {
            suptab_ident(other, sizeof(other), g.name);
            shared = !strcmp(mine, other);
        }
    /* Names that share an id get their section's (gen/lib/csource.c). */
    if (shared) {
        size_t n = suptab_ident(buf, len, s.name);
        if (n + 1 < len) {
            buf[n] = '_';
            suptab_ident(buf + n + 1, len - n - 1, f.name);
        }
    } else {
        suptab_ident(buf, len, f.name);
    }
    return 0;
}

/* Does the query equal feature f's id, bare or with SUPPORT_FEAT_? */
static bool S_ident_match(const char *q, const struct xensupport_feature *f,
                          const char *section)
{
    char id[2 * XEN_SUPTAB_STR_MAX + 2];
    size_t n;

    if (!strncmp(q, "SUPPORT_FEAT_", 13))
        q += 13;
    suptab_ident(id, sizeof(id), f->name);
    if (S_eq(q, id, strlen(id)))
        return true;
    /* Colliding names get their section's prefix (gen/lib/csource.c). */
    n = suptab_ident(id, sizeof(id), section);
    if (n + 1 >= sizeof(id))
        return false;
    id[n] = '_';
    suptab_ident(id + n + 1, sizeof(id) - n - 1, f->name);
    return S_eq(q, id, strlen(id));
}

/*
 * The words of s (runs of ASCII letters and digits), folded, into w[];
 * returns how many (at most max).
 */
static unsigned S_words(const char *s, char w[][64], unsigned max)
{
    unsigned n = 0;

    while (*s && n < max) {
        size_t k = 0;
        while (*s && !((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
                       (*s >= 'A' && *s <= 'Z')))
            s++;
        if (!*s)
            break;
        while ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
               (*s >= 'A' && *s <= 'Z')) {
            if (k < 63)
                w[n][k++] = (char)suptab_fold((unsigned char)*s);
            s++;
        }
        w[n++][k] = '\0';
    }
    return n;
}

unsigned xensupport_word_overlap(const char *query, const char *name)
{
    char q[16][64], w[32][64];
    unsigned nq = S_words(query, q, 16), nw = S_words(name, w, 32), score = 0;

    for (unsigned i = 0; i < nq; i++) {
        unsigned best = 0;
        for (unsigned j = 0; j < nw; j++) {
            size_t l = strlen(q[i]);
            if (!strcmp(q[i], w[j]))
                best = 2;
            else if (best < 1 && l && !strncmp(q[i], w[j], l))
                best = 1;
        }
        score += best;
    }
    return score;
}

/* Does every word of the query start a word of name, in order? */
static bool S_prefix_match(const char *query, const char *name)
{
    char q[16][64], w[32][64];
    unsigned nq = S_words(query, q, 16), nw = S_words(name, w, 32), j = 0;

    if (!nq)
        return false;
    for (unsigned i = 0; i < nq; i++) {
        size_t l = strlen(q[i]);
        while (j < nw && strncmp(q[i], w[j], l))
            j++;
        if (j++ >= nw)
            return false;
    }
    return true;
}

int xensupport_find(xensupport_table *t, const char *name,
                    enum xensupport_match *how, unsigned *cand,
                    unsigned *nr_cand)
{
    struct xensupport_info in;
    struct xensupport_feature f;
    struct xensupport_section s;
    enum xensupport_match m = XENSUPPORT_MATCH_NAME;
    unsigned found = 0, max = nr_cand ? *nr_cand : 0;
    int id;

    if (nr_cand)
        *nr_cand = 0;
    if (!t || !name) {
        errno = EINVAL;
        return -1;
    }
    id = suptab_lookup(&t->tab, name);
    if (id >= 0)
        goto out;
    xensupport_get_info(t, &in);
    m = XENSUPPORT_MATCH_IDENT;
    for (unsigned i = 0; i < in.nr_features; i++)
        if (!xensupport_get_feature(t, i, &f) &&
            !xensupport_get_section(t, f.section, &s) &&
            S_ident_match(name, &f, s.name)) {
            id = (int)i;
            goto out;
        }
    /* The stable identities: key, gate origin, alias, earlier heading. */
    static const enum xensupport_match kinds[] = {
        XENSUPPORT_MATCH_KEY, XENSUPPORT_MATCH_ORIGIN, XENSUPPORT_MATCH_ALIAS,
        XENSUPPORT_MATCH_HEADING};
    for (size_t k = 0; k < 4; k++)
        for (size_t i = 0; i < S_NR_STABLES; i++) {
            const struct S_stable *st = &S_stables[i];
            bool hit = kinds[k] == XENSUPPORT_MATCH_KEY
                           ? S_eq(name, st->key, strlen(st->key))
                       : kinds[k] == XENSUPPORT_MATCH_ORIGIN
                           ? st->origin[0] &&
                                 S_eq(name, st->origin, strlen(st->origin))
                       : kinds[k] == XENSUPPORT_MATCH_ALIAS
                           ? S_in_list(name, st->aliases, ' ')
                           : S_in_list(name, st->headings, '|');
            if (hit && (id = S_feature_of(t, st)) >= 0) {
                m = kinds[k];
                goto out;
            }
        }
    /* A unique token prefix ("null sched", "rtds"). */
    m = XENSUPPORT_MATCH_PREFIX;
    for (unsigned i = 0; i < in.nr_features; i++) {
        if (xensupport_get_feature(t, i, &f) || !S_prefix_match(name, f.name))
            continue;
        if (found < max)
            cand[found] = i;
        found++;
        id = (int)i;
    }
    if (nr_cand)
        *nr_cand = found < max ? found : max;
    if (found == 1)
        goto out;
    errno = found ? EEXIST : ENOENT;
    return -1;
out:
    if (how)
        *how = m;
    return id;
}

const char *xensupport_match_name(unsigned how)
{
    static const char *const names[] = {"",       "name",  "id",      "key",
                                        "origin", "alias", "heading", "prefix"};
    return how && how < sizeof(names) / sizeof(names[0]) ? names[how] : NULL;
}
