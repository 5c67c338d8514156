/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support.c: the feature support statement built into Xen: the table.
 *
 * Owns the table that xen-support-gen compiled from SUPPORT.md and the
 * build linked in read-only (xen_support_table): checks it with the table
 * core's validator (xen/suptab.h, every rule of the format) when it is
 * attached, and answers lookups in it by generated id.  The
 * boot policy is in support_policy.c, the XEN_SYSCTL_support_table
 * handler in support_sysctl.c.  The same file builds on Linux against
 * xen-side/hosted/ for the unit tests.
 */

#include <xen/errno.h>
#include <xen/init.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/string.h>
#include <xen/support.h>

#include "support_private.h"

/* The attached table (see attach()). */
static struct suptab __ro_after_init attached;
const struct suptab *__ro_after_init support_tab;
static bool __ro_after_init builtin_tried;

/*
 * Check blob with the table core and make it the table every lookup uses.
 * Writes __ro_after_init data: boot time only (the built-in table is
 * attached by the initcall at the latest; see support_attach_builtin()).
 */
static int attach(const uint8_t *blob, uint32_t size, char *why, size_t why_len)
{
    struct suptab t;
    int rc = suptab_validate(&t, blob, size, why, why_len);

    if ( rc )
        return rc;
    attached = t;
    support_tab = &attached;
    return 0;
}

int __init support_table_attach(const uint8_t *blob, uint32_t size, char *why,
                                size_t why_len)
{
    return attach(blob, size, why, why_len);
}

const struct xen_suptab_header *support_table_header(void)
{
    return support_tab ? &support_tab->h : NULL;
}

bool support_feature(unsigned int id)
{
    return support_tab && id < support_tab->h.nr_features;
}

int support_feature_name(unsigned int id, char *buf, size_t size)
{
    struct suptab_feature f;

    if ( !support_feature(id) )
        return -ENOENT;
    suptab_feature(support_tab, id, &f);
    return suptab_str_copy(support_tab, f.name, buf, size);
}

int support_feature_rows(unsigned int id, unsigned int *first, unsigned int *nr)
{
    struct suptab_feature f;

    if ( !support_feature(id) )
        return -ENOENT;
    suptab_feature(support_tab, id, &f);
    *first = f.first_row;
    *nr = f.nr_rows;
    return 0;
}

int support_row(unsigned int idx, struct suptab_row *r)
{
    if ( !support_tab || idx >= support_tab->h.nr_rows )
        return -ENOENT;
    suptab_row(support_tab, idx, r);
    return 0;
}

int support_str_expand(uint16_t ref, char *buf, size_t size)
{
    if ( !support_tab )
        return -ENOENT;
    return suptab_str_copy(support_tab, ref, buf, size);
}

/*
 * Attach the linked table once: support= and the early gates run before
 * the initcall.
 */
void support_attach_builtin(void)
{
    char why[128];

    if ( support_tab || builtin_tried )
        return;
    builtin_tried = true;
    if ( attach(xen_support_table, xen_support_table_size, why, sizeof(why)) )
        printk(XENLOG_ERR "support: built-in support table not used: %s\n",
               why);
}

static int __init cf_check support_table_init(void)
{
    const struct xen_suptab_header *h;
    char version[32] = "(unknown)";
    unsigned int i;

    support_attach_builtin();
    if ( !support_tab )
        return 0;

    h = &support_tab->h;
    for ( i = 0; i < h->nr_facts; i++ )
    {
        uint16_t key, value;

        suptab_fact(support_tab, i, &key, &value);
        if ( !suptab_str_cmp(support_tab, key, "Xen-Version") )
            suptab_str_copy(support_tab, value, version, sizeof(version));
    }
    if ( h->nr_features != XEN_SUPPORT_NR_FEATURES )
        printk(XENLOG_WARNING
               "support: table has %u features, build expected %u\n",
               h->nr_features, XEN_SUPPORT_NR_FEATURES);

    printk(XENLOG_INFO
           "support: statement for Xen %s: %u features, %u rows, %u bytes\n",
           version, h->nr_features, h->nr_rows, support_tab->size);
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
