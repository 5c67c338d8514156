/*
 * xs_access.c: reading a validated table: header info, facts, sections,
 * features, rows, descriptions, lookup by name, reading names.
 */
#include <errno.h>
#include <string.h>

#include "xs_private.h"

const uint8_t *xs_fact(const xensupport_table *t, unsigned i)
{
    return t->p + t->h.off_facts + i * XS_FACT_SIZE;
}

const uint8_t *xs_section(const xensupport_table *t, unsigned i)
{
    return t->p + t->h.off_sections + i * XS_SECTION_SIZE;
}

const uint8_t *xs_feature(const xensupport_table *t, unsigned i)
{
    return t->p + t->h.off_features + i * XS_FEATURE_SIZE;
}

const uint8_t *xs_row(const xensupport_table *t, unsigned i)
{
    return t->p + t->h.off_rows + i * XS_ROW_SIZE;
}

void xensupport_get_info(const xensupport_table *t,
                         struct xensupport_info *info)
{
    const struct xs_header *h = &t->h;

    memset(info, 0, sizeof(*info));
    info->source = t->source;
    info->version = h->version;
    info->last_comp_version = h->last_comp;
    info->size = h->total_size;
    info->checksum = h->checksum;
    info->flags = h->flags;
    info->nr_facts = h->nr_facts;
    info->nr_sections = h->nr_sections;
    info->nr_features = h->nr_features;
    info->nr_rows = h->nr_rows;
    info->nr_keys = h->nr_keys;
    info->nr_pairs = h->nr_pairs;
    info->strings_size = h->strings_size;
    info->has_descriptions = h->flags & XEN_SUPTAB_F_DESCRIPTIONS;
}

const void *xensupport_blob(const xensupport_table *t, size_t *len)
{
    *len = t->len;
    return t->p;
}

static const char *const S_levels[] = {"other", "supported", "tech-preview",
                                       "experimental", "deprecated"};
static const char *const S_secs[] = {"unknown", "yes", "no", "external"};

const char *xensupport_level_name(unsigned level)
{
    return level < 5 ? S_levels[level] : NULL;
}

const char *xensupport_security_name(unsigned sec)
{
    return sec < 4 ? S_secs[sec] : NULL;
}

int xensupport_level_parse(const char *name)
{
    for (unsigned l = 0; name && l < 5; l++) {
        const char *a = S_levels[l], *b = name;
        while (*a && (xs_fold((unsigned char)*b) == *a ||
                      (*a == '-' && (*b == '_' || *b == ' '))))
            a++, b++;
        if (!*a && !*b)
            return (int)l;
    }
    errno = EINVAL;
    return -1;
}

static unsigned S_end(const xensupport_table *t, unsigned i, unsigned n,
                      const uint8_t *(*rec)(const xensupport_table *, unsigned),
                      unsigned total)
{
    return i + 1 < n ? xs_le16(rec(t, i + 1) + 2) : total;
}

int xensupport_get_fact(xensupport_table *t, unsigned i,
                        struct xensupport_fact *out)
{
    if (i >= t->h.nr_facts) {
        errno = EINVAL;
        return -1;
    }
    out->key = xs_string(t, xs_le16(xs_fact(t, i)));
    out->value = xs_string(t, xs_le16(xs_fact(t, i) + 2));
    return out->key && out->value ? 0 : -1;
}

int xensupport_get_section(xensupport_table *t, unsigned i,
                           struct xensupport_section *out)
{
    if (i >= t->h.nr_sections) {
        errno = EINVAL;
        return -1;
    }
    out->id = i;
    out->first_feature = xs_le16(xs_section(t, i) + 2);
    out->nr_features =
        S_end(t, i, t->h.nr_sections, xs_section, t->h.nr_features) -
        out->first_feature;
    out->name = xs_string(t, xs_le16(xs_section(t, i)));
    return out->name ? 0 : -1;
}

int xensupport_get_feature(xensupport_table *t, unsigned id,
                           struct xensupport_feature *out)
{
    const uint8_t *f;

    if (id >= t->h.nr_features) {
        errno = EINVAL;
        return -1;
    }
    f = xs_feature(t, id);
    out->id = id;
    out->section = f[4];
    out->parent = f[5] ? (int)(id - f[5]) : -1;
    out->depth = 0;
    for (unsigned p = id; xs_feature(t, p)[5]; p -= xs_feature(t, p)[5])
        out->depth++;
    out->first_row = xs_le16(f + 2);
    out->nr_rows = S_end(t, id, t->h.nr_features, xs_feature, t->h.nr_rows) -
                   out->first_row;
    out->description = NULL;
    if (t->h.flags & XEN_SUPTAB_F_DESCRIPTIONS) {
        out->description = xs_description(t, id);
        if (!out->description)
            return -1;
    }
    out->name = xs_string(t, xs_le16(f));
    return out->name ? 0 : -1;
}

int xensupport_get_row(xensupport_table *t, unsigned id,
                       struct xensupport_row *out)
{
    const uint8_t *r;
    unsigned lo = 0, hi;

    if (id >= t->h.nr_rows) {
        errno = EINVAL;
        return -1;
    }
    r = xs_row(t, id);
    /* Owning feature: the last one whose first_row <= id. */
    hi = t->h.nr_features;
    while (hi - lo > 1) {
        unsigned mid = lo + (hi - lo) / 2;
        if (xs_le16(xs_feature(t, mid) + 2) <= id)
            lo = mid;
        else
            hi = mid;
    }
    out->id = id;
    out->feature = lo;
    out->level = XEN_SUPTAB_LEVEL(r[5]);
    out->security = XEN_SUPTAB_SEC(r[5]);
    out->caveats = XEN_SUPTAB_CAVEATS(r[5]);
    out->arch = XEN_SUPTAB_ARCH(r[5]);
    out->qualifier = xs_string(t, xs_le16(r));
    out->value = xs_string(t, xs_le16(r + 2));
    out->key = xs_string(t, xs_le16(t->p + t->h.off_keys + r[4] * 2));
    return out->key && out->qualifier && out->value ? 0 : -1;
}

const char *xensupport_fact_value(xensupport_table *t, const char *key)
{
    for (unsigned i = 0; key && i < t->h.nr_facts; i++)
        if (xs_string_cmp(t, xs_le16(xs_fact(t, i)), key) == 0)
            return xs_string(t, xs_le16(xs_fact(t, i) + 2));
    errno = ENOENT;
    return NULL;
}

int xensupport_lookup(const xensupport_table *t, const char *name)
{
    const uint8_t *idx = t->p + t->h.off_name_index;
    unsigned lo = 0, hi = t->h.nr_features;

    if (!name) {
        errno = EINVAL;
        return -1;
    }
    /* First index entry whose name is >= name. */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        unsigned id = xs_le16(idx + mid * XS_INDEX_SIZE);
        if (xs_string_cmp(t, xs_le16(xs_feature(t, id)), name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->h.nr_features) {
        unsigned id = xs_le16(idx + lo * XS_INDEX_SIZE);
        if (xs_string_cmp(t, xs_le16(xs_feature(t, id)), name) == 0)
            return (int)id;
    }
    errno = ENOENT;
    return -1;
}
