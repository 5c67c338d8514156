/*
 * xs_access.c: the public getters over a validated table: header info,
 * facts, sections, features, rows, lookup by name; the records are
 * decoded by the core (core/suptab.c), the strings come from the
 * handle's cache.
 */
#include <errno.h>
#include <string.h>

#include "xs_private.h"

/* The library's public values are the format's (public/support_table.h). */
_Static_assert(XENSUPPORT_LEVEL_OTHER == XEN_SUPTAB_LEVEL_OTHER &&
                   XENSUPPORT_LEVEL_SUPPORTED == XEN_SUPTAB_LEVEL_SUPPORTED &&
                   XENSUPPORT_LEVEL_TECH_PREVIEW ==
                       XEN_SUPTAB_LEVEL_TECH_PREVIEW &&
                   XENSUPPORT_LEVEL_EXPERIMENTAL ==
                       XEN_SUPTAB_LEVEL_EXPERIMENTAL &&
                   XENSUPPORT_LEVEL_DEPRECATED == XEN_SUPTAB_LEVEL_DEPRECATED &&
                   XENSUPPORT_LEVEL_DEPRECATED == XEN_SUPTAB_LEVEL_MAX,
               "levels");
_Static_assert(XENSUPPORT_SEC_UNKNOWN == XEN_SUPTAB_SEC_UNKNOWN &&
                   XENSUPPORT_SEC_YES == XEN_SUPTAB_SEC_YES &&
                   XENSUPPORT_SEC_NO == XEN_SUPTAB_SEC_NO &&
                   XENSUPPORT_SEC_EXTERNAL == XEN_SUPTAB_SEC_EXTERNAL,
               "security support");
_Static_assert(XENSUPPORT_ARCH_X86 == XEN_SUPTAB_ARCH_X86 &&
                   XENSUPPORT_ARCH_ARM == XEN_SUPTAB_ARCH_ARM &&
                   XENSUPPORT_ARCH_ALL == XEN_SUPTAB_ARCH_ALL,
               "architectures");

void xensupport_get_info(const xensupport_table *t,
                         struct xensupport_info *info)
{
    const struct xen_suptab_header *h = &t->tab.h;

    memset(info, 0, sizeof(*info));
    info->source = t->source;
    info->version = h->version;
    info->last_comp_version = h->last_comp_version;
    info->size = h->total_size;
    info->checksum = h->checksum;
    info->flags = h->flags;
    info->nr_facts = h->nr_facts;
    info->nr_sections = h->nr_sections;
    info->nr_features = h->nr_features;
    info->nr_rows = h->nr_rows;
    info->nr_keys = h->nr_keys;
    info->nr_pairs = h->nr_pairs;
    info->nr_statuses = h->nr_statuses;
    info->nr_subs = h->nr_subs;
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
        while (*a && (suptab_fold((unsigned char)*b) == *a ||
                      (*a == '-' && (*b == '_' || *b == ' '))))
            a++, b++;
        if (!*a && !*b)
            return (int)l;
    }
    errno = EINVAL;
    return -1;
}

int xensupport_get_fact(xensupport_table *t, unsigned i,
                        struct xensupport_fact *out)
{
    uint16_t key, value;

    if (i >= t->tab.h.nr_facts) {
        errno = EINVAL;
        return -1;
    }
    suptab_fact(&t->tab, i, &key, &value);
    out->key = xs_string(t, key);
    out->value = xs_string(t, value);
    return out->key && out->value ? 0 : -1;
}

int xensupport_get_section(xensupport_table *t, unsigned i,
                           struct xensupport_section *out)
{
    struct suptab_section s;

    if (i >= t->tab.h.nr_sections) {
        errno = EINVAL;
        return -1;
    }
    suptab_section(&t->tab, i, &s);
    out->id = i;
    out->first_feature = s.first_feature;
    out->nr_features = s.nr_features;
    out->name = xs_string(t, s.name);
    return out->name ? 0 : -1;
}

int xensupport_get_feature(xensupport_table *t, unsigned id,
                           struct xensupport_feature *out)
{
    struct suptab_feature f;

    if (id >= t->tab.h.nr_features) {
        errno = EINVAL;
        return -1;
    }
    suptab_feature(&t->tab, id, &f);
    out->id = id;
    out->section = f.section;
    out->parent = f.parent == SUPTAB_NONE ? -1 : (int)f.parent;
    out->depth = 0;
    for (unsigned p = f.parent; p != SUPTAB_NONE;
         p = suptab_feature_parent(&t->tab, p))
        out->depth++;
    out->first_row = f.first_row;
    out->nr_rows = f.nr_rows;
    out->description = NULL;
    if (t->tab.h.flags & XEN_SUPTAB_F_DESCRIPTIONS) {
        out->description = xs_description(t, id);
        if (!out->description)
            return -1;
    }
    out->name = xs_string(t, f.name);
    return out->name ? 0 : -1;
}

int xensupport_get_row(xensupport_table *t, unsigned id,
                       struct xensupport_row *out)
{
    struct suptab_row r;

    if (id >= t->tab.h.nr_rows) {
        errno = EINVAL;
        return -1;
    }
    suptab_row(&t->tab, id, &r);
    out->id = id;
    out->feature = suptab_row_feature(&t->tab, id);
    out->level = XEN_SUPTAB_LEVEL(r.reading);
    out->security = XEN_SUPTAB_SEC(r.reading);
    out->caveats = XEN_SUPTAB_CAVEATS(r.reading);
    out->arch = XEN_SUPTAB_ARCH(r.reading);
    out->qualifier = xs_string(t, r.qualifier);
    out->value = xs_string(t, r.value);
    out->key = xs_string(t, r.key);
    return out->key && out->qualifier && out->value ? 0 : -1;
}

const char *xensupport_fact_value(xensupport_table *t, const char *key)
{
    for (unsigned i = 0; key && i < t->tab.h.nr_facts; i++) {
        uint16_t k, v;
        suptab_fact(&t->tab, i, &k, &v);
        if (suptab_str_cmp(&t->tab, k, key) == 0)
            return xs_string(t, v);
    }
    errno = ENOENT;
    return NULL;
}

int xensupport_lookup(const xensupport_table *t, const char *name)
{
    int id;

    if (!name) {
        errno = EINVAL;
        return -1;
    }
    id = suptab_lookup(&t->tab, name);
    if (id < 0) {
        errno = ENOENT;
        return -1;
    }
    return id;
}
