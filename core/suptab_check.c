/* SPDX-License-Identifier: MIT */
/*
 * suptab_check.c: the validator.  It checks a blob against every rule of
 * public/support_table.h (docs/table-format.md numbers them) before
 * anything else reads it, in an order such that no check reads a byte an
 * earlier check has not proven to be inside the blob, and says what is
 * wrong and at which byte offset.  No allocation: it runs in the
 * hypervisor on tables from outside its build as well as in the tools.
 */
#include <xen/suptab.h>

#ifdef __XEN__
#include <xen/errno.h>
#include <xen/lib.h>
#else
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#endif

struct check {
    struct suptab *t;
    char *msg;
    size_t msglen;
};

static int __attribute__((format(printf, 3, 4)))
fail(struct check *c, int rc, const char *fmt, ...)
{
    va_list ap;

    if ( c->msg && c->msglen )
    {
        va_start(ap, fmt);
        vsnprintf(c->msg, c->msglen, fmt, ap);
        va_end(ap);
    }
    return rc;
}

#define BAD(c, ...) fail(c, -EBADMSG, __VA_ARGS__)

/* Rule 5: every array inside the blob, after the header, no overlaps. */
static int check_arrays(struct check *c)
{
    const struct xen_suptab_header *h = &c->t->h;
    unsigned int fw = c->t->fw, rw = c->t->rw;
    const struct {
        const char *name;
        uint32_t off;
        uint64_t size;
    } a[] = {
        {"facts", h->off_facts, (uint64_t)h->nr_facts * XEN_SUPTAB_FACT_SIZE},
        {"sections", h->off_sections, (uint64_t)h->nr_sections * (2 + fw)},
        {"features", h->off_features, (uint64_t)h->nr_features * (2 + rw)},
        {"rows", h->off_rows, (uint64_t)h->nr_rows * XEN_SUPTAB_ROW_SIZE},
        {"statuses", h->off_statuses,
         (uint64_t)h->nr_statuses * XEN_SUPTAB_STATUS_SIZE},
        {"keys", h->off_keys, (uint64_t)h->nr_keys * XEN_SUPTAB_KEY_SIZE},
        {"sub-features", h->off_subs, (uint64_t)h->nr_subs * 2 * fw},
        {"name index", h->off_name_index, (uint64_t)h->nr_features * fw},
        {"pairs", h->off_pairs, (uint64_t)h->nr_pairs * XEN_SUPTAB_PAIR_SIZE},
        {"string pool", h->off_strings, h->strings_size},
        {"descriptions", h->off_descs,
         (uint64_t)h->nr_features * XEN_SUPTAB_DESC_SIZE},
    };
    unsigned int i, j, n = sizeof(a) / sizeof(a[0]);

    if ( !(h->flags & XEN_SUPTAB_F_DESCRIPTIONS) )
        n--; /* off_descs is not valid: ignore it */

    for ( i = 0; i < n; i++ )
    {
        if ( !a[i].size )
            continue;
        if ( a[i].off < XEN_SUPTAB_HEADER_SIZE )
            return BAD(c, "%s at offset 0x%x overlap the header", a[i].name,
                       a[i].off);
        if ( a[i].off + a[i].size > h->total_size )
            return BAD(
                c,
                "%s (offset 0x%x, %llu bytes) run past the end of the table (%u bytes)",
                a[i].name, a[i].off, (unsigned long long)a[i].size,
                h->total_size);
    }
    for ( i = 0; i < n; i++ )
        for ( j = i + 1; j < n; j++ )
            if ( a[i].size && a[j].size && a[i].off < a[j].off + a[j].size &&
                 a[j].off < a[i].off + a[i].size )
                return BAD(c, "%s (offset 0x%x) and %s (offset 0x%x) overlap",
                           a[i].name, a[i].off, a[j].name, a[j].off);
    return 0;
}

/*
 * Rule 7: pairs use printable bytes or lower pairs, only a right code
 * may end the string, and nesting is bounded.
 */
static int check_pairs(struct check *c)
{
    const struct xen_suptab_header *h = &c->t->h;
    const uint8_t *pairs = c->t->p + h->off_pairs;
    uint8_t depth[XEN_SUPTAB_PAIRS_MAX];
    bool ends[XEN_SUPTAB_PAIRS_MAX];
    unsigned int k, side;

    if ( h->nr_pairs > XEN_SUPTAB_PAIRS_MAX )
        return BAD(c, "%u pairs, at most %u allowed", h->nr_pairs,
                   XEN_SUPTAB_PAIRS_MAX);
    for ( k = 0; k < h->nr_pairs; k++ )
    {
        depth[k] = 1;
        ends[k] = false;
        for ( side = 0; side < 2; side++ )
        {
            uint32_t at = h->off_pairs + k * XEN_SUPTAB_PAIR_SIZE + side;
            unsigned int v = pairs[k * XEN_SUPTAB_PAIR_SIZE + side];
            int sub = suptab_pair_of(v);

            if ( v == 0 && side == 1 )
            {
                ends[k] = true;
                continue;
            }
            if ( sub < 0 ? v < 0x20 || v > 0x7e : (unsigned int)sub >= k )
                return BAD(
                    c,
                    "pair %u (offset 0x%x) uses code 0x%02x: only printable bytes or earlier pairs allowed",
                    k, at, v);
            if ( sub < 0 )
                continue;
            if ( side == 0 && ends[sub] )
                return BAD(
                    c,
                    "pair %u (offset 0x%x) starts with pair %u, which ends the string",
                    k, at, sub);
            if ( depth[sub] + 1 > depth[k] )
                depth[k] = depth[sub] + 1;
            if ( side == 1 )
                ends[k] = ends[sub];
        }
        if ( depth[k] > XEN_SUPTAB_DEPTH_MAX )
            return BAD(
                c,
                "pair %u (offset 0x%x) nests %u pairs deep, at most %u allowed",
                k, h->off_pairs + k * XEN_SUPTAB_PAIR_SIZE, depth[k],
                XEN_SUPTAB_DEPTH_MAX);
    }
    return 0;
}

/* Rule 8: a string ref is in the pool, decodes, ends, and is not long. */
static int check_ref(struct check *c, uint32_t ref, unsigned int max,
                     const char *what, unsigned int i, uint32_t at)
{
    struct suptab_str s;
    int ch;

    if ( ref >= c->t->h.strings_size )
        return BAD(
            c,
            "%s %u (offset 0x%x): string ref 0x%x outside the pool (%u bytes)",
            what, i, at, ref, c->t->h.strings_size);
    suptab_str_init(&s, c->t, ref, max);
    while ( (ch = suptab_str_next(&s)) > 0 )
        continue;
    if ( ch < 0 )
        return BAD(
            c,
            "%s %u (offset 0x%x): string at 0x%x is badly encoded, unterminated or longer than %u bytes",
            what, i, at, ref, max);
    return 0;
}

#define REF(c, ref, what, i, at)                                               \
    do                                                                         \
    {                                                                          \
        int rc_ = check_ref(c, ref, XEN_SUPTAB_STR_MAX, what, i, at);          \
        if ( rc_ )                                                             \
            return rc_;                                                        \
    } while ( 0 )

static unsigned int field(const uint8_t *p, unsigned int w)
{
    return w == 1 ? p[0] : suptab_le16(p);
}

/* Rules 9 and 10: facts, keys, statuses and sections. */
static int check_heads(struct check *c)
{
    const struct suptab *t = c->t;
    const struct xen_suptab_header *h = &t->h;
    unsigned int i, prev = 0;

    for ( i = 0; i < h->nr_facts; i++ )
    {
        uint32_t at = h->off_facts + i * XEN_SUPTAB_FACT_SIZE;

        REF(c, suptab_le16(t->p + at), "fact", i, at);
        REF(c, suptab_le16(t->p + at + 2), "fact", i, at + 2);
    }
    if ( h->nr_keys > XEN_SUPTAB_KEYS_MAX ||
         h->nr_statuses > XEN_SUPTAB_STATUSES_MAX )
        return BAD(c, "%u keys and %u statuses: at most %u of each allowed",
                   h->nr_keys, h->nr_statuses, XEN_SUPTAB_KEYS_MAX);
    for ( i = 0; i < h->nr_keys; i++ )
    {
        uint32_t at = h->off_keys + i * XEN_SUPTAB_KEY_SIZE;

        REF(c, suptab_le16(t->p + at), "key", i, at);
    }
    for ( i = 0; i < h->nr_statuses; i++ )
    {
        uint32_t at = h->off_statuses + i * XEN_SUPTAB_STATUS_SIZE;
        unsigned int key = t->p[at + 2], r = t->p[at + 3];

        REF(c, suptab_le16(t->p + at), "status", i, at);
        if ( key >= h->nr_keys )
            return BAD(c, "status %u (offset 0x%x): key %u >= %u keys", i,
                       at + 2, key, h->nr_keys);
        if ( XEN_SUPTAB_LEVEL(r) > XEN_SUPTAB_LEVEL_MAX || !XEN_SUPTAB_ARCH(r) )
            return BAD(
                c,
                "status %u (offset 0x%x): bad reading 0x%02x (level %u, arch %u)",
                i, at + 3, r, XEN_SUPTAB_LEVEL(r), XEN_SUPTAB_ARCH(r));
    }
    if ( h->nr_features && !h->nr_sections )
        return BAD(c, "%u features but no sections", h->nr_features);
    for ( i = 0; i < h->nr_sections; i++ )
    {
        uint32_t at = h->off_sections + i * (2 + t->fw);
        unsigned int first = field(t->p + at + 2, t->fw);

        REF(c, suptab_le16(t->p + at), "section", i, at);
        if ( first > h->nr_features || first < prev || (!i && first) )
            return BAD(
                c,
                "section %u (offset 0x%x): first_feature %u out of order or range",
                i, at + 2, first);
        prev = first;
    }
    return 0;
}

/* Rules 9 to 11: features, sub-features and rows. */
static int check_features(struct check *c)
{
    const struct suptab *t = c->t;
    const struct xen_suptab_header *h = &t->h;
    unsigned int i, prev = 0, fw = t->fw;

    if ( h->nr_rows && !h->nr_features )
        return BAD(c, "%u rows but no features", h->nr_rows);
    for ( i = 0; i < h->nr_features; i++ )
    {
        uint32_t at = h->off_features + i * (2 + t->rw);
        unsigned int first = field(t->p + at + 2, t->rw);

        REF(c, suptab_le16(t->p + at), "feature", i, at);
        if ( first > h->nr_rows || first < prev || (!i && first) )
            return BAD(
                c,
                "feature %u (offset 0x%x): first_row %u out of order or range",
                i, at + 2, first);
        prev = first;
    }
    for ( i = 0; i < h->nr_subs; i++ )
    {
        uint32_t at = h->off_subs + i * 2 * fw;
        unsigned int f = field(t->p + at, fw), p = field(t->p + at + fw, fw);

        if ( f >= h->nr_features || (i && f <= field(t->p + at - 2 * fw, fw)) )
            return BAD(
                c,
                "sub-feature %u (offset 0x%x): feature %u out of order or range",
                i, at, f);
        if ( p >= f ||
             suptab_feature_section(t, p) != suptab_feature_section(t, f) )
            return BAD(
                c,
                "sub-feature %u (offset 0x%x): parent %u of feature %u is not an earlier feature of its section",
                i, at + fw, p, f);
    }
    for ( i = 0; i < h->nr_rows; i++ )
    {
        uint32_t at = h->off_rows + i * XEN_SUPTAB_ROW_SIZE;

        REF(c, suptab_le16(t->p + at), "row", i, at);
        if ( t->p[at + 2] >= h->nr_statuses )
            return BAD(c, "row %u (offset 0x%x): status %u >= %u statuses", i,
                       at + 2, t->p[at + 2], h->nr_statuses);
    }
    for ( i = 0; (h->flags & XEN_SUPTAB_F_DESCRIPTIONS) && i < h->nr_features;
          i++ )
    {
        uint32_t at = h->off_descs + i * XEN_SUPTAB_DESC_SIZE;
        int rc = check_ref(c, suptab_le32(t->p + at), XEN_SUPTAB_DESC_MAX,
                           "description", i, at);

        if ( rc )
            return rc;
    }
    return 0;
}

/* Folded order of the names of features a and b, ties by id. */
static int name_order(const struct suptab *t, unsigned int a, unsigned int b)
{
    struct suptab_feature fa, fb;
    struct suptab_str x, y;

    suptab_feature(t, a, &fa);
    suptab_feature(t, b, &fb);
    suptab_str_init(&x, t, fa.name, XEN_SUPTAB_STR_MAX);
    suptab_str_init(&y, t, fb.name, XEN_SUPTAB_STR_MAX);
    for ( ;; )
    {
        int p = suptab_fold(suptab_str_next(&x));
        int q = suptab_fold(suptab_str_next(&y));

        if ( p != q )
            return p - q;
        if ( p <= 0 )
            return (a > b) - (a < b);
    }
}

/*
 * Rule 12: the name index is strictly increasing in (name, id) order and
 * in range, so with nr_features entries it is a permutation.
 */
static int check_index(struct check *c)
{
    const struct suptab *t = c->t;
    unsigned int i, prev = 0;

    for ( i = 0; i < t->h.nr_features; i++ )
    {
        uint32_t at = t->h.off_name_index + i * t->fw;
        unsigned int id = field(t->p + at, t->fw);

        if ( id >= t->h.nr_features )
            return BAD(
                c, "name index entry %u (offset 0x%x): feature %u out of range",
                i, at, id);
        if ( i && name_order(t, prev, id) >= 0 )
            return BAD(
                c,
                "name index entry %u (offset 0x%x): feature %u is out of order or repeated",
                i, at, id);
        prev = id;
    }
    return 0;
}

int suptab_validate(struct suptab *t, const void *blob, size_t len, char *msg,
                    size_t msglen)
{
    struct check c = {.t = t, .msg = msg, .msglen = msglen};
    const uint8_t *p = blob;
    struct xen_suptab_header *h = &t->h;
    uint32_t crc;
    int rc;

    t->p = p;
    t->size = 0;
    if ( !p || len < 4 || suptab_le32(p) != XEN_SUPTAB_MAGIC )
        return BAD(&c,
                   len < 4 ? "truncated: %zu bytes, not a support table"
                           : "bad magic: not a support table (%zu bytes)",
                   len);
    if ( len < 8 )
        return BAD(&c, "truncated: %zu bytes, a header needs %u", len,
                   XEN_SUPTAB_HEADER_SIZE);
    if ( len > XEN_SUPTAB_SIZE_MAX )
        return BAD(&c, "too large: %zu bytes, the limit is %u", len,
                   XEN_SUPTAB_SIZE_MAX);
    h->version = suptab_le16(p + 4);
    h->last_comp_version = suptab_le16(p + 6);
    if ( h->last_comp_version > XEN_SUPTAB_VERSION )
        return fail(
            &c, -EOPNOTSUPP,
            "table format version %u needs a reader of version %u; this one reads version %u",
            h->version, h->last_comp_version, XEN_SUPTAB_VERSION);
    if ( h->version < h->last_comp_version || !h->version )
        return BAD(&c, "bad version %u (last compatible %u)", h->version,
                   h->last_comp_version);
    if ( h->version < XEN_SUPTAB_OLDEST )
        return fail(
            &c, -EOPNOTSUPP,
            "table format version %u is older than this reader reads (%u); regenerate the table",
            h->version, XEN_SUPTAB_OLDEST);
    if ( len < XEN_SUPTAB_HEADER_SIZE )
        return BAD(&c, "truncated: %zu bytes, a header needs %u", len,
                   XEN_SUPTAB_HEADER_SIZE);
    suptab_header_read(p, h);
    if ( h->total_size != len )
        return BAD(&c, "%s: total_size says %u bytes, have %zu",
                   h->total_size > len ? "truncated" : "size mismatch",
                   h->total_size, len);
    crc = suptab_checksum(p, h->total_size);
    if ( crc != h->checksum )
        return BAD(&c, "checksum mismatch: header 0x%08x, computed 0x%08x",
                   h->checksum, crc);
    t->size = h->total_size;
    t->fw = XEN_SUPTAB_IDW(h->nr_features);
    t->rw = XEN_SUPTAB_IDW(h->nr_rows);
    rc = check_arrays(&c);
    if ( rc )
        return rc;
    if ( !h->strings_size || p[h->off_strings] )
        return BAD(
            &c,
            "string pool (offset 0x%x) does not start with the empty string",
            h->off_strings);
    rc = check_pairs(&c);
    if ( !rc )
        rc = check_heads(&c);
    if ( !rc )
        rc = check_features(&c);
    if ( !rc )
        rc = check_index(&c);
    return rc;
}

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
