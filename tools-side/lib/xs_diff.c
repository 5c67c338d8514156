/*
 * xs_diff.c: what changed between two statements, in b's document order:
 * release facts first, then each section's features as b has them, with
 * a's removed features where a had them; a feature that moved section or
 * changed heading (the same stable key) is a rename, not a removal and an
 * addition.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xs_private.h"

static bool S_eq(const char *a, const char *b)
{
    while (*a &&
           suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b))
        a++, b++;
    return suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b);
}

struct S_side {
    xensupport_table *t;
    unsigned nr;
    struct xensupport_feature *f;
    const char **sec; /* section name of each feature */
    const char **key; /* stable key of each feature, or NULL */
    int *match;       /* the other side's feature, or -1 */
};

static int S_load(struct S_side *s, xensupport_table *t)
{
    struct xensupport_section sec;

    s->t = t;
    s->nr = t->tab.h.nr_features;
    s->f = calloc(s->nr + 1, sizeof(*s->f));
    s->sec = calloc(s->nr + 1, sizeof(*s->sec));
    s->key = calloc(s->nr + 1, sizeof(*s->key));
    s->match = malloc((s->nr + 1) * sizeof(*s->match));
    if (!s->f || !s->sec || !s->key || !s->match)
        return -1;
    for (unsigned i = 0; i < s->nr; i++) {
        if (xensupport_get_feature(t, i, &s->f[i]) ||
            xensupport_get_section(t, s->f[i].section, &sec))
            return -1;
        s->sec[i] = sec.name;
        s->key[i] = xensupport_feature_key(t, i);
        s->match[i] = -1;
    }
    return 0;
}

static void S_free(struct S_side *s)
{
    free(s->f);
    free(s->sec);
    free(s->key);
    free(s->match);
}

/*
 * Pair a's features with b's: the same section and name, then the same
 * name in another section, then the same stable key.  Each pass takes the
 * first unpaired candidate, so the n-th duplicate pairs with the n-th.
 */
static void S_pair(struct S_side *a, struct S_side *b)
{
    for (int pass = 0; pass < 3; pass++)
        for (unsigned i = 0; i < a->nr; i++) {
            if (a->match[i] >= 0 || (pass == 2 && !a->key[i]))
                continue;
            for (unsigned j = 0; j < b->nr; j++) {
                if (b->match[j] >= 0)
                    continue;
                bool hit = pass == 2
                               ? b->key[j] && !strcmp(a->key[i], b->key[j])
                               : S_eq(a->f[i].name, b->f[j].name) &&
                                     (pass == 1 || S_eq(a->sec[i], b->sec[j]));
                if (hit) {
                    a->match[i] = (int)j;
                    b->match[j] = (int)i;
                    break;
                }
            }
        }
}

struct S_walk {
    struct S_side a, b;
    xensupport_diff_cb *cb;
    void *arg;
};

static int S_emit(struct S_walk *w, enum xensupport_diff_kind kind, int ia,
                  int ib, const struct xensupport_row *ra,
                  const struct xensupport_row *rb)
{
    struct xensupport_diff d = {.kind = kind, .a_row = ra, .b_row = rb};

    if (ia >= 0) {
        d.a_section = w->a.sec[ia];
        d.a_feature = w->a.f[ia].name;
    }
    if (ib >= 0) {
        d.b_section = w->b.sec[ib];
        d.b_feature = w->b.f[ib].name;
    }
    d.key = ia >= 0 && w->a.key[ia] ? w->a.key[ia]
            : ib >= 0               ? w->b.key[ib]
                                    : NULL;
    return w->cb(&d, w->arg);
}

/* A feature only on one side, with all its rows. */
static int S_lone(struct S_walk *w, bool in_a, unsigned i)
{
    struct S_side *s = in_a ? &w->a : &w->b;
    struct xensupport_row r;
    int rc = S_emit(w,
                    in_a ? XENSUPPORT_DIFF_FEATURE_REMOVED
                         : XENSUPPORT_DIFF_FEATURE_ADDED,
                    in_a ? (int)i : -1, in_a ? -1 : (int)i, NULL, NULL);

    for (unsigned k = 0; k < s->f[i].nr_rows && !rc; k++) {
        if (xensupport_get_row(s->t, s->f[i].first_row + k, &r))
            return -1;
        rc = S_emit(
            w, in_a ? XENSUPPORT_DIFF_ROW_REMOVED : XENSUPPORT_DIFF_ROW_ADDED,
            in_a ? (int)i : -1, in_a ? -1 : (int)i, in_a ? &r : NULL,
            in_a ? NULL : &r);
    }
    return rc;
}

/* Rows of a paired feature: by key and qualifier, n-th with n-th. */
static int S_rows(struct S_walk *w, unsigned ia, unsigned ib)
{
    const struct xensupport_feature *fa = &w->a.f[ia], *fb = &w->b.f[ib];
    unsigned char *used = calloc(fb->nr_rows + 1, 1);
    struct xensupport_row ra, rb;
    int rc = 0;

    if (!used)
        return -1;
    if (!S_eq(w->a.f[ia].name, fb->name) || !S_eq(w->a.sec[ia], w->b.sec[ib]))
        rc = S_emit(w, XENSUPPORT_DIFF_FEATURE_RENAMED, (int)ia, (int)ib, NULL,
                    NULL);
    for (unsigned i = 0; i < fa->nr_rows && !rc; i++) {
        unsigned j;
        if (xensupport_get_row(w->a.t, fa->first_row + i, &ra)) {
            rc = -1;
            break;
        }
        for (j = 0; j < fb->nr_rows; j++) {
            if (used[j])
                continue;
            if (xensupport_get_row(w->b.t, fb->first_row + j, &rb)) {
                rc = -1;
                break;
            }
            if (S_eq(ra.key, rb.key) && S_eq(ra.qualifier, rb.qualifier))
                break;
        }
        if (rc)
            break;
        if (j == fb->nr_rows) {
            rc = S_emit(w, XENSUPPORT_DIFF_ROW_REMOVED, (int)ia, (int)ib, &ra,
                        NULL);
            continue;
        }
        used[j] = 1;
        if (ra.level != rb.level || ra.security != rb.security ||
            strcmp(ra.value, rb.value))
            rc = S_emit(w, XENSUPPORT_DIFF_ROW_CHANGED, (int)ia, (int)ib, &ra,
                        &rb);
    }
    for (unsigned j = 0; j < fb->nr_rows && !rc; j++) {
        if (used[j])
            continue;
        if (xensupport_get_row(w->b.t, fb->first_row + j, &rb))
            rc = -1;
        else
            rc = S_emit(w, XENSUPPORT_DIFF_ROW_ADDED, (int)ia, (int)ib, NULL,
                        &rb);
    }
    free(used);
    return rc;
}

/* Facts: a's in order (changed or removed), then those only b has. */
static int S_facts(struct S_walk *w)
{
    struct xensupport_info ia, ib;
    struct xensupport_fact fa;
    int rc = 0;

    xensupport_get_info(w->a.t, &ia);
    xensupport_get_info(w->b.t, &ib);
    for (unsigned i = 0; i < ia.nr_facts + ib.nr_facts && !rc; i++) {
        bool in_a = i < ia.nr_facts;
        xensupport_table *t = in_a ? w->a.t : w->b.t,
                         *o = in_a ? w->b.t : w->a.t;
        if (xensupport_get_fact(t, in_a ? i : i - ia.nr_facts, &fa))
            return -1;
        const char *other = xensupport_fact_value(o, fa.key);
        if (!other && errno == ENOMEM)
            return -1;
        if (!in_a && other)
            continue; /* seen from a */
        if (other && !strcmp(other, fa.value))
            continue;
        struct xensupport_diff d = {.kind = XENSUPPORT_DIFF_FACT,
                                    .fact = fa.key};
        d.a_value = in_a ? fa.value : NULL;
        d.b_value = in_a ? other : fa.value;
        rc = w->cb(&d, w->arg);
    }
    return rc;
}

int xensupport_diff(xensupport_table *a, xensupport_table *b,
                    xensupport_diff_cb *cb, void *arg)
{
    struct S_walk w = {.cb = cb, .arg = arg};
    unsigned ia = 0;
    int rc = -1;

    if (!a || !b || !cb) {
        errno = EINVAL;
        return -1;
    }
    if (S_load(&w.a, a) || S_load(&w.b, b))
        goto out;
    S_pair(&w.a, &w.b);
    rc = S_facts(&w);
    /* b's order; a's unpaired features where a had them. */
    for (unsigned j = 0; j < w.b.nr && !rc; j++) {
        int m = w.b.match[j];
        if (m < 0) {
            rc = S_lone(&w, false, j);
            continue;
        }
        for (; ia < (unsigned)m && !rc; ia++)
            if (w.a.match[ia] < 0)
                rc = S_lone(&w, true, ia);
        if (!rc)
            rc = S_rows(&w, (unsigned)m, j);
        if ((unsigned)m >= ia)
            ia = (unsigned)m + 1;
    }
    for (; ia < w.a.nr && !rc; ia++)
        if (w.a.match[ia] < 0)
            rc = S_lone(&w, true, ia);
out:
    S_free(&w.a);
    S_free(&w.b);
    if (rc < 0)
        errno = ENOMEM;
    return rc;
}

const char *xensupport_diff_kind_name(unsigned kind)
{
    static const char *const names[] = {"",
                                        "fact",
                                        "feature-added",
                                        "feature-removed",
                                        "feature-renamed",
                                        "added",
                                        "removed",
                                        "changed"};
    return kind && kind < sizeof(names) / sizeof(names[0]) ? names[kind] : NULL;
}
