/* SPDX-License-Identifier: MIT */
/*
 * suptab.c: decoded access to a validated support table: the header,
 * facts, sections, features, rows, keys and descriptions, and the
 * lookups (feature by name, section and parent of a feature, feature of
 * a row), all by byte offsets from public/support_table.h.
 */
#include <xen/suptab.h>

#ifdef __XEN__
#include <xen/errno.h>
#else
#include <errno.h>
#endif

#define HDR(f) offsetof(struct xen_suptab_header, f)
#define HDR16(p, f) suptab_le16((p) + HDR(f))
#define HDR32(p, f) suptab_le32((p) + HDR(f))

void suptab_header_read(const uint8_t *p, struct xen_suptab_header *h)
{
    h->magic = HDR32(p, magic);
    h->version = HDR16(p, version);
    h->last_comp_version = HDR16(p, last_comp_version);
    h->total_size = HDR32(p, total_size);
    h->checksum = HDR32(p, checksum);
    h->flags = HDR32(p, flags);
    h->nr_facts = HDR16(p, nr_facts);
    h->nr_sections = HDR16(p, nr_sections);
    h->nr_features = HDR16(p, nr_features);
    h->nr_rows = HDR16(p, nr_rows);
    h->nr_statuses = HDR16(p, nr_statuses);
    h->nr_keys = HDR16(p, nr_keys);
    h->nr_subs = HDR16(p, nr_subs);
    h->nr_pairs = HDR16(p, nr_pairs);
    h->off_facts = HDR32(p, off_facts);
    h->off_sections = HDR32(p, off_sections);
    h->off_features = HDR32(p, off_features);
    h->off_rows = HDR32(p, off_rows);
    h->off_statuses = HDR32(p, off_statuses);
    h->off_keys = HDR32(p, off_keys);
    h->off_subs = HDR32(p, off_subs);
    h->off_name_index = HDR32(p, off_name_index);
    h->off_descs = HDR32(p, off_descs);
    h->off_pairs = HDR32(p, off_pairs);
    h->off_strings = HDR32(p, off_strings);
    h->strings_size = HDR32(p, strings_size);
}

/* An index field of width w (1 or 2 bytes). */
static unsigned int idx(const uint8_t *p, unsigned int w)
{
    return w == 1 ? p[0] : suptab_le16(p);
}

void suptab_fact(const struct suptab *t, unsigned int i, uint16_t *key,
                 uint16_t *value)
{
    const uint8_t *f = t->p + t->h.off_facts + i * XEN_SUPTAB_FACT_SIZE;

    *key = suptab_le16(f);
    *value = suptab_le16(f + 2);
}

/*
 * Sections and features both own ranges: each record is a u16 name, then
 * the first index of its range (w bytes); a range ends where the next
 * record's starts, the last one at total.
 */
struct ranges {
    uint32_t off;
    unsigned int nr, w, total;
};

static struct ranges sections(const struct suptab *t)
{
    return (struct ranges){t->h.off_sections, t->h.nr_sections, t->fw,
                           t->h.nr_features};
}

static struct ranges features(const struct suptab *t)
{
    return (struct ranges){t->h.off_features, t->h.nr_features, t->rw,
                           t->h.nr_rows};
}

static uint16_t range_name(const struct suptab *t, struct ranges r,
                           unsigned int i)
{
    return suptab_le16(t->p + r.off + i * (2 + r.w));
}

static unsigned int range_start(const struct suptab *t, struct ranges r,
                                unsigned int i)
{
    if ( i >= r.nr )
        return r.total;
    return idx(t->p + r.off + i * (2 + r.w) + 2, r.w);
}

/* The record whose range holds x: the last one starting at or before x. */
static unsigned int range_owner(const struct suptab *t, struct ranges r,
                                unsigned int x)
{
    unsigned int lo = 0, hi = r.nr;

    while ( hi - lo > 1 )
    {
        unsigned int mid = lo + (hi - lo) / 2;

        if ( range_start(t, r, mid) <= x )
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void suptab_section(const struct suptab *t, unsigned int i,
                    struct suptab_section *s)
{
    s->name = range_name(t, sections(t), i);
    s->first_feature = range_start(t, sections(t), i);
    s->nr_features = range_start(t, sections(t), i + 1) - s->first_feature;
}

void suptab_feature(const struct suptab *t, unsigned int id,
                    struct suptab_feature *f)
{
    f->name = range_name(t, features(t), id);
    f->first_row = range_start(t, features(t), id);
    f->nr_rows = range_start(t, features(t), id + 1) - f->first_row;
    f->section = suptab_feature_section(t, id);
    f->parent = suptab_feature_parent(t, id);
}

void suptab_row(const struct suptab *t, unsigned int i, struct suptab_row *r)
{
    const uint8_t *w = t->p + t->h.off_rows + i * XEN_SUPTAB_ROW_SIZE;
    const uint8_t *s;

    r->qualifier = suptab_le16(w);
    r->status = w[2];
    s = t->p + t->h.off_statuses + r->status * XEN_SUPTAB_STATUS_SIZE;
    r->value = suptab_le16(s);
    r->key = suptab_key(t, s[2]);
    r->reading = s[3];
}

uint16_t suptab_key(const struct suptab *t, unsigned int k)
{
    return suptab_le16(t->p + t->h.off_keys + k * XEN_SUPTAB_KEY_SIZE);
}

uint32_t suptab_description(const struct suptab *t, unsigned int id)
{
    if ( !(t->h.flags & XEN_SUPTAB_F_DESCRIPTIONS) )
        return XEN_SUPTAB_STR_NONE;
    return suptab_le32(t->p + t->h.off_descs + id * XEN_SUPTAB_DESC_SIZE);
}

unsigned int suptab_feature_section(const struct suptab *t, unsigned int id)
{
    return range_owner(t, sections(t), id);
}

unsigned int suptab_feature_parent(const struct suptab *t, unsigned int id)
{
    const uint8_t *subs = t->p + t->h.off_subs;
    unsigned int w = 2 * t->fw, lo = 0, hi = t->h.nr_subs;

    while ( lo < hi )
    {
        unsigned int mid = lo + (hi - lo) / 2;
        unsigned int f = idx(subs + mid * w, t->fw);

        if ( f == id )
            return idx(subs + mid * w + t->fw, t->fw);
        if ( f < id )
            lo = mid + 1;
        else
            hi = mid;
    }
    return SUPTAB_NONE;
}

unsigned int suptab_row_feature(const struct suptab *t, unsigned int i)
{
    return range_owner(t, features(t), i);
}

unsigned int suptab_name_index(const struct suptab *t, unsigned int i)
{
    return idx(t->p + t->h.off_name_index + i * t->fw, t->fw);
}

int suptab_lookup(const struct suptab *t, const char *name)
{
    unsigned int lo = 0, hi = t->h.nr_features;

    if ( !name )
        return -ENOENT;
    /* Lower bound: equal names (after folding) are ordered by id. */
    while ( lo < hi )
    {
        unsigned int mid = lo + (hi - lo) / 2;

        if ( suptab_str_cmp(
                 t, range_name(t, features(t), suptab_name_index(t, mid)),
                 name) < 0 )
            lo = mid + 1;
        else
            hi = mid;
    }
    if ( lo < t->h.nr_features &&
         !suptab_str_cmp(
             t, range_name(t, features(t), suptab_name_index(t, lo)), name) )
        return suptab_name_index(t, lo);
    return -ENOENT;
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
