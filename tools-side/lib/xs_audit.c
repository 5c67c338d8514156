/*
 * xs_audit.c: an xl domain configuration against the statement: each
 * setting through the mapping of xs_xlmap.def to a feature's stable key
 * and the rows that apply (architecture and qualifier), and whether the
 * guest stays within security support.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xs_private.h"

struct S_map {
    const char *setting, *value, *key, *qualifier;
};

static const struct S_map S_maps[] = {
#define XL_MAP(s, v, k, q) {s, v, #k, q},
#define XL_UNMAPPED(s, w)
#include "xs_xlmap.def"
#undef XL_MAP
#undef XL_UNMAPPED
};

static const struct {
    const char *setting, *why;
} S_unmapped[] = {
#define XL_MAP(s, v, k, q)
#define XL_UNMAPPED(s, w) {s, w},
#include "xs_xlmap.def"
#undef XL_MAP
#undef XL_UNMAPPED
};

#define S_NR(a) (sizeof(a) / sizeof((a)[0]))

static bool S_eq(const char *a, const char *b)
{
    while (*a &&
           suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b))
        a++, b++;
    return suptab_fold((unsigned char)*a) == suptab_fold((unsigned char)*b);
}

static bool S_has(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && suptab_fold((unsigned char)hay[i]) ==
                            suptab_fold((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

/* Does the value turn something on? */
static bool S_on(const char *v)
{
    return v[0] && !S_eq(v, "0") && !S_eq(v, "false") && !S_eq(v, "no") &&
           !S_eq(v, "none") && !S_eq(v, "disabled");
}

/* Does the comma-separated spec v hold the item kv ("backendtype=tap")? */
static bool S_spec_has(const char *v, const char *kv)
{
    size_t n = strlen(kv);

    for (;;) {
        while (*v == ' ')
            v++;
        size_t l = strcspn(v, ",");
        size_t e = l;
        while (e && v[e - 1] == ' ')
            e--;
        if (e == n) {
            size_t i = 0;
            while (i < n && suptab_fold((unsigned char)v[i]) ==
                                suptab_fold((unsigned char)kv[i]))
                i++;
            if (i == n)
                return true;
        }
        if (!v[l])
            return false;
        v += l + 1;
    }
}

static bool S_value_matches(const char *want, const char *v)
{
    size_t n = strlen(want);

    if (!n)
        return S_on(v);
    if (strchr(want, '='))
        return S_spec_has(v, want);
    if (want[n - 1] == '*') {
        for (size_t i = 0; i + 1 < n; i++)
            if (!v[i] || suptab_fold((unsigned char)v[i]) !=
                             suptab_fold((unsigned char)want[i]))
                return false;
        return true;
    }
    return S_eq(want, v);
}

static bool S_outside(const struct xensupport_row *r)
{
    return r->level != XENSUPPORT_LEVEL_SUPPORTED ||
           r->security != XENSUPPORT_SEC_YES;
}

/* The finding of value v of setting s under map m. */
static int S_mapped(xensupport_table *t, unsigned arch, const struct S_map *m,
                    struct xensupport_audit_finding *f)
{
    struct xensupport_feature feat;
    struct xensupport_row r;
    const char *q = strcmp(m->qualifier, "$") ? m->qualifier : f->value;
    bool found = false;

    f->key = m->key;
    f->feature = xs_stable_feature(t, m->key);
    if (f->feature < 0) {
        f->kind = XENSUPPORT_AUDIT_ABSENT;
        f->outside = true;
        f->why = "the statement has no such feature";
        return 0;
    }
    if (xensupport_get_feature(t, (unsigned)f->feature, &feat))
        return -1;
    f->feature_name = feat.name;
    /*
     * Rows with the mapped qualifier; failing those, a row without any
     * qualifier, which applies to every guest of its architecture (4.17's
     * "Status, x86_64: Supported" for PV is 4.10's "Status: Supported").
     */
    for (int pass = 0; pass < 2 && !found; pass++)
        for (unsigned i = 0; i < feat.nr_rows; i++) {
            if (xensupport_get_row(t, feat.first_row + i, &r))
                return -1;
            /* A row of level other applies too: free text is not
               support. */
            if (!(r.arch & arch) ||
                !(pass ? !r.qualifier[0] : S_has(r.qualifier, q)))
                continue;
            /* The first row outside security support decides, else the
               first that applies. */
            if (!found || (S_outside(&r) && !f->outside)) {
                f->row = r;
                f->outside = S_outside(&r);
            }
            found = true;
        }
    f->kind = found ? XENSUPPORT_AUDIT_MAPPED : XENSUPPORT_AUDIT_NO_ROW;
    if (!found) {
        f->outside = true;
        f->why = "no status row of the feature applies to this architecture "
                 "and qualifier";
    }
    return 0;
}

int xensupport_audit(xensupport_table *t, unsigned arch,
                     const struct xensupport_xl_setting *s, unsigned n,
                     xensupport_audit_cb *cb, void *arg)
{
    int outside = 0, rc;

    if (!t || (n && !s) || !cb || !(arch & XENSUPPORT_ARCH_ALL)) {
        errno = EINVAL;
        return -1;
    }
    for (unsigned i = 0; i < n; i++) {
        bool known = false;
        size_t k;

        for (k = 0; k < S_NR(S_unmapped); k++)
            if (S_eq(s[i].name, S_unmapped[k].setting))
                break;
        if (k < S_NR(S_unmapped)) {
            struct xensupport_audit_finding f = {
                .kind = XENSUPPORT_AUDIT_UNMAPPED,
                .setting = &s[i],
                .value = s[i].nr_values ? s[i].values[0] : "",
                .feature = -1,
                .why = S_unmapped[k].why};
            if ((rc = cb(&f, arg)))
                return rc;
            continue;
        }
        for (unsigned v = 0; v < s[i].nr_values || (!v && !s[i].nr_values);
             v++) {
            const char *val = s[i].nr_values ? s[i].values[v] : "";
            struct xensupport_audit_finding f = {
                .setting = &s[i], .value = val, .feature = -1};
            const struct S_map *m = NULL;

            for (k = 0; k < S_NR(S_maps); k++) {
                if (!S_eq(s[i].name, S_maps[k].setting))
                    continue;
                known = true;
                if (S_value_matches(S_maps[k].value, val)) {
                    m = &S_maps[k];
                    break;
                }
            }
            if (m) {
                if (S_mapped(t, arch, m, &f))
                    return -1;
            } else if (known) {
                f.kind =
                    S_on(val) ? XENSUPPORT_AUDIT_UNKNOWN : XENSUPPORT_AUDIT_OFF;
                f.why = S_on(val) ? "this value is not in the mapping"
                                  : "turned off";
            } else {
                f.kind = XENSUPPORT_AUDIT_UNKNOWN;
                f.why = "this setting is not in the mapping";
            }
            outside += f.outside;
            if ((rc = cb(&f, arg)))
                return rc;
            if (!s[i].nr_values)
                break;
        }
    }
    return outside;
}

const char *xensupport_audit_kind_name(unsigned kind)
{
    static const char *const names[] = {
        "", "mapped", "absent", "no-row", "unmapped", "unknown", "off"};
    return kind && kind < S_NR(names) ? names[kind] : NULL;
}
