/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support.c: the feature support statement built into Xen: the table.
 *
 * Owns the table that xen-support-gen compiled from SUPPORT.md and the
 * build linked in read-only (xen_support_table): checks it when it is
 * attached, answers lookups in it by generated id and by name, and
 * expands its pair-encoded strings.  The boot policy is in
 * support_policy.c, the XEN_SYSCTL_support_table handler in
 * support_sysctl.c.  The same file builds on Linux against
 * xen-side/hosted/ for the unit tests.
 */

#include <xen/errno.h>
#include <xen/init.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/string.h>
#include <xen/support.h>

#include "support_private.h"

/* The attached table (see support_table_attach()). */
const uint8_t *__ro_after_init support_tab;
uint32_t __ro_after_init support_tab_size;
static bool __ro_after_init S_builtin_tried;

/* Is [off, off + nr * elem) inside the blob and off suitably aligned? */
static bool S_in_blob(uint32_t off, uint32_t nr, uint32_t elem, uint32_t size)
{
    if ( off % XEN_SUPTAB_ALIGN )
        return false;
    if ( off > size )
        return false;
    return nr <= (size - off) / elem;
}

/*
 * Expansion of a pair-encoded string, one byte at a time.  Pair codes
 * only refer to lower codes, so the pending stack never holds more than
 * one entry per pair code plus the current one.
 */
struct S_str {
    const uint8_t *p, *end;
    const struct xen_suptab_pair *pairs;
    unsigned int nr_pairs;
    unsigned int depth;
    uint8_t stack[XEN_SUPTAB_PAIRS_MAX + 2];
};

static void S_str_start(struct S_str *s, uint16_t ref)
{
    const struct xen_suptab_header *h = support_hdr();

    s->p = support_at(h->off_strings) + ref;
    s->end = support_at(h->off_strings) + h->strings_size;
    if ( ref >= h->strings_size )
        s->p = s->end;
    s->pairs = support_at(h->off_pairs);
    s->nr_pairs = h->nr_pairs;
    s->depth = 0;
}

/* Next byte of the expanded string, or 0 at its end. */
static uint8_t S_str_next(struct S_str *s)
{
    for ( ;; )
    {
        uint8_t c;
        const struct xen_suptab_pair *pair;

        if ( s->depth )
            c = s->stack[--s->depth];
        else
        {
            if ( s->p >= s->end )
                return 0;
            c = *s->p++;
            if ( c == 0 )
            {
                s->p = s->end;
                return 0;
            }
            if ( c == XEN_SUPTAB_CODE_ESCAPE )
                return s->p < s->end ? *s->p++ : 0;
        }

        if ( c < XEN_SUPTAB_CODE_PAIR )
            return c;

        /* Attach checked every pair; a bad code in a string ends it. */
        if ( (unsigned int)(c - XEN_SUPTAB_CODE_PAIR) >= s->nr_pairs ||
             s->depth + 2 > ARRAY_SIZE(s->stack) )
        {
            s->p = s->end;
            s->depth = 0;
            return 0;
        }
        pair = &s->pairs[c - XEN_SUPTAB_CODE_PAIR];
        s->stack[s->depth++] = pair->right;
        s->stack[s->depth++] = pair->left;
    }
}

/* Compare string ref with name, ASCII case folded, as the name index. */
static int S_str_cmp(uint16_t ref, const char *name)
{
    struct S_str s;

    S_str_start(&s, ref);
    for ( ;; )
    {
        uint8_t a = support_fold(S_str_next(&s));
        uint8_t b = support_fold(*name++);

        if ( a != b )
            return a < b ? -1 : 1;
        if ( !a )
            return 0;
    }
}

static bool S_pairs_ok(const struct xen_suptab_header *h)
{
    const struct xen_suptab_pair *pairs =
        (const void *)((const uint8_t *)h + h->off_pairs);
    unsigned int i;

    for ( i = 0; i < h->nr_pairs; i++ )
    {
        unsigned int own = XEN_SUPTAB_CODE_PAIR + i;

        if ( !pairs[i].left || !pairs[i].right || pairs[i].left >= own ||
             pairs[i].right >= own )
            return false;
    }
    return true;
}

int support_table_attach(const uint8_t *blob, uint32_t size)
{
    const struct xen_suptab_header *h = (const void *)blob;
    const struct xen_suptab_feature *feats;
    const uint16_t *idx;
    unsigned int i;

    if ( !blob || size < sizeof(*h) || ((unsigned long)blob & 7) )
        return -EINVAL;
    if ( h->magic != XEN_SUPTAB_MAGIC ||
         h->last_comp_version > XEN_SUPTAB_VERSION || h->total_size != size ||
         h->nr_pairs > XEN_SUPTAB_PAIRS_MAX )
        return -EINVAL;
    if ( !S_in_blob(h->off_facts, h->nr_facts, sizeof(struct xen_suptab_fact),
                    size) ||
         !S_in_blob(h->off_sections, h->nr_sections,
                    sizeof(struct xen_suptab_section), size) ||
         !S_in_blob(h->off_features, h->nr_features,
                    sizeof(struct xen_suptab_feature), size) ||
         !S_in_blob(h->off_rows, h->nr_rows, sizeof(struct xen_suptab_row),
                    size) ||
         !S_in_blob(h->off_keys, h->nr_keys, sizeof(uint16_t), size) ||
         !S_in_blob(h->off_name_index, h->nr_features, sizeof(uint16_t),
                    size) ||
         !S_in_blob(h->off_pairs, h->nr_pairs, sizeof(struct xen_suptab_pair),
                    size) ||
         h->off_strings > size || h->strings_size > size - h->off_strings ||
         !h->strings_size || !S_pairs_ok(h) )
        return -EINVAL;

    /* Lookups index rows by feature and features by the name index. */
    feats = (const void *)(blob + h->off_features);
    idx = (const void *)(blob + h->off_name_index);
    for ( i = 0; i < h->nr_features; i++ )
    {
        if ( feats[i].first_row > h->nr_rows || idx[i] >= h->nr_features ||
             (i && feats[i].first_row < feats[i - 1].first_row) )
            return -EINVAL;
    }

    support_tab = blob;
    support_tab_size = size;
    return 0;
}

const struct xen_suptab_header *support_table_header(void)
{
    return support_tab ? support_hdr() : NULL;
}

const struct xen_suptab_feature *support_feature(unsigned int id)
{
    const struct xen_suptab_feature *f;

    if ( !support_tab || id >= support_hdr()->nr_features )
        return NULL;
    f = support_at(support_hdr()->off_features);
    return &f[id];
}

int support_feature_by_name(const char *name)
{
    const struct xen_suptab_header *h = support_hdr();
    const uint16_t *idx;
    unsigned int lo = 0, hi;

    if ( !support_tab || !name )
        return -ENOENT;
    idx = support_at(h->off_name_index);
    hi = h->nr_features;

    /* Lower bound: equal names (after folding) are ordered by id. */
    while ( lo < hi )
    {
        unsigned int mid = lo + (hi - lo) / 2;

        if ( S_str_cmp(support_feature(idx[mid])->name, name) < 0 )
            lo = mid + 1;
        else
            hi = mid;
    }
    if ( lo < h->nr_features &&
         !S_str_cmp(support_feature(idx[lo])->name, name) )
        return idx[lo];
    return -ENOENT;
}

/* Expand string ref into buf (NUL-terminated, truncated); full length. */
unsigned int support_str_expand(uint16_t ref, char *buf, size_t size)
{
    struct S_str s;
    unsigned int len = 0;
    uint8_t c;

    S_str_start(&s, ref);
    while ( (c = S_str_next(&s)) != 0 )
    {
        if ( len + 1 < size )
            buf[len] = c;
        len++;
    }
    if ( size )
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

int support_feature_name(unsigned int id, char *buf, size_t size)
{
    const struct xen_suptab_feature *f = support_feature(id);

    if ( !f )
        return -ENOENT;
    return support_str_expand(f->name, buf, size);
}

int support_feature_rows(unsigned int id, unsigned int *first, unsigned int *nr)
{
    const struct xen_suptab_feature *f = support_feature(id);
    unsigned int end;

    if ( !f )
        return -ENOENT;
    end = (id + 1 < support_hdr()->nr_features) ? f[1].first_row
                                                : support_hdr()->nr_rows;
    *first = f->first_row;
    *nr = end - f->first_row;
    return 0;
}

const struct xen_suptab_row *support_row(unsigned int idx)
{
    const struct xen_suptab_row *r;

    if ( !support_tab || idx >= support_hdr()->nr_rows )
        return NULL;
    r = support_at(support_hdr()->off_rows);
    return &r[idx];
}

/*
 * Attach the linked table once: support= and the early gates run before
 * the initcall.
 */
void support_attach_builtin(void)
{
    if ( support_tab || S_builtin_tried )
        return;
    S_builtin_tried = true;
    if ( support_table_attach(xen_support_table, xen_support_table_size) )
        printk(XENLOG_ERR
               "support: built-in support table is malformed; not used\n");
}

static int __init cf_check support_table_init(void)
{
    const struct xen_suptab_header *h;
    const struct xen_suptab_fact *facts;
    char version[32] = "(unknown)";
    unsigned int i;

    support_attach_builtin();
    if ( !support_tab )
        return 0;

    h = support_hdr();
    facts = support_at(h->off_facts);
    for ( i = 0; i < h->nr_facts; i++ )
    {
        if ( !S_str_cmp(facts[i].key, "Xen-Version") )
            support_str_expand(facts[i].value, version, sizeof(version));
    }
    if ( h->nr_features != XEN_SUPPORT_NR_FEATURES )
        printk(XENLOG_WARNING
               "support: table has %u features, build expected %u\n",
               h->nr_features, XEN_SUPPORT_NR_FEATURES);

    printk(XENLOG_INFO
           "support: statement for Xen %s: %u features, %u rows, %u bytes\n",
           version, h->nr_features, h->nr_rows, support_tab_size);
    return 0;
}
__initcall(support_table_init);

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
