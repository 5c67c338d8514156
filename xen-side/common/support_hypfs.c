/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_hypfs.c: the support statement in hypfs, the read path whose
 * ABI does not move with XEN_SYSCTL_INTERFACE_VERSION (any dom0 tool
 * built against libxenhypfs reads it; XSM checks hypfs as a whole):
 *
 *   /support/table   the active table (blob, public/support_table.h):
 *                    the built-in one, or the one a boot module or
 *                    XEN_SYSCTL_support_load made active
 *   /support/policy  the boot policy (string): "warn", "refuse" or
 *                    "quiet", then "strict" or "no-strict", then one
 *                    "exempt:<feature>" per exemption, a line each
 *   /support/record  the record's counts (string, fixed width):
 *                    "events N lost N max N generation N"
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypfs.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/rcupdate.h>
#include <xen/spinlock.h>
#include <xen/support.h>
#include <xen/xmalloc.h>

#include "support_private.h"

/* Each count fills 10 columns (UINT32_MAX has 10 digits): a fixed size. */
#define RECORD_FMT "events %10u lost %10u max %10u generation %10u\n"
#define RECORD_SIZE                                                            \
    sizeof("events  lost  max  generation \n"                                  \
           "0123456789012345678901234567890123456789")

static int cf_check record_read(const struct hypfs_entry *entry,
                                XEN_GUEST_HANDLE_PARAM(void) uaddr)
{
    char buf[RECORD_SIZE] = "";
    unsigned int nr, lost, gen;
    unsigned long flags;

    spin_lock_irqsave(&support_events_lock, flags);
    nr = support_nr_events;
    lost = support_events_lost;
    gen = support_events_generation;
    spin_unlock_irqrestore(&support_events_lock, flags);

    /* Every field is 10 wide: the text fills buf, entry->size bytes. */
    snprintf(buf, sizeof(buf), RECORD_FMT, nr, lost,
             (unsigned int)ARRAY_SIZE(support_events), gen);

    return copy_to_guest(uaddr, buf, entry->size) ? -EFAULT : 0;
}

static const struct hypfs_funcs record_funcs = {
    .enter = hypfs_node_enter,
    .exit = hypfs_node_exit,
    .read = record_read,
    .write = hypfs_write_deny,
    .getsize = hypfs_getsize,
    .findentry = hypfs_leaf_findentry,
};

/*
 * The table a read of /support/table copies: the active one when the node
 * was entered, kept under RCU until it is left, so that its size and its
 * bytes come from the same table even if another is loaded meanwhile.
 */
static DEFINE_PER_CPU(const struct support_active *, entered_table);

static const struct hypfs_entry *cf_check
table_enter(const struct hypfs_entry *entry)
{
    rcu_read_lock(&support_rcu_lock);
    this_cpu(entered_table) = rcu_dereference(support_active);
    return hypfs_node_enter(entry);
}

static void cf_check table_exit(const struct hypfs_entry *entry)
{
    hypfs_node_exit(entry);
    this_cpu(entered_table) = NULL;
    rcu_read_unlock(&support_rcu_lock);
}

/* A directory listing asks without entering the node. */
static unsigned int cf_check table_getsize(const struct hypfs_entry *entry)
{
    const struct support_active *a = this_cpu(entered_table);
    unsigned int size;

    if ( a )
        return a->t.size;
    rcu_read_lock(&support_rcu_lock);
    a = rcu_dereference(support_active);
    size = a ? a->t.size : 0;
    rcu_read_unlock(&support_rcu_lock);
    return size;
}

static int cf_check table_read(const struct hypfs_entry *entry,
                               XEN_GUEST_HANDLE_PARAM(void) uaddr)
{
    const struct support_active *a = this_cpu(entered_table);

    if ( !a )
        return -ENOENT;
    return copy_to_guest(uaddr, a->t.p, a->t.size) ? -EFAULT : 0;
}

static const struct hypfs_funcs table_funcs = {
    .enter = table_enter,
    .exit = table_exit,
    .read = table_read,
    .write = hypfs_write_deny,
    .getsize = table_getsize,
    .findentry = hypfs_leaf_findentry,
};

static HYPFS_DIR_INIT(support_dir, "support");
static HYPFS_VARSIZE_INIT(table, XEN_HYPFS_TYPE_BLOB, "table", 0, &table_funcs);
static HYPFS_STRING_INIT(policy, "policy");
static HYPFS_VARSIZE_INIT(record, XEN_HYPFS_TYPE_STRING, "record", 0,
                          &record_funcs);

static const char *__init policy_word(void)
{
    switch ( support_policy )
    {
    case XEN_SUPPORT_POLICY_REFUSE:
        return "refuse";
    case XEN_SUPPORT_POLICY_QUIET:
        return "quiet";
    default:
        return "warn";
    }
}

/* The policy text: the words of support=, a line each. */
static char *__init policy_text(void)
{
    size_t size = 32 + support_nr_exempt * 80, len;
    unsigned int id;
    char *text = xmalloc_bytes(size);

    if ( !text )
        return NULL;
    len = snprintf(text, size, "%s\n%s\n", policy_word(),
                   support_policy_flags & XEN_SUPPORT_PF_NOT_SECURITY
                       ? "strict"
                       : "no-strict");
    for ( id = 0; len < size; id++ )
    {
        char name[72];

        /* Exemptions are kept by built-in id, as the gates name them. */
        if ( support_builtin_name(id, name, sizeof(name)) < 0 )
            break;
        if ( support_exempted(id) )
            len += snprintf(text + len, size - len, "exempt:%s\n", name);
    }

    return text;
}

static int __init cf_check support_hypfs_init(void)
{
    char *text;

    support_attach_builtin();
    if ( !support_active )
        return 0;

    hypfs_add_dir(&hypfs_root, &support_dir, true);

    /* hypfs wants content; table_read() copies the entered table. */
    table.u.content = support_active->t.p;
    table.e.size = support_active->t.size;
    hypfs_add_leaf(&support_dir, &table, true);

    text = policy_text();
    if ( text )
    {
        hypfs_string_set_reference(&policy, text);
        hypfs_add_leaf(&support_dir, &policy, true);
    }

    /* hypfs wants content; record_read() makes it afresh on each read. */
    record.u.content = RECORD_FMT;
    record.e.size = RECORD_SIZE;
    hypfs_add_leaf(&support_dir, &record, true);

    return 0;
}
__initcall(support_hypfs_init);

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
