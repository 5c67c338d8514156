/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_sysctl.c: XEN_SYSCTL_support_table, the control domain's view
 * of the built-in support statement: the table's and the boot policy's
 * facts (get-info), the table's bytes (get-table) and the sticky record
 * of gate events (get-events).  The same file builds on Linux against
 * xen-side/hosted/ for the unit tests.
 */

#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/nospec.h>
#include <xen/rcupdate.h>
#include <xen/spinlock.h>
#include <xen/string.h>
#include <xen/support.h>
#include <public/sysctl.h>

#include "support_private.h"

static int get_info(const struct support_active *a,
                    struct xen_sysctl_support_info *info)
{
    const struct xen_suptab_header *h = &a->t.h;
    const struct suptab *b = support_builtin();
    struct xen_sysctl_support_info out;
    unsigned long flags;

    memset(&out, 0, sizeof(out));
    out.table_size = a->t.size;
    out.checksum = h->checksum;
    out.format_version = h->version;
    out.last_comp_version = h->last_comp_version;
    out.nr_features = h->nr_features;
    out.nr_rows = h->nr_rows;
    out.nr_sections = h->nr_sections;
    out.nr_facts = h->nr_facts;
    out.arch = SUPPORT_ARCH;
    out.policy = support_policy;
    out.nr_exempt = support_nr_exempt;
    out.policy_flags = support_policy_flags;
    out.max_events = ARRAY_SIZE(support_events);

    spin_lock_irqsave(&support_events_lock, flags);
    out.nr_events = support_nr_events;
    out.events_lost = support_events_lost;
    out.generation = support_events_generation;
    out.table_generation = support_table_generation;
    spin_unlock_irqrestore(&support_events_lock, flags);

    out.source = a->source;
    if ( b )
    {
        out.builtin_size = b->size;
        out.builtin_checksum = b->h.checksum;
    }

    *info = out;
    return 0;
}

static int get_table(const struct support_active *a,
                     struct xen_sysctl_support_get_table *t)
{
    uint32_t size = a->t.size, avail, n;

    if ( t->flags & ~XEN_SUPPORT_GET_WHOLE )
        return -EINVAL;
    if ( t->offset > size )
        return -EINVAL;

    avail = size - t->offset;
    if ( guest_handle_is_null(t->buffer) )
        n = avail;
    else if ( t->len < avail && (t->flags & XEN_SUPPORT_GET_WHOLE) )
    {
        t->size = size;
        t->len = avail;
        return -ENOBUFS;
    }
    else
    {
        const uint8_t *from = a->t.p + array_index_nospec(t->offset, size + 1);

        n = min(t->len, avail);
        /*
         * One copy, after every check: a fault leaves the OUT fields
         * unwritten, though bytes copied before it stay in the buffer.
         */
        if ( n && copy_to_guest(t->buffer, from, n) )
            return -EFAULT;
    }

    t->size = size;
    t->len = n;
    return 0;
}

/* Events copied per lock hold: 4 x 64 bytes of stack. */
#define EVENTS_CHUNK 4

static int get_events(struct xen_sysctl_support_get_events *ev)
{
    unsigned int total, generation, lost, n = 0;
    unsigned long flags;

    if ( ev->pad )
        return -EINVAL;

    spin_lock_irqsave(&support_events_lock, flags);
    total = support_nr_events;
    generation = support_events_generation;
    lost = support_events_lost;
    spin_unlock_irqrestore(&support_events_lock, flags);

    if ( ev->idx > total )
        return -EINVAL;

    if ( ev->nr && !guest_handle_is_null(ev->buffer) )
    {
        struct xen_support_event chunk[EVENTS_CHUNK];
        unsigned int done = 0, k;

        n = min(ev->nr, total - ev->idx);
        n = min(n, (unsigned int)XEN_SUPPORT_EVENTS_PER_CALL);
        /*
         * The lock is IRQ-safe (gates run in IRQ context), so it must not
         * be held across a guest copy, which may fault and take other
         * locks; and a gate may bump an entry's count at any time.  Each
         * chunk is copied under the lock into a bounce buffer, so no
         * count is read half-written, then to the guest without it.
         * Entries below total are never moved or removed.
         */
        while ( done < n )
        {
            k = min(n - done, (unsigned int)EVENTS_CHUNK);
            spin_lock_irqsave(&support_events_lock, flags);
            memcpy(chunk,
                   support_events +
                       array_index_nospec(ev->idx + done, total + 1),
                   k * sizeof(*chunk));
            spin_unlock_irqrestore(&support_events_lock, flags);
            if ( copy_to_guest_offset(ev->buffer, done, chunk, k) )
                return -EFAULT;
            done += k;
        }
    }

    ev->nr = n;
    ev->total = total;
    ev->generation = generation;
    ev->lost = lost;

    return 0;
}

/*
 * Access control happened before: do_sysctl() ran xsm_sysctl() on the op
 * (the dummy policy: privileged domains only; FLASK: xen2:support_table)
 * before taking sysctl_lock.  cmd and pad are validated here, after it.
 */
int support_table_sysctl(struct xen_sysctl_support_table *op)
{
    const struct support_active *a;
    int rc;

    BUILD_BUG_ON(sizeof(*op) > 128); /* xen_sysctl's u.pad */
    BUILD_BUG_ON(sizeof(struct xen_support_event) != 64);

    if ( op->pad )
        return -EINVAL;

    switch ( op->cmd )
    {
    case XEN_SYSCTL_SUPPORT_get_info:
    case XEN_SYSCTL_SUPPORT_get_table:
    case XEN_SYSCTL_SUPPORT_get_events:
        break;

    default:
        return -EINVAL;
    }

    /*
     * Under RCU: a table loaded meanwhile is not freed before this read
     * is done, and every field comes from the one table.
     */
    rcu_read_lock(&support_rcu_lock);
    a = rcu_dereference(support_active);
    if ( !a )
        rc = -EOPNOTSUPP;
    else if ( op->cmd == XEN_SYSCTL_SUPPORT_get_info )
        rc = get_info(a, &op->u.info);
    else if ( op->cmd == XEN_SYSCTL_SUPPORT_get_table )
        rc = get_table(a, &op->u.table);
    else
        rc = get_events(&op->u.events);
    rcu_read_unlock(&support_rcu_lock);

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
