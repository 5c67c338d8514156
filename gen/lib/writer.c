/* writer.c: model to table blob. */
#include "writer.h"

#include "strpool.h"

#include <stdint.h>

#include <public/support_table.h>
#include <xs_crc32.h>

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct xen_suptab_header) == 72, "header layout");
_Static_assert(sizeof(struct xen_suptab_feature) == 6, "feature layout");
_Static_assert(sizeof(struct xen_suptab_row) == 6, "row layout");

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

static uint32_t S_align(struct S_buf *b)
{
    while (b->len % XEN_SUPTAB_ALIGN)
        S_put8(b, 0);
    return (uint32_t)b->len;
}

/* Name index order: names folded to lower case, ties by id. */
static const struct xsg_model *S_sort_model;
static int S_cmp_name(const void *a, const void *b)
{
    size_t x = *(const uint16_t *)a, y = *(const uint16_t *)b;
    const unsigned char *p =
        (const unsigned char *)S_sort_model->features[x].name;
    const unsigned char *q =
        (const unsigned char *)S_sort_model->features[y].name;
    for (;; p++, q++) {
        int cp = tolower(*p), cq = tolower(*q);
        if (cp != cq)
            return cp < cq ? -1 : 1;
        if (!cp)
            break;
    }
    return x < y ? -1 : x > y;
}

struct S_refs {
    long *fact_k, *fact_v, *sec, *feat, *qual, *val, *desc, *keys;
    size_t nr_keys;
    uint8_t *row_key;
};

static void S_free_refs(struct S_refs *r)
{
    free(r->fact_k);
    free(r->fact_v);
    free(r->sec);
    free(r->feat);
    free(r->qual);
    free(r->val);
    free(r->desc);
    free(r->keys);
    free(r->row_key);
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

static int S_fill_pool(const struct xsg_model *m, bool with_desc,
                       struct xsg_strpool *p, struct S_refs *r,
                       struct xsg_diag *d, bool *fits)
{
    size_t nf = m->nr_features ? m->nr_features : 1;
    size_t nr = m->nr_rows ? m->nr_rows : 1;
    r->fact_k = calloc(m->nr_facts + 1, sizeof(long));
    r->fact_v = calloc(m->nr_facts + 1, sizeof(long));
    r->sec = calloc(m->nr_sections + 1, sizeof(long));
    r->feat = calloc(nf, sizeof(long));
    r->desc = calloc(nf, sizeof(long));
    r->qual = calloc(nr, sizeof(long));
    r->val = calloc(nr, sizeof(long));
    r->keys = calloc(nr, sizeof(long));
    r->row_key = calloc(nr, 1);
    if (!r->fact_k || !r->fact_v || !r->sec || !r->feat || !r->desc ||
        !r->qual || !r->val || !r->keys || !r->row_key)
        return -1;

#define S_ADD(dst, str, late)                                                  \
    do {                                                                       \
        if (((dst) = xsg_strpool_add(p, (str), (late))) < 0)                   \
            return -1;                                                         \
    } while (0)
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
    for (size_t i = 0; i < m->nr_rows; i++) {
        const struct xsg_row *w = &m->rows[i];
        *fits &= S_fits(d, w->qualifier, XEN_SUPTAB_STR_MAX, w->line,
                        w->qual_col, "qualifier");
        *fits &= S_fits(d, w->value, XEN_SUPTAB_STR_MAX, w->line, w->value_col,
                        "value");
        *fits &= S_fits(d, w->key, XEN_SUPTAB_STR_MAX, w->line, w->col, "key");
        S_ADD(r->qual[i], w->qualifier, 0);
        S_ADD(r->val[i], w->value, 0);
        size_t k;
        for (k = 0; k < r->nr_keys; k++)
            if (!strcmp(m->rows[r->keys[k]].key, w->key))
                break;
        if (k == r->nr_keys)
            r->keys[r->nr_keys++] = (long)i; /* row index for now */
        if (k > UINT8_MAX) {
            xsg_error(d, w->line, w->col,
                      "more than %d distinct keys; the table holds at most "
                      "%d",
                      UINT8_MAX + 1, UINT8_MAX + 1);
            *fits = false;
        }
        r->row_key[i] = (uint8_t)k;
    }
    for (size_t k = 0; k < r->nr_keys; k++)
        S_ADD(r->keys[k], m->rows[r->keys[k]].key, 0);
    for (size_t i = 0; with_desc && i < m->nr_features; i++) {
        const struct xsg_feature *f = &m->features[i];
        *fits &= S_fits(d, f->desc, XEN_SUPTAB_DESC_MAX, f->line, f->col,
                        "description");
        S_ADD(r->desc[i], f->desc, 1);
    }
#undef S_ADD
    return 0;
}

/* Counts and indexes that the format's fields must hold. */
static bool S_check_fields(const struct xsg_model *m, struct xsg_diag *d)
{
    bool ok = true;
    const struct {
        size_t n, max;
        const char *what;
    } counts[] = {
        {m->nr_facts, UINT16_MAX, "release facts"},
        {m->nr_sections, UINT8_MAX + 1, "sections"},
        {m->nr_features, UINT16_MAX, "features"},
        {m->nr_rows, UINT16_MAX, "rows"},
    };
    for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        if (counts[i].n > counts[i].max) {
            xsg_error(d, 0, 0, "%zu %s; the table holds at most %zu",
                      counts[i].n, counts[i].what, counts[i].max);
            ok = false;
        }
    }
    for (size_t i = 0; i < m->nr_features; i++) {
        const struct xsg_feature *f = &m->features[i];
        if (f->parent != XSG_NONE && i - f->parent > UINT8_MAX) {
            xsg_error(d, f->line, f->col,
                      "sub-feature '%s' is %zu features after its parent; "
                      "the table holds at most %d",
                      f->name, i - f->parent, UINT8_MAX);
            ok = false;
        }
    }
    return ok;
}

int xsg_write_table(const struct xsg_model *m, bool with_desc,
                    struct xsg_diag *d, uint8_t **blob, size_t *len)
{
    struct S_refs r = {0};
    struct S_buf b = {0};
    struct xsg_strpool *p = xsg_strpool_new();
    uint16_t *index = NULL;
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

    size_t pool_len, nr_pairs;
    const uint8_t *pool = xsg_strpool_bytes(p, &pool_len);
    const uint8_t *pairs = xsg_strpool_pairs(p, &nr_pairs);

    /* String refs other than descriptions are 16-bit. */
    for (size_t i = 0; i < m->nr_rows; i++) {
        if (xsg_strpool_ref(p, r.val[i]) > UINT16_MAX ||
            xsg_strpool_ref(p, r.qual[i]) > UINT16_MAX) {
            xsg_error(d, m->rows[i].line, m->rows[i].col,
                      "string pool over 64 KiB: this row's strings cannot "
                      "be referenced");
            fits = false;
            break;
        }
    }
    for (size_t i = 0; fits && i < m->nr_features; i++)
        if (xsg_strpool_ref(p, r.feat[i]) > UINT16_MAX) {
            xsg_error(d, m->features[i].line, m->features[i].col,
                      "string pool over 64 KiB: this name cannot be "
                      "referenced");
            fits = false;
        }
    if (!fits) {
        rc = 1;
        goto out;
    }

    /* Header, filled in at the end. */
    S_reserve(&b, sizeof(struct xen_suptab_header));
    b.len = sizeof(struct xen_suptab_header);

    uint32_t off_facts = S_align(&b);
    for (size_t i = 0; i < m->nr_facts; i++) {
        S_put16(&b, xsg_strpool_ref(p, r.fact_k[i]));
        S_put16(&b, xsg_strpool_ref(p, r.fact_v[i]));
    }
    uint32_t off_sections = S_align(&b);
    for (size_t i = 0; i < m->nr_sections; i++) {
        S_put16(&b, xsg_strpool_ref(p, r.sec[i]));
        S_put16(&b, (uint32_t)m->sections[i].first_feature);
    }
    uint32_t off_features = S_align(&b);
    for (size_t i = 0; i < m->nr_features; i++) {
        const struct xsg_feature *f = &m->features[i];
        S_put16(&b, xsg_strpool_ref(p, r.feat[i]));
        S_put16(&b, (uint32_t)f->first_row);
        S_put8(&b, (uint32_t)f->section);
        S_put8(&b, f->parent == XSG_NONE ? 0 : (uint32_t)(i - f->parent));
    }
    uint32_t off_rows = S_align(&b);
    for (size_t i = 0; i < m->nr_rows; i++) {
        const struct xsg_row *w = &m->rows[i];
        S_put16(&b, xsg_strpool_ref(p, r.qual[i]));
        S_put16(&b, xsg_strpool_ref(p, r.val[i]));
        S_put8(&b, r.row_key[i]);
        S_put8(&b, XEN_SUPTAB_READING(w->level, w->sec, w->caveats, w->arch));
    }
    uint32_t off_keys = S_align(&b);
    for (size_t k = 0; k < r.nr_keys; k++)
        S_put16(&b, xsg_strpool_ref(p, r.keys[k]));
    uint32_t off_index = S_align(&b);
    index = malloc((m->nr_features + 1) * sizeof(*index));
    if (!index)
        goto out;
    for (size_t i = 0; i < m->nr_features; i++)
        index[i] = (uint16_t)i;
    S_sort_model = m;
    qsort(index, m->nr_features, sizeof(*index), S_cmp_name);
    for (size_t i = 0; i < m->nr_features; i++)
        S_put16(&b, index[i]);
    uint32_t off_descs = 0;
    if (with_desc) {
        off_descs = S_align(&b);
        for (size_t i = 0; i < m->nr_features; i++)
            S_put32(&b, xsg_strpool_ref(p, r.desc[i]));
    }
    uint32_t off_pairs = S_align(&b);
    for (size_t i = 0; i < nr_pairs; i++) {
        S_put8(&b, pairs[2 * i]);
        S_put8(&b, pairs[2 * i + 1]);
    }
    uint32_t off_strings = S_align(&b);
    S_reserve(&b, pool_len);
    if (!b.oom) {
        memcpy(b.p + b.len, pool, pool_len);
        b.len += pool_len;
    }
    S_align(&b);
    if (b.oom)
        goto out;
    if (b.len > UINT32_MAX) {
        xsg_error(d, 0, 0, "table of %zu bytes is too large", b.len);
        rc = 1;
        goto out;
    }

    size_t h = 0;
    S_set32(&b, h, XEN_SUPTAB_MAGIC), h += 4;
    S_set16(&b, h, XEN_SUPTAB_VERSION), h += 2;
    S_set16(&b, h, XEN_SUPTAB_LAST_COMP), h += 2;
    S_set32(&b, h, (uint32_t)b.len), h += 4;
    S_set32(&b, h, 0), h += 4; /* checksum, below */
    S_set32(&b, h, with_desc ? XEN_SUPTAB_F_DESCRIPTIONS : 0), h += 4;
    S_set16(&b, h, (uint32_t)m->nr_facts), h += 2;
    S_set16(&b, h, (uint32_t)m->nr_sections), h += 2;
    S_set16(&b, h, (uint32_t)m->nr_features), h += 2;
    S_set16(&b, h, (uint32_t)m->nr_rows), h += 2;
    S_set16(&b, h, (uint32_t)r.nr_keys), h += 2;
    S_set16(&b, h, (uint32_t)nr_pairs), h += 2;
    const uint32_t offs[] = {
        off_facts, off_sections, off_features, off_rows,    off_keys,
        off_index, off_descs,    off_pairs,    off_strings, (uint32_t)pool_len};
    for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++)
        S_set32(&b, h, offs[i]), h += 4;
    S_set32(&b, offsetof(struct xen_suptab_header, checksum),
            xs_crc32(0, b.p, b.len));

    *blob = b.p;
    *len = b.len;
    b.p = NULL;
    rc = 0;
out:
    if (rc < 0 && !errno)
        errno = ENOMEM;
    free(b.p);
    free(index);
    S_free_refs(&r);
    xsg_strpool_free(p);
    return rc;
}
