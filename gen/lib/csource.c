/* csource.c: C header and source for the table, with feature ids. */
#include "csource.h"

#include <xen/suptab.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Upper-case identifier part from a name (the core's suptab_ident()). */
static char *S_ident_part(const char *name)
{
    size_t n = suptab_ident(NULL, 0, name) + 1;
    char *id = malloc(n);
    if (id)
        suptab_ident(id, n, name);
    return id;
}

static size_t S_count(struct xsg_model *m, const char *id)
{
    size_t c = 0;
    for (size_t i = 0; i < m->nr_features; i++)
        c += m->features[i].ident && !strcmp(m->features[i].ident, id);
    return c;
}

static char *S_join(const char *a, const char *b, const char *fmt_n, size_t n)
{
    size_t l = strlen(a) + strlen(b) + 32;
    char *s = malloc(l);
    if (!s)
        return NULL;
    if (fmt_n)
        snprintf(s, l, "%s_%zu", a, n);
    else
        snprintf(s, l, "%s_%s", a, b);
    return s;
}

static int S_cmp_ident(const void *a, const void *b)
{
    const struct xsg_feature *x = *(const struct xsg_feature *const *)a;
    const struct xsg_feature *y = *(const struct xsg_feature *const *)b;
    int c = strcmp(x->ident, y->ident);
    return c ? c : (x > y) - (x < y);
}

/*
 * Mark in dup[] the features whose ident another feature shares: sorted,
 * so O(n log n) (counting per feature was quadratic: seconds at 10,000
 * features).  Returns how many were marked, or -1 on allocation failure.
 */
static long S_mark_dups(const struct xsg_model *m, bool *dup)
{
    size_t n = m->nr_features;
    long marked = 0;
    const struct xsg_feature **v = malloc((n + 1) * sizeof(*v));
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++)
        v[i] = &m->features[i];
    qsort(v, n, sizeof(*v), S_cmp_ident);
    for (size_t i = 0; i < n; i++) {
        bool d = (i > 0 && !strcmp(v[i - 1]->ident, v[i]->ident)) ||
                 (i + 1 < n && !strcmp(v[i + 1]->ident, v[i]->ident));
        dup[v[i] - m->features] = d;
        marked += d;
    }
    free(v);
    return marked;
}

int xsg_csource_idents(struct xsg_model *m)
{
    for (size_t i = 0; i < m->nr_features; i++) {
        free(m->features[i].ident);
        if (!(m->features[i].ident = S_ident_part(m->features[i].name)))
            return -1;
    }
    /* Collisions: prefix every member with its section. */
    bool *dup = calloc(m->nr_features + 1, sizeof(*dup));
    if (!dup)
        return -1;
    if (S_mark_dups(m, dup) < 0) {
        free(dup);
        return -1;
    }
    for (size_t i = 0; i < m->nr_features; i++) {
        if (!dup[i])
            continue;
        char *sec = S_ident_part(m->sections[m->features[i].section].name);
        char *id = sec ? S_join(sec, m->features[i].ident, NULL, 0) : NULL;
        free(sec);
        if (!id) {
            free(dup);
            return -1;
        }
        free(m->features[i].ident);
        m->features[i].ident = id;
    }
    /* Still colliding: the later ones get _2, _3, ... */
    long left = S_mark_dups(m, dup);
    free(dup);
    if (left < 0)
        return -1;
    for (size_t i = 0; left && i < m->nr_features; i++) {
        size_t k = 1;
        for (size_t j = 0; j < i; j++)
            k += !strcmp(m->features[j].ident, m->features[i].ident);
        if (k == 1)
            continue;
        char *id = NULL;
        for (;; k++) {
            free(id);
            id = S_join(m->features[i].ident, "", "n", k);
            if (!id)
                return -1;
            if (!S_count(m, id))
                break;
        }
        free(m->features[i].ident);
        m->features[i].ident = id;
    }
    return 0;
}

struct S_text {
    char *p;
    size_t len, cap;
    bool oom;
};

static void S_printf(struct S_text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void S_printf(struct S_text *t, const char *fmt, ...)
{
    va_list ap;
    if (t->oom)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        t->oom = true;
        return;
    }
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t c = t->cap ? t->cap : 4096;
        while (c < t->len + (size_t)n + 1)
            c *= 2;
        char *p = realloc(t->p, c);
        if (!p) {
            t->oom = true;
            return;
        }
        t->p = p;
        t->cap = c;
    }
    va_start(ap, fmt);
    vsnprintf(t->p + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static char *S_done(struct S_text *t)
{
    if (t->oom) {
        free(t->p);
        return NULL;
    }
    return t->p;
}

/* Text safe inside a C comment: no "*" "/" pair, no control bytes. */
static void S_comment_text(struct S_text *t, const char *s)
{
    for (; *s; s++) {
        if (s[0] == '*' && s[1] == '/')
            S_printf(t, "* ");
        else if ((unsigned char)*s < 0x20)
            S_printf(t, " ");
        else
            S_printf(t, "%c", *s);
    }
}

static void S_first_line(struct S_text *t, const char *doc)
{
    S_printf(t, "/* Generated by xen-support-gen from ");
    S_comment_text(t, doc);
    S_printf(t, ": do not edit. */\n");
}

static const char S_includes[] = "#ifdef __XEN__\n"
                                 "#include <xen/types.h>\n"
                                 "#else\n"
                                 "#include <stdint.h>\n"
                                 "#endif\n";

/* The stable identities (one list, shared with the tools). */
static const struct {
    const char *key, *headings;
} S_stables[] = {
#define SUPPORT_FEATURE(k, o, a, h) {#k, h},
#include <xen/suptab_features.def>
#undef SUPPORT_FEATURE
};

/* The first feature of m with one of the '|'-separated headings, or -1. */
static long S_stable_feature(const struct xsg_model *m, const char *headings)
{
    for (size_t i = 0; i < m->nr_features; i++) {
        const char *h = headings, *name = m->features[i].name;
        size_t n = strlen(name);
        while (*h) {
            size_t l = strcspn(h, "|");
            if (l == n) {
                size_t k = 0;
                while (k < n && suptab_fold((unsigned char)h[k]) ==
                                    suptab_fold((unsigned char)name[k]))
                    k++;
                if (k == n)
                    return (long)i;
            }
            h += l + (h[l] == '|');
        }
    }
    return -1;
}

/* SUPPORT_KEY_<key> for each stable key a heading of m matches. */
static void S_keys(struct S_text *t, const struct xsg_model *m)
{
    S_printf(t, "\n/*\n * Stable keys (xen/suptab_features.def): the "
                "feature each names in this\n * statement, whatever its "
                "heading.  The gates (xen/support_gates.h)\n * use these; "
                "a key no heading matches is not defined.\n */\n");
    for (size_t i = 0; i < sizeof(S_stables) / sizeof(S_stables[0]); i++) {
        long id = S_stable_feature(m, S_stables[i].headings);
        if (id < 0)
            continue;
        S_printf(t, "#define SUPPORT_KEY_%s %ld /* ", S_stables[i].key, id);
        S_comment_text(t, m->features[id].name);
        S_printf(t, " */\n");
    }
}

char *xsg_csource_header(const struct xsg_model *m, const char *doc)
{
    struct S_text t = {0};
    S_first_line(&t, doc);
    S_printf(&t,
             "#ifndef XEN_SUPPORT_TABLE_GENERATED_H\n"
             "#define XEN_SUPPORT_TABLE_GENERATED_H\n\n%s\n",
             S_includes);
    S_printf(&t, "/*\n * Feature ids: the index of a feature in the table "
                 "(the feature array of\n * public/support_table.h)."
                 "  Each comment gives the heading and its section.\n */\n");
    S_printf(&t, "#define XEN_SUPPORT_NR_FEATURES %zu\n\n", m->nr_features);
    for (size_t i = 0; i < m->nr_features; i++) {
        const struct xsg_feature *f = &m->features[i];
        S_printf(&t, "/* ");
        S_comment_text(&t, f->name);
        S_printf(&t, " (");
        S_comment_text(&t, m->sections[f->section].name);
        S_printf(&t, ") */\n#define SUPPORT_FEAT_%s %zu\n", f->ident, i);
    }
    S_keys(&t, m);
    S_printf(&t, "\nextern const uint8_t xen_support_table[];\n"
                 "extern const uint32_t xen_support_table_size;\n\n"
                 "#endif /* XEN_SUPPORT_TABLE_GENERATED_H */\n");
    return S_done(&t);
}

char *xsg_csource_c(const uint8_t *blob, size_t len, const char *doc)
{
    struct S_text t = {0};
    S_first_line(&t, doc);
    S_printf(&t, "%s\n", S_includes);
    S_printf(&t, "extern const uint8_t xen_support_table[];\n"
                 "extern const uint32_t xen_support_table_size;\n\n");
    S_printf(&t, "/* The compiled support statement: %zu bytes. */\n", len);
    S_printf(&t, "const uint8_t xen_support_table[] = {\n");
    for (size_t i = 0; i < len; i++)
        S_printf(&t, "%s0x%02x,%s", i % 12 ? " " : "    ", blob[i],
                 i % 12 == 11 || i + 1 == len ? "\n" : "");
    S_printf(&t, "};\n\nconst uint32_t xen_support_table_size = %zu;\n", len);
    return S_done(&t);
}
