/*
 * xs_validate.c: checks a table blob completely before anything else
 * reads it: header, checksum, array bounds, cross references, strings,
 * pairs and the name index (rules in docs/table-format.md).  It reads
 * only inside [0, len) and says what is wrong and at which offset.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_crc32.h"
#include "xs_private.h"

struct S_ctx {
    const uint8_t *p;
    size_t len;
    struct xs_header h;
    uint8_t *seen; /* bitmap: pool offsets whose string checked */
    char *err;
    size_t errlen;
};

void xs_seterr(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;

    if (!err || !errlen)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

void xs_header_read(const uint8_t *p, struct xs_header *h)
{
    h->magic = xs_le32(p + XS_H_MAGIC);
    h->version = xs_le16(p + XS_H_VERSION);
    h->last_comp = xs_le16(p + XS_H_LAST_COMP);
    h->total_size = xs_le32(p + XS_H_TOTAL_SIZE);
    h->checksum = xs_le32(p + XS_H_CHECKSUM);
    h->flags = xs_le32(p + XS_H_FLAGS);
    h->nr_facts = xs_le16(p + XS_H_NR_FACTS);
    h->nr_sections = xs_le16(p + XS_H_NR_SECTIONS);
    h->nr_features = xs_le16(p + XS_H_NR_FEATURES);
    h->nr_rows = xs_le16(p + XS_H_NR_ROWS);
    h->nr_keys = xs_le16(p + XS_H_NR_KEYS);
    h->nr_pairs = xs_le16(p + XS_H_NR_PAIRS);
    h->off_facts = xs_le32(p + XS_H_OFF_FACTS);
    h->off_sections = xs_le32(p + XS_H_OFF_SECTIONS);
    h->off_features = xs_le32(p + XS_H_OFF_FEATURES);
    h->off_rows = xs_le32(p + XS_H_OFF_ROWS);
    h->off_keys = xs_le32(p + XS_H_OFF_KEYS);
    h->off_name_index = xs_le32(p + XS_H_OFF_NAME_INDEX);
    h->off_descs = xs_le32(p + XS_H_OFF_DESCS);
    h->off_pairs = xs_le32(p + XS_H_OFF_PAIRS);
    h->off_strings = xs_le32(p + XS_H_OFF_STRINGS);
    h->strings_size = xs_le32(p + XS_H_STRINGS_SIZE);
}

__attribute__((format(printf, 2, 3))) static int S_bad(struct S_ctx *c,
                                                       const char *fmt, ...)
{
    va_list ap;

    if (c->err && c->errlen) {
        va_start(ap, fmt);
        vsnprintf(c->err, c->errlen, fmt, ap);
        va_end(ap);
    }
    errno = EBADMSG;
    return -1;
}

/* One array of the layout, for bounds and overlap checks. */
struct S_array {
    const char *name;
    uint32_t off;
    uint64_t size;
};

static int S_check_arrays(struct S_ctx *c)
{
    const struct xs_header *h = &c->h;
    struct S_array a[] = {
        {"facts", h->off_facts, (uint64_t)h->nr_facts * XS_FACT_SIZE},
        {"sections", h->off_sections,
         (uint64_t)h->nr_sections * XS_SECTION_SIZE},
        {"features", h->off_features,
         (uint64_t)h->nr_features * XS_FEATURE_SIZE},
        {"rows", h->off_rows, (uint64_t)h->nr_rows * XS_ROW_SIZE},
        {"keys", h->off_keys, (uint64_t)h->nr_keys * XS_KEY_SIZE},
        {"name index", h->off_name_index,
         (uint64_t)h->nr_features * XS_INDEX_SIZE},
        {"pairs", h->off_pairs, (uint64_t)h->nr_pairs * XS_PAIR_SIZE},
        {"string pool", h->off_strings, h->strings_size},
        {"descriptions", h->off_descs, (uint64_t)h->nr_features * XS_DESC_SIZE},
    };
    size_t n = sizeof(a) / sizeof(a[0]);

    if (!(h->flags & XEN_SUPTAB_F_DESCRIPTIONS))
        n--; /* off_descs is not valid: ignore it */

    for (size_t i = 0; i < n; i++) {
        if (a[i].off % XEN_SUPTAB_ALIGN)
            return S_bad(c, "%s offset 0x%x is not %d-byte aligned", a[i].name,
                         a[i].off, XEN_SUPTAB_ALIGN);
        if (a[i].size == 0)
            continue;
        if (a[i].off < XS_HEADER_SIZE)
            return S_bad(c, "%s at offset 0x%x overlaps the header", a[i].name,
                         a[i].off);
        if (a[i].off + a[i].size > h->total_size)
            return S_bad(c,
                         "%s (offset 0x%x, %llu bytes) run past the end "
                         "of the table (%u bytes)",
                         a[i].name, a[i].off, (unsigned long long)a[i].size,
                         h->total_size);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (!a[i].size || !a[j].size)
                continue;
            if (a[i].off < a[j].off + a[j].size &&
                a[j].off < a[i].off + a[i].size)
                return S_bad(c, "%s (offset 0x%x) and %s (offset 0x%x) overlap",
                             a[i].name, a[i].off, a[j].name, a[j].off);
        }
    return 0;
}

static int S_check_pairs(struct S_ctx *c)
{
    const uint8_t *pairs = c->p + c->h.off_pairs;

    if (c->h.nr_pairs > XEN_SUPTAB_PAIRS_MAX)
        return S_bad(c, "%u pairs, at most %d allowed", c->h.nr_pairs,
                     XEN_SUPTAB_PAIRS_MAX);
    for (unsigned k = 0; k < c->h.nr_pairs; k++)
        for (unsigned s = 0; s < 2; s++) {
            unsigned v = pairs[2 * k + s];
            if (v == 0 || v >= XEN_SUPTAB_CODE_PAIR + k)
                return S_bad(c,
                             "pair 0x%02x (offset 0x%x) uses code 0x%02x: "
                             "only ASCII or earlier pairs allowed",
                             XEN_SUPTAB_CODE_PAIR + k,
                             c->h.off_pairs + 2 * k + s, v);
        }
    return 0;
}

/* Check string ref: in the pool, decodable, terminated, bounded. */
static int S_check_ref(struct S_ctx *c, uint32_t ref, unsigned max,
                       const char *what, unsigned idx, uint32_t at)
{
    struct xs_strdec d;
    unsigned n = 0;
    int ch;

    if (ref >= c->h.strings_size)
        return S_bad(c,
                     "%s %u (offset 0x%x): string ref 0x%x outside the "
                     "pool (%u bytes)",
                     what, idx, at, ref, c->h.strings_size);
    if (c->seen[ref / 8] & (1U << (ref % 8)))
        return 0;
    xs_strdec_init(&d, &c->h, c->p, ref);
    while ((ch = xs_strdec_next(&d)) > 0)
        if (++n > max)
            return S_bad(c,
                         "%s %u (offset 0x%x): string at 0x%x expands "
                         "past %u bytes",
                         what, idx, at, ref, max);
    if (ch < 0)
        return S_bad(c,
                     "%s %u (offset 0x%x): string at 0x%x is not "
                     "terminated or badly encoded",
                     what, idx, at, ref);
    if (max == XEN_SUPTAB_STR_MAX) /* descriptions may be longer */
        c->seen[ref / 8] |= (uint8_t)(1U << (ref % 8));
    return 0;
}

#define S_REF(c, ref, what, i, at)                                             \
    do {                                                                       \
        if (S_check_ref(c, ref, XEN_SUPTAB_STR_MAX, what, i, at))              \
            return -1;                                                         \
    } while (0)

static int S_check_records(struct S_ctx *c)
{
    const struct xs_header *h = &c->h;
    const uint8_t *p = c->p;

    for (unsigned i = 0; i < h->nr_facts; i++) {
        uint32_t at = h->off_facts + i * XS_FACT_SIZE;
        S_REF(c, xs_le16(p + at), "fact", i, at);
        S_REF(c, xs_le16(p + at + 2), "fact", i, at + 2);
    }
    for (unsigned i = 0; i < h->nr_keys; i++) {
        uint32_t at = h->off_keys + i * XS_KEY_SIZE;
        S_REF(c, xs_le16(p + at), "key", i, at);
    }
    if (h->nr_features && !h->nr_sections)
        return S_bad(c, "%u features but no sections", h->nr_features);
    if (h->nr_rows && !h->nr_features)
        return S_bad(c, "%u rows but no features", h->nr_rows);
    for (unsigned i = 0; i < h->nr_sections; i++) {
        uint32_t at = h->off_sections + i * XS_SECTION_SIZE;
        unsigned first = xs_le16(p + at + 2);
        unsigned prev = i ? xs_le16(p + at - XS_SECTION_SIZE + 2) : 0;
        S_REF(c, xs_le16(p + at), "section", i, at);
        if (first > h->nr_features || first < prev || (i == 0 && first))
            return S_bad(c,
                         "section %u (offset 0x%x): first_feature %u out "
                         "of order or range",
                         i, at + 2, first);
    }
    for (unsigned i = 0; i < h->nr_features; i++) {
        uint32_t at = h->off_features + i * XS_FEATURE_SIZE;
        unsigned first = xs_le16(p + at + 2), sec = p[at + 4];
        unsigned parent = p[at + 5];
        unsigned prev = i ? xs_le16(p + at - XS_FEATURE_SIZE + 2) : 0;
        S_REF(c, xs_le16(p + at), "feature", i, at);
        if (first > h->nr_rows || first < prev || (i == 0 && first))
            return S_bad(c,
                         "feature %u (offset 0x%x): first_row %u out of "
                         "order or range",
                         i, at + 2, first);
        if (sec >= h->nr_sections)
            return S_bad(c, "feature %u (offset 0x%x): section %u >= %u", i,
                         at + 4, sec, h->nr_sections);
        unsigned s_first = xs_le16(p + h->off_sections + sec * 4 + 2);
        unsigned s_end = sec + 1 < h->nr_sections
                             ? xs_le16(p + h->off_sections + sec * 4 + 6)
                             : h->nr_features;
        if (i < s_first || i >= s_end)
            return S_bad(c,
                         "feature %u (offset 0x%x): section %u does not "
                         "own it",
                         i, at + 4, sec);
        if (parent > i ||
            (parent &&
             p[h->off_features + (i - parent) * XS_FEATURE_SIZE + 4] != sec))
            return S_bad(c,
                         "feature %u (offset 0x%x): parent distance %u "
                         "out of range or in another section",
                         i, at + 5, parent);
    }
    for (unsigned i = 0; i < h->nr_rows; i++) {
        uint32_t at = h->off_rows + i * XS_ROW_SIZE;
        unsigned key = p[at + 4], r = p[at + 5];
        S_REF(c, xs_le16(p + at), "row", i, at);
        S_REF(c, xs_le16(p + at + 2), "row", i, at + 2);
        if (key >= h->nr_keys)
            return S_bad(c, "row %u (offset 0x%x): key %u >= %u keys", i,
                         at + 4, key, h->nr_keys);
        if (XEN_SUPTAB_LEVEL(r) > XEN_SUPTAB_LEVEL_MAX ||
            XEN_SUPTAB_ARCH(r) == 0)
            return S_bad(c,
                         "row %u (offset 0x%x): bad reading 0x%02x (level "
                         "%u, arch %u)",
                         i, at + 5, r, XEN_SUPTAB_LEVEL(r), XEN_SUPTAB_ARCH(r));
    }
    if (h->flags & XEN_SUPTAB_F_DESCRIPTIONS)
        for (unsigned i = 0; i < h->nr_features; i++) {
            uint32_t at = h->off_descs + i * XS_DESC_SIZE;
            if (S_check_ref(c, xs_le32(p + at), XEN_SUPTAB_DESC_MAX,
                            "description", i, at))
                return -1;
        }
    return 0;
}

/* Folded order of two (validated) string refs. */
static int S_refcmp(const struct S_ctx *c, uint32_t a, uint32_t b)
{
    struct xs_strdec da, db;

    xs_strdec_init(&da, &c->h, c->p, a);
    xs_strdec_init(&db, &c->h, c->p, b);
    for (;;) {
        int x = xs_fold(xs_strdec_next(&da));
        int y = xs_fold(xs_strdec_next(&db));
        if (x != y || x <= 0)
            return x - y;
    }
}

static int S_check_index(struct S_ctx *c)
{
    const struct xs_header *h = &c->h;
    uint8_t *used = calloc(h->nr_features / 8 + 1, 1);
    unsigned prev = 0;
    int rc = 0;

    if (!used)
        return -1;
    for (unsigned i = 0; i < h->nr_features && !rc; i++) {
        uint32_t at = h->off_name_index + i * XS_INDEX_SIZE;
        unsigned id = xs_le16(c->p + at);
        if (id >= h->nr_features || (used[id / 8] & (1U << (id % 8)))) {
            rc = S_bad(c,
                       "name index entry %u (offset 0x%x): feature %u out "
                       "of range or repeated",
                       i, at, id);
            break;
        }
        used[id / 8] |= (uint8_t)(1U << (id % 8));
        if (i) {
            int d = S_refcmp(
                c, xs_le16(c->p + h->off_features + prev * XS_FEATURE_SIZE),
                xs_le16(c->p + h->off_features + id * XS_FEATURE_SIZE));
            if (d > 0 || (d == 0 && prev > id))
                rc = S_bad(c,
                           "name index entry %u (offset 0x%x): feature %u "
                           "is out of order",
                           i, at, id);
        }
        prev = id;
    }
    free(used);
    return rc;
}

int xs_validate(const uint8_t *blob, size_t len, char *err, size_t errlen)
{
    struct S_ctx c = {.p = blob, .len = len, .err = err, .errlen = errlen};
    uint8_t zero[4] = {0};
    int rc;

    if (len >= 4 && xs_le32(blob) != XEN_SUPTAB_MAGIC)
        return S_bad(&c, "bad magic 0x%08x: not a support table",
                     xs_le32(blob));
    if (len < XS_HEADER_SIZE)
        return S_bad(&c, "truncated: %zu bytes, a header needs %d", len,
                     XS_HEADER_SIZE);
    xs_header_read(blob, &c.h);
    if (c.h.last_comp > XEN_SUPTAB_VERSION) {
        xs_seterr(err, errlen,
                  "table format version %u needs a reader of version %u; "
                  "this one reads version %d",
                  c.h.version, c.h.last_comp, XEN_SUPTAB_VERSION);
        errno = ENOTSUP;
        return -1;
    }
    if (c.h.version == 0 || c.h.version < c.h.last_comp)
        return S_bad(&c, "bad version %u (last compatible %u)", c.h.version,
                     c.h.last_comp);
    if (c.h.total_size != len)
        return S_bad(&c, "%s: total_size says %u bytes, have %zu",
                     c.h.total_size > len ? "truncated" : "size mismatch",
                     c.h.total_size, len);
    uint32_t crc = xs_crc32(0, blob, XS_H_CHECKSUM);
    crc = xs_crc32(crc, zero, 4);
    crc = xs_crc32(crc, blob + XS_H_CHECKSUM + 4, len - XS_H_CHECKSUM - 4);
    if (crc != c.h.checksum)
        return S_bad(&c, "checksum mismatch: header 0x%08x, computed 0x%08x",
                     c.h.checksum, crc);
    if (S_check_arrays(&c))
        return -1;
    if (c.h.strings_size == 0 || blob[c.h.off_strings] != 0)
        return S_bad(&c,
                     "string pool (offset 0x%x) does not start with the "
                     "empty string",
                     c.h.off_strings);
    if (S_check_pairs(&c))
        return -1;
    c.seen = calloc(c.h.strings_size / 8 + 1, 1);
    if (!c.seen)
        return -1;
    rc = S_check_records(&c);
    if (!rc)
        rc = S_check_index(&c);
    free(c.seen);
    return rc;
}
