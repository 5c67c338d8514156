/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support.c: the feature support statement built into Xen: the table.
 *
 * Owns the active table: at first the one that xen-support-gen compiled
 * from SUPPORT.md and the build linked in read-only (xen_support_table),
 * checked with the table core's validator (xen/suptab.h, every rule of
 * the format) when it is attached; later perhaps one given as a boot
 * module or loaded at run time (support_load.c), which support_activate()
 * swaps in under RCU.  Answers lookups in the active table by id.  The
 * boot policy is in support_policy.c, the XEN_SYSCTL_support_table
 * handler in support_sysctl.c.  The same file builds on Linux against
 * xen-side/hosted/ for the unit tests.
 */

#include <xen/cache.h>
#include <xen/errno.h>
#include <xen/init.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/rcupdate.h>
#include <xen/string.h>
#include <xen/support.h>
#include <xen/xmalloc.h>

#include "support_private.h"

DEFINE_RCU_READ_LOCK(support_rcu_lock);
struct support_active *support_active;
uint32_t support_table_generation;

/* The built-in table once attached (see support_attach_builtin()). */
static struct support_active __read_mostly builtin = {
    .source = XEN_SUPPORT_SOURCE_BUILTIN,
};
static bool __read_mostly builtin_ok;
static bool __read_mostly builtin_tried;

const struct suptab *support_builtin(void)
{
    return builtin_ok ? &builtin.t : NULL;
}

unsigned int support_gate_feature(const struct support_active *a,
                                  unsigned int id)
{
    if ( !a->gate_map )
        return id < a->t.h.nr_features ? id : XEN_SUPPORT_FEATURE_NONE;
    return builtin_ok && id < builtin.t.h.nr_features
               ? a->gate_map[id]
               : XEN_SUPPORT_FEATURE_NONE;
}

static void cf_check free_active(struct rcu_head *head)
{
    xfree(container_of(head, struct support_active, rcu));
}

void support_activate(struct support_active *a)
{
    struct support_active *old;
    unsigned long flags;

    /*
     * Under the record's lock: a gate records only while the table it
     * read is still the active one (support_policy.c), so no event is
     * added against the old table after the record follows the new one.
     */
    spin_lock_irqsave(&support_events_lock, flags);
    old = support_active;
    if ( old )
        support_events_follow(&old->t, &a->t);
    support_reassess(a);
    rcu_assign_pointer(support_active, a);
    support_table_generation++;
    spin_unlock_irqrestore(&support_events_lock, flags);

    if ( old && old != &builtin )
        call_rcu(&old->rcu, free_active);
}

int support_table_check(struct suptab *t, const uint8_t *blob, uint32_t size,
                        char *why, size_t why_len)
{
    int rc = suptab_validate(t, blob, size, why, why_len);
    unsigned int i;

    if ( rc )
        return rc;
    for ( i = 0; i < t->h.nr_rows; i++ )
    {
        struct suptab_row r;

        suptab_row(t, i, &r);
        if ( XEN_SUPTAB_ARCH(r.reading) & SUPPORT_ARCH )
            return 0;
    }
    snprintf(why, why_len, "no status row applies to this architecture");
    return -ENOEXEC;
}

/* The active table, under RCU: lookups each take it on their own. */
static const struct support_active *active_get(void)
{
    rcu_read_lock(&support_rcu_lock);
    return rcu_dereference(support_active);
}

static void active_put(void)
{
    rcu_read_unlock(&support_rcu_lock);
}

const struct xen_suptab_header *support_table_header(void)
{
    const struct support_active *a = active_get();
    const struct xen_suptab_header *h = a ? &a->t.h : NULL;

    active_put();
    return h;
}

bool support_feature(unsigned int id)
{
    const struct support_active *a = active_get();
    bool ok = a && id < a->t.h.nr_features;

    active_put();
    return ok;
}

static int feature_name(const struct suptab *t, unsigned int id, char *buf,
                        size_t size)
{
    struct suptab_feature f;

    if ( id >= t->h.nr_features )
        return -ENOENT;
    suptab_feature(t, id, &f);
    return suptab_str_copy(t, f.name, buf, size);
}

int support_feature_name(unsigned int id, char *buf, size_t size)
{
    const struct support_active *a = active_get();
    int rc = a ? feature_name(&a->t, id, buf, size) : -ENOENT;

    active_put();
    return rc;
}

int support_builtin_name(unsigned int id, char *buf, size_t size)
{
    return builtin_ok ? feature_name(&builtin.t, id, buf, size) : -ENOENT;
}

int support_feature_rows(unsigned int id, unsigned int *first, unsigned int *nr)
{
    const struct support_active *a = active_get();
    struct suptab_feature f;
    int rc = -ENOENT;

    if ( a && id < a->t.h.nr_features )
    {
        suptab_feature(&a->t, id, &f);
        *first = f.first_row;
        *nr = f.nr_rows;
        rc = 0;
    }
    active_put();
    return rc;
}

int support_row(unsigned int idx, struct suptab_row *r)
{
    const struct support_active *a = active_get();
    int rc = -ENOENT;

    if ( a && idx < a->t.h.nr_rows )
    {
        suptab_row(&a->t, idx, r);
        rc = 0;
    }
    active_put();
    return rc;
}

/*
 * Attach the linked table once: support= and the early gates run before
 * the initcall.  Boot time only: nothing runs concurrently yet.
 */
void support_attach_builtin(void)
{
    char why[128];

    if ( support_active || builtin_tried )
        return;
    builtin_tried = true;
    if ( support_table_check(&builtin.t, xen_support_table,
                             xen_support_table_size, why, sizeof(why)) )
    {
        printk(XENLOG_ERR "support: built-in support table not used: %s\n",
               why);
        return;
    }
    builtin_ok = true;
    support_activate(&builtin);
}

static int __init cf_check support_table_init(void)
{
    const struct xen_suptab_header *h;
    const struct suptab *t;
    char version[32] = "(unknown)";
    unsigned int i;

    support_attach_builtin();
    if ( !support_active )
        return 0;

    /* Boot time: the table cannot change under us. */
    t = &support_active->t;
    h = &t->h;
    for ( i = 0; i < h->nr_facts; i++ )
    {
        uint16_t key, value;

        suptab_fact(t, i, &key, &value);
        if ( !suptab_str_cmp(t, key, "Xen-Version") )
            suptab_str_copy(t, value, version, sizeof(version));
    }
    if ( builtin_ok && builtin.t.h.nr_features != XEN_SUPPORT_NR_FEATURES )
        printk(XENLOG_WARNING
               "support: table has %u features, build expected %u\n",
               builtin.t.h.nr_features, XEN_SUPPORT_NR_FEATURES);

    printk(XENLOG_INFO
           "support: statement for Xen %s: %u features, %u rows, %u bytes%s\n",
           version, h->nr_features, h->nr_rows, t->size,
           support_active->source == XEN_SUPPORT_SOURCE_MODULE
               ? " (boot module)"
               : "");
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
