/*
 * writer.c: model to table blob (public/support_table.h, version 2):
 * strings into the pool, rows' (value, key, reading) triples into the
 * statuses, every part laid out in order, the header last, and the
 * result checked by the core's validator before anyone sees it.
 */
#include "writer.h"

#include "strpool.h"

#include <stdint.h>

#include <xen/suptab.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct xen_suptab_header) == XEN_SUPTAB_HEADER_SIZE,
               "header layout");

struct S_buf {
    uint8_t *p;
    size_t len, cap;
    int oom;
};

static void S_reserve(struct S_buf *b, size_t more)
{
    if (b->oom || b->len + more <= b->cap)
        return;
    size_t c = b->cap ? b->cap : 1024;
    while (c < b->len + more)
        c *= 2;
    uint8_t *p = realloc(b->p, c);
    if (!p) {
        b->oom = 1;
        return;
    }
    memset(p + b->cap, 0, c - b->cap);
    b->p = p;
    b->cap = c;
}

static void S_put8(struct S_buf *b, uint32_t v)
{
    S_reserve(b, 1);
    if (!b->oom)
        b->p[b->len++] = (uint8_t)v;
}

static void S_put16(struct S_buf *b, uint32_t v)
{
    S_put8(b, v & 0xff);
    S_put8(b, (v >> 8) & 0xff);
}

static void S_put32(struct S_buf *b, uint32_t v)
{
    S_put16(b, v & 0xffff);
    S_put16(b, v >> 16);
}

static void S_set16(struct S_buf *b, size_t at, uint32_t v)
{
    b->p[at] = (uint8_t)v;
    b->p[at + 1] = (uint8_t)(v >> 8);
}

static void S_set32(struct S_buf *b, size_t at, uint32_t v)
{
    S_set16(b, at, v & 0xffff);
    S_set16(b, at + 2, v >> 16);
}

/* Index field of width w (1 or 2 bytes, XEN_SUPTAB_IDW()). */
static void S_putw(struct S_buf *b, uint32_t v, unsigned w)
{
    if (w == 1)
        S_put8(b, v);
    else
        S_put16(b, v);
}

/* Current length as an offset. */
static uint32_t S_here(const struct S_buf *b)
{
    return (uint32_t)b->len;
}

/* A name index entry: sorted by folded name, ties by id. */
struct S_named {
    const char *name;
    uint16_t id;
};

static int S_cmp_name(const void *a, const void *b)
{
    const struct S_named *x = a, *y = b;
    const unsigned char *p = (const unsigned char *)x->name;
    const unsigned char *q = (const unsigned char *)y->name;
    for (;; p++, q++) {
        int cp = suptab_fold(*p), cq = suptab_fold(*q);
        if (cp != cq)
            return cp < cq ? -1 : 1;
        if (!cp)
            break;
    }
    return x->id < y->id ? -1 : x->id > y->id;
}

struct S_refs {
    long *fact_k, *fact_v, *sec, *feat, *qual, *desc;
    long keys[XEN_SUPTAB_KEYS_MAX]; /* row index of each key's first use */
    size_t nr_keys;
    struct S_status {
        long value;
        uint8_t key, reading;
    } statuses[XEN_SUPTAB_STATUSES_MAX];
    size_t nr_statuses;
    uint8_t *row_status;
};

static void S_free_refs(struct S_refs *r)
{
    free(r->fact_k);
    free(r->fact_v);
    free(r->sec);
    free(r->feat);
    free(r->qual);
    free(r->desc);
    free(r->row_status);
}

/* Check a string's length; report at line:col if too long. */
static bool S_fits(struct xsg_diag *d, const char *s, size_t max, unsigned line,
                   unsigned col, const char *what)
{
    size_t n = s ? strlen(s) : 0;
    if (n <= max)
        return true;
    xsg_error(d, line, col, "%s is %zu bytes long; the table holds at most %zu",
              what, n, max);
    return false;
}

#define S_ADD(dst, str, late)                                                  \
    do {                                                                       \
        if (((dst) = xsg_strpool_add(p, (str), (late))) < 0)                   \
            return -1;                                                         \
    } while (0)

static int S_alloc_refs(const struct xsg_model *m, struct S_refs *r)
{
    size_t nf = m->nr_features ? m->nr_features : 1;
    size_t nr = m->nr_rows ? m->nr_rows : 1;
    r->fact_k = calloc(m->nr_facts + 1, sizeof(long));
    r->fact_v = calloc(m->nr_facts + 1, sizeof(long));
    r->sec = calloc(m->nr_sections + 1, sizeof(long));
    r->feat = calloc(nf, sizeof(long));
    r->desc = calloc(nf, sizeof(long));
    r->qual = calloc(nr, sizeof(long));
    r->row_status = calloc(nr, 1);
    return r->fact_k && r->fact_v && r->sec && r->feat && r->desc && r->qual &&
                   r->row_status
               ? 0
               : -1;
}

/* Index of key k among the distinct keys, added if new; -1 if full. */
static int S_key(const struct xsg_model *m, struct S_refs *r, size_t row)
{
    size_t k;
    for (k = 0; k < r->nr_keys; k++)
        if (!strcmp(m->rows[r->keys[k]].key, m->rows[row].key))
            return (int)k;
    if (k == XEN_SUPTAB_KEYS_MAX)
        return -1;
    r->keys[r->nr_keys++] = (long)row;
    return (int)k;
}

/* The row's status: its (value, key, reading), added if new. */
static int S_status(struct S_refs *r, long value, int key, uint8_t reading)
{
    size_t i;
    for (i = 0; i < r->nr_statuses; i++)
        if (r->statuses[i].value == value && r->statuses[i].key == key &&
            r->statuses[i].reading == reading)
            return (int)i;
    if (i == XEN_SUPTAB_STATUSES_MAX)
        return -1;
    r->statuses[i].value = value;
    r->statuses[i].key = (uint8_t)key;
    r->statuses[i].reading = reading;
    r->nr_statuses++;
    return (int)i;
}

static int S_add_rows(const struct xsg_model *m, struct xsg_strpool *p,
                      struct S_refs *r, struct xsg_diag *d, bool *fits)
{
    for (size_t i = 0; i < m->nr_rows; i++) {
        const struct xsg_row *w = &m->rows[i];
        long value;
        *fits &= S_fits(d, w->qualifier, XEN_SUPTAB_STR_MAX, w->line,
                        w->qual_col, "qualifier");
        *fits &= S_fits(d, w->value, XEN_SUPTAB_STR_MAX, w->line, w->value_col,
                        "value");
        *fits &= S_fits(d, w->key, XEN_SUPTAB_STR_MAX, w->line, w->col, "key");
        S_ADD(r->qual[i], w->qualifier, 0);
        S_ADD(value, w->value, 0);
        int key = S_key(m, r, i);
        int st = key < 0 ? -1
                         : S_status(r, value, key,
                                    XEN_SUPTAB_READING(w->level, w->sec,
                                                       w->caveats, w->arch));
        if (st < 0) {
            xsg_error(d, w->line, w->col,
                      "more than %d distinct keys or statuses; the table "
                      "holds at most %d of each",
                      XEN_SUPTAB_KEYS_MAX, XEN_SUPTAB_STATUSES_MAX);
            *fits = false;
            return 0;
        }
        r->row_status[i] = (uint8_t)st;
    }
    for (size_t k = 0; k < r->nr_keys; k++)
        S_ADD(r->keys[k], m->rows[r->keys[k]].key, 0);
    return 0;
}

static int S_fill_pool(const struct xsg_model *m, bool with_desc,
                       struct xsg_strpool *p, struct S_refs *r,
                       struct xsg_diag *d, bool *fits)
{
    if (S_alloc_refs(m, r))
        return -1;
    for (size_t i = 0; i < m->nr_facts; i++) {
        const struct xsg_fact *f = &m->facts[i];
        *fits &= S_fits(d, f->key, XEN_SUPTAB_STR_MAX, f->line, f->col,
                        "release fact key");
        *fits &= S_fits(d, f->value, XEN_SUPTAB_STR_MAX, f->line, f->col,
                        "release fact value");
        S_ADD(r->fact_k[i], f->key, 0);
        S_ADD(r->fact_v[i], f->value, 0);
    }
    for (size_t i = 0; i < m->nr_sections; i++) {
        const struct xsg_section *s = &m->sections[i];
        *fits &= S_fits(d, s->name, XEN_SUPTAB_STR_MAX, s->line, s->col,
                        "section name");
        S_ADD(r->sec[i], s->name, 0);
    }
    for (size_t i = 0; i < m->nr_features; i++) {
        const struct xsg_feature *f = &m->features[i];
        *fits &= S_fits(d, f->name, XEN_SUPTAB_STR_MAX, f->line, f->col,
                        "feature name");
        S_ADD(r->feat[i], f->name, 0);
    }
    if (S_add_rows(m, p, r, d, fits))
        return -1;
    for (size_t i = 0; with_desc && i < m->nr_features; i++) {
        const struct xsg_feature *f = &m->features[i];
        *fits &= S_fits(d, f->desc, XEN_SUPTAB_DESC_MAX, f->line, f->col,
                        "description");
        S_ADD(r->desc[i], f->desc, 1);
    }
    return 0;
}
#undef S_ADD

/* Counts that the format's fields must hold. */
static bool S_check_fields(const struct xsg_model *m, struct xsg_diag *d)
{
    bool ok = true;
    const struct {
        size_t n;
        const char *what;
    } counts[] = {
        {m->nr_facts, "release facts"},
        {m->nr_sections, "sections"},
        {m->nr_features, "features"},
        {m->nr_rows, "rows"},
    };
    for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        if (counts[i].n > UINT16_MAX) {
            xsg_error(d, 0, 0, "%zu %s; the table holds at most %d",
                      counts[i].n, counts[i].what, UINT16_MAX);
            ok = false;
        }
    }
    return ok;
}

/* String refs other than descriptions are 16-bit. */
static bool S_check_refs(const struct xsg_model *m, const struct xsg_strpool *p,
                         const struct S_refs *r, struct xsg_diag *d)
{
    for (size_t i = 0; i < m->nr_rows; i++) {
        if (xsg_strpool_ref(p, r->qual[i]) > UINT16_MAX) {
            xsg_error(d, m->rows[i].line, m->rows[i].col,
                      "string pool over 64 KiB: this row's strings cannot "
                      "be referenced");
            return false;
        }
    }
    for (size_t i = 0; i < r->nr_statuses; i++)
        if (xsg_strpool_ref(p, r->statuses[i].value) > UINT16_MAX) {
            xsg_error(d, 0, 0,
                      "string pool over 64 KiB: a status value cannot be "
                      "referenced");
            return false;
        }
    for (size_t i = 0; i < m->nr_features; i++)
        if (xsg_strpool_ref(p, r->feat[i]) > UINT16_MAX) {
            xsg_error(d, m->features[i].line, m->features[i].col,
                      "string pool over 64 KiB: this name cannot be "
                      "referenced");
            return false;
        }
    return true;
}

/* The header's offsets, in its order, as the parts are laid out. */
struct S_offsets {
    uint32_t facts, sections, features, rows, statuses, keys, subs, index,
        descs, pairs, strings;
    size_t nr_subs;
};

static int S_put_index(struct S_buf *b, const struct xsg_model *m, unsigned fw)
{
    struct S_named *v = malloc((m->nr_features + 1) * sizeof(*v));
    if (!v)
        return -1;
    for (size_t i = 0; i < m->nr_features; i++) {
        v[i].name = m->features[i].name;
        v[i].id = (uint16_t)i;
    }
    qsort(v, m->nr_features, sizeof(*v), S_cmp_name);
    for (size_t i = 0; i < m->nr_features; i++)
        S_putw(b, v[i].id, fw);
    free(v);
    return 0;
}

/* Facts, sections, features, rows, statuses, keys and sub-features. */
static void S_put_records(struct S_buf *b, const struct xsg_model *m,
                          const struct xsg_strpool *p, const struct S_refs *r,
                          struct S_offsets *o)
{
    unsigned fw = XEN_SUPTAB_IDW(m->nr_features);
    unsigned rw = XEN_SUPTAB_IDW(m->nr_rows);

    o->facts = S_here(b);
    for (size_t i = 0; i < m->nr_facts; i++) {
        S_put16(b, xsg_strpool_ref(p, r->fact_k[i]));
        S_put16(b, xsg_strpool_ref(p, r->fact_v[i]));
    }
    o->sections = S_here(b);
    for (size_t i = 0; i < m->nr_sections; i++) {
        S_put16(b, xsg_strpool_ref(p, r->sec[i]));
        S_putw(b, (uint32_t)m->sections[i].first_feature, fw);
    }
    o->features = S_here(b);
    for (size_t i = 0; i < m->nr_features; i++) {
        S_put16(b, xsg_strpool_ref(p, r->feat[i]));
        S_putw(b, (uint32_t)m->features[i].first_row, rw);
    }
    o->rows = S_here(b);
    for (size_t i = 0; i < m->nr_rows; i++) {
        S_put16(b, xsg_strpool_ref(p, r->qual[i]));
        S_put8(b, r->row_status[i]);
    }
    o->statuses = S_here(b);
    for (size_t i = 0; i < r->nr_statuses; i++) {
        S_put16(b, xsg_strpool_ref(p, r->statuses[i].value));
        S_put8(b, r->statuses[i].key);
        S_put8(b, r->statuses[i].reading);
    }
    o->keys = S_here(b);
    for (size_t k = 0; k < r->nr_keys; k++)
        S_put16(b, xsg_strpool_ref(p, r->keys[k]));
    o->subs = S_here(b);
    o->nr_subs = 0;
    for (size_t i = 0; i < m->nr_features; i++) {
        if (m->features[i].parent == XSG_NONE)
            continue;
        S_putw(b, (uint32_t)i, fw);
        S_putw(b, (uint32_t)m->features[i].parent, fw);
        o->nr_subs++;
    }
}

static void S_put_header(struct S_buf *b, const struct xsg_model *m,
                         const struct S_refs *r, const struct S_offsets *o,
                         size_t nr_pairs, size_t pool_len, bool with_desc)
{
#define S_H16(f, v) S_set16(b, offsetof(struct xen_suptab_header, f), (v))
#define S_H32(f, v) S_set32(b, offsetof(struct xen_suptab_header, f), (v))
    S_H32(magic, XEN_SUPTAB_MAGIC);
    S_H16(version, XEN_SUPTAB_VERSION);
    S_H16(last_comp_version, XEN_SUPTAB_LAST_COMP);
    S_H32(total_size, (uint32_t)b->len);
    S_H32(flags, with_desc ? XEN_SUPTAB_F_DESCRIPTIONS : 0);
    S_H16(nr_facts, (uint32_t)m->nr_facts);
    S_H16(nr_sections, (uint32_t)m->nr_sections);
    S_H16(nr_features, (uint32_t)m->nr_features);
    S_H16(nr_rows, (uint32_t)m->nr_rows);
    S_H16(nr_statuses, (uint32_t)r->nr_statuses);
    S_H16(nr_keys, (uint32_t)r->nr_keys);
    S_H16(nr_subs, (uint32_t)o->nr_subs);
    S_H16(nr_pairs, (uint32_t)nr_pairs);
    S_H32(off_facts, o->facts);
    S_H32(off_sections, o->sections);
    S_H32(off_features, o->features);
    S_H32(off_rows, o->rows);
    S_H32(off_statuses, o->statuses);
    S_H32(off_keys, o->keys);
    S_H32(off_subs, o->subs);
    S_H32(off_name_index, o->index);
    S_H32(off_descs, o->descs);
    S_H32(off_pairs, o->pairs);
    S_H32(off_strings, o->strings);
    S_H32(strings_size, (uint32_t)pool_len);
    S_H32(checksum, 0);
    S_H32(checksum, suptab_checksum(b->p, (uint32_t)b->len));
#undef S_H16
#undef S_H32
}

/* Lay the table out in b; -1 on allocation failure. */
static int S_lay_out(struct S_buf *b, const struct xsg_model *m,
                     const struct xsg_strpool *p, const struct S_refs *r,
                     bool with_desc)
{
    struct S_offsets o = {0};
    size_t pool_len, nr_pairs;
    const uint8_t *pool = xsg_strpool_bytes(p, &pool_len);
    const uint8_t *pairs = xsg_strpool_pairs(p, &nr_pairs);

    S_reserve(b, XEN_SUPTAB_HEADER_SIZE);
    if (b->oom)
        return -1;
    b->len = XEN_SUPTAB_HEADER_SIZE; /* filled in at the end */
    S_put_records(b, m, p, r, &o);
    o.index = S_here(b);
    if (S_put_index(b, m, XEN_SUPTAB_IDW(m->nr_features)))
        return -1;
    if (with_desc) {
        o.descs = S_here(b);
        for (size_t i = 0; i < m->nr_features; i++)
            S_put32(b, xsg_strpool_ref(p, r->desc[i]));
    }
    o.pairs = S_here(b);
    for (size_t i = 0; i < 2 * nr_pairs; i++)
        S_put8(b, pairs[i]);
    o.strings = S_here(b);
    S_reserve(b, pool_len);
    if (b->oom)
        return -1;
    memcpy(b->p + b->len, pool, pool_len);
    b->len += pool_len;
    S_put_header(b, m, r, &o, nr_pairs, pool_len, with_desc);
    return 0;
}

int xsg_write_table(const struct xsg_model *m, bool with_desc,
                    struct xsg_diag *d, uint8_t **blob, size_t *len)
{
    struct S_refs r = {0};
    struct S_buf b = {0};
    struct xsg_strpool *p = xsg_strpool_new();
    struct suptab t;
    char why[160];
    bool fits = S_check_fields(m, d);
    int rc = -1;

    *blob = NULL;
    *len = 0;
    if (!p || S_fill_pool(m, with_desc, p, &r, d, &fits))
        goto out;
    if (!fits) {
        rc = 1;
        goto out;
    }
    if (xsg_strpool_build(p))
        goto out;
    if (!S_check_refs(m, p, &r, d)) {
        rc = 1;
        goto out;
    }
    if (S_lay_out(&b, m, p, &r, with_desc) || b.oom)
        goto out;
    if (b.len > UINT32_MAX) {
        xsg_error(d, 0, 0, "table of %zu bytes is too large", b.len);
        rc = 1;
        goto out;
    }
    /* Nothing leaves the writer that a reader would refuse. */
    if (suptab_validate(&t, b.p, b.len, why, sizeof(why))) {
        xsg_error(d, 0, 0,
                  "internal error: the table written does not "
                  "validate: %s",
                  why);
        rc = 1;
        goto out;
    }

    *blob = b.p;
    *len = b.len;
    b.p = NULL;
    rc = 0;
out:
    if (rc < 0 && !errno)
        errno = ENOMEM;
    free(b.p);
    S_free_refs(&r);
    xsg_strpool_free(p);
    return rc;
}
