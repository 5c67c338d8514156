/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_note.c: the domains in the record.  XEN_SYSCTL_support_note
 * takes what the toolstack found in a domain's configuration (a feature
 * no gate of the hypervisor sees: a device model, a PV backend, nested
 * virtualisation asked for by xl, ...), decides on it as a gate would and
 * records it against the domain; support_domain_destroyed() marks a
 * destroyed domain's events gone.  docs/support-policy.md describes both.
 * The same file builds on Linux against xen-side/hosted/ for the unit
 * tests.
 */

#include <xen/ctype.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/rcupdate.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/string.h>
#include <xen/support.h>
#include <public/sysctl.h>

#include "support_private.h"

/*
 * Is row the row of feature for this architecture that the caller may
 * name: one of its rows for this architecture, or XEN_SUPPORT_ROW_NONE
 * when it has none?
 */
static bool row_of(const struct suptab *t, unsigned int feature,
                   unsigned int row)
{
    struct suptab_feature f;
    struct suptab_row r;
    unsigned int i;

    suptab_feature(t, feature, &f);
    if ( row != XEN_SUPPORT_ROW_NONE )
    {
        if ( row < f.first_row || row >= f.first_row + f.nr_rows )
            return false;
        suptab_row(t, row, &r);
        return XEN_SUPTAB_ARCH(r.reading) & SUPPORT_ARCH;
    }
    for ( i = f.first_row; i < f.first_row + f.nr_rows; i++ )
    {
        suptab_row(t, i, &r);
        if ( XEN_SUPTAB_ARCH(r.reading) & SUPPORT_ARCH )
            return false;
    }
    return true;
}

/* Printable ASCII, NUL-terminated, not empty: it goes to the console. */
static bool text_ok(const char *text, size_t size)
{
    size_t i;

    for ( i = 0; i < size && text[i]; i++ )
        if ( !isprint((unsigned char)text[i]) )
            return false;
    return i > 0 && i < size;
}

/* note_in(): the ids are another table's (-EAGAIN to the caller). */
#define STALE 1

/*
 * The note in table a (under RCU): the decision into op, STALE when the
 * ids are not a's, or -EAGAIN when a was replaced meanwhile (ask again).
 */
static int note_in(const struct support_active *a,
                   struct xen_sysctl_support_note *op)
{
    const struct suptab *t = &a->t;
    const struct suptab *b = support_builtin();
    unsigned int decision;
    int builtin = XEN_SUPPORT_FEATURE_NONE, fresh;
    char where[XEN_SUPPORT_ORIGIN_TEXT + 16];
    unsigned long flags;
    uint32_t generation;

    spin_lock_irqsave(&support_events_lock, flags);
    generation = support_table_generation;
    spin_unlock_irqrestore(&support_events_lock, flags);
    if ( op->table_generation != generation )
        return STALE;
    if ( op->feature >= t->h.nr_features || !row_of(t, op->feature, op->row) )
        return -EINVAL;

    if ( !support_outside(t, op->row) )
    {
        op->decision = 0;
        return 0;
    }

    /* Exemptions name built-in features. */
    if ( b )
        builtin = support_same_feature(t, op->feature, b);
    decision =
        support_decide(builtin >= 0 ? builtin : XEN_SUPPORT_FEATURE_NONE, true);
    if ( op->flags & XEN_SUPPORT_NOTE_CHECK )
    {
        op->decision = decision;
        return 0;
    }

    fresh = support_record_in(a, op->feature, op->row, decision,
                              XEN_SUPPORT_ORIGIN_DOMAIN, op->domid, op->text);
    if ( fresh == -EAGAIN )
        return fresh;
    if ( fresh != 0 && decision != XEN_SUPPORT_DECISION_RECORDED )
    {
        if ( op->domid == DOMID_INVALID )
            snprintf(where, sizeof(where), "new domain: %s", op->text);
        else
            snprintf(where, sizeof(where), "d%u: %s", op->domid, op->text);
        support_report(t, op->feature, op->row, where, decision, true);
    }
    op->decision = decision;
    return 0;
}

/*
 * Access control happened before: do_sysctl() ran xsm_sysctl() on the op
 * (the dummy policy: privileged domains only; FLASK: xen2:support_note)
 * before taking sysctl_lock.
 */
int support_note_sysctl(struct xen_sysctl_support_note *op)
{
    const struct support_active *a;
    struct domain *d = NULL;
    int rc;

    BUILD_BUG_ON(sizeof(*op) > 128); /* xen_sysctl's u.pad */

    if ( (op->flags & ~XEN_SUPPORT_NOTE_CHECK) || op->pad ||
         !text_ok(op->text, sizeof(op->text)) )
        return -EINVAL;

    /*
     * A reference keeps the domain from being destroyed until its event
     * is in the record: support_domain_destroyed() then marks it gone.
     */
    if ( op->domid != DOMID_INVALID )
    {
        d = get_domain_by_id(op->domid);
        if ( !d )
            return -ESRCH;
    }

    do
    {
        rcu_read_lock(&support_rcu_lock);
        a = rcu_dereference(support_active);
        rc = a ? note_in(a, op) : -EOPNOTSUPP;
        rcu_read_unlock(&support_rcu_lock);
    } while ( rc == -EAGAIN );
    if ( rc == STALE )
        rc = -EAGAIN;

    if ( d )
        put_domain(d);
    return rc;
}

void support_domain_destroyed(domid_t domid)
{
    unsigned long flags;
    unsigned int i;
    bool gone = false;

    spin_lock_irqsave(&support_events_lock, flags);
    for ( i = 0; i < support_nr_events; i++ )
    {
        struct xen_support_event *e = &support_events[i];

        if ( e->domid != domid || e->origin == XEN_SUPPORT_ORIGIN_BOOT ||
             (e->flags & XEN_SUPPORT_EVENT_GONE) )
            continue;
        e->flags |= XEN_SUPPORT_EVENT_GONE;
        gone = true;
    }
    if ( gone )
        support_events_generation++;
    support_forget_domain(domid);
    spin_unlock_irqrestore(&support_events_lock, flags);
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
