/*
 * xs_compare.c: differences between two tables.  Features match by
 * section name + feature name, rows by key + qualifier (ASCII case
 * folded, n-th duplicate with n-th duplicate).
 */
#include <errno.h>
#include <stdlib.h>
#include <strings.h>

#include "xs_private.h"

static int S_eq(const char *a, const char *b)
{
    while (*a &&
           suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b))
        a++, b++;
    return suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b);
}

struct S_walk {
    xensupport_table *a, *b;
    xensupport_change_cb *cb;
    void *arg;
};

static int S_emit(struct S_walk *w, enum xensupport_change_kind kind,
                  const char *sec, const char *feat,
                  const struct xensupport_row *ra,
                  const struct xensupport_row *rb)
{
    struct xensupport_change c = {kind, sec, feat, ra, rb};
    return w->cb(&c, w->arg);
}

/* Rows of every feature of t in [first, first+n), all added/removed. */
static int S_all_rows(struct S_walk *w, xensupport_table *t,
                      enum xensupport_change_kind kind, const char *sec,
                      const struct xensupport_feature *f)
{
    struct xensupport_row r;
    int rc;

    for (unsigned i = 0; i < f->nr_rows; i++) {
        if (xensupport_get_row(t, f->first_row + i, &r))
            return -1;
        rc = S_emit(w, kind, sec, f->name,
                    kind == XENSUPPORT_ROW_REMOVED ? &r : NULL,
                    kind == XENSUPPORT_ROW_ADDED ? &r : NULL);
        if (rc)
            return rc;
    }
    return 0;
}

static int S_rows(struct S_walk *w, const char *sec,
                  const struct xensupport_feature *fa,
                  const struct xensupport_feature *fb, const char *bsec)
{
    unsigned char *used = calloc(fb->nr_rows + 1, 1);
    struct xensupport_row ra, rb;
    int rc = 0;

    if (!used)
        return -1;
    for (unsigned i = 0; i < fa->nr_rows && !rc; i++) {
        unsigned j;
        if (xensupport_get_row(w->a, fa->first_row + i, &ra)) {
            rc = -1;
            break;
        }
        for (j = 0; j < fb->nr_rows; j++) {
            if (used[j])
                continue;
            if (xensupport_get_row(w->b, fb->first_row + j, &rb)) {
                rc = -1;
                break;
            }
            if (S_eq(ra.key, rb.key) && S_eq(ra.qualifier, rb.qualifier))
                break;
        }
        if (rc)
            break;
        if (j == fb->nr_rows) {
            rc = S_emit(w, XENSUPPORT_ROW_REMOVED, sec, fa->name, &ra, NULL);
            continue;
        }
        used[j] = 1;
        if (ra.level != rb.level || ra.security != rb.security)
            rc = S_emit(w, XENSUPPORT_ROW_CHANGED, sec, fa->name, &ra, &rb);
    }
    for (unsigned j = 0; j < fb->nr_rows && !rc; j++) {
        if (used[j])
            continue;
        if (xensupport_get_row(w->b, fb->first_row + j, &rb))
            rc = -1;
        else
            rc = S_emit(w, XENSUPPORT_ROW_ADDED, bsec, fb->name, NULL, &rb);
    }
    free(used);
    return rc;
}

static const char *S_secname(xensupport_table *t, unsigned s)
{
    struct xensupport_section sec;
    return xensupport_get_section(t, s, &sec) ? NULL : sec.name;
}

int xensupport_compare(xensupport_table *a, xensupport_table *b,
                       xensupport_change_cb *cb, void *arg)
{
    struct S_walk w = {a, b, cb, arg};
    unsigned na = a->tab.h.nr_features, nb = b->tab.h.nr_features;
    unsigned char *used = calloc(nb + 1, 1);
    struct xensupport_feature fa, fb;
    const char *sa = NULL, *sb = NULL;
    int rc = 0;

    if (!used)
        return -1;
    for (unsigned i = 0; i < na && !rc; i++) {
        unsigned j;
        if (xensupport_get_feature(a, i, &fa) ||
            !(sa = S_secname(a, fa.section))) {
            rc = -1;
            break;
        }
        for (j = 0; j < nb; j++) {
            if (used[j])
                continue;
            if (xensupport_get_feature(b, j, &fb) ||
                !(sb = S_secname(b, fb.section))) {
                rc = -1;
                break;
            }
            if (S_eq(fa.name, fb.name) && S_eq(sa, sb))
                break;
        }
        if (rc)
            break;
        if (j == nb) {
            rc = S_all_rows(&w, a, XENSUPPORT_ROW_REMOVED, sa, &fa);
            continue;
        }
        used[j] = 1;
        rc = S_rows(&w, sa, &fa, &fb, sb);
    }
    for (unsigned j = 0; j < nb && !rc; j++) {
        if (used[j])
            continue;
        if (xensupport_get_feature(b, j, &fb) ||
            !(sb = S_secname(b, fb.section)))
            rc = -1;
        else
            rc = S_all_rows(&w, b, XENSUPPORT_ROW_ADDED, sb, &fb);
    }
    free(used);
    if (rc < 0)
        errno = ENOMEM;
    return rc;
}
