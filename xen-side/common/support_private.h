/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_private.h: what the parts of the built-in support statement
 * share, and nothing outside them uses: the active table (support.c),
 * the boot policy chosen by support= (support_param.c), the gates and
 * the sticky record of gate events (support_policy.c), read by the
 * XEN_SYSCTL_support_table handler (support_sysctl.c) and hypfs
 * (support_hypfs.c), replaced by a boot module or XEN_SYSCTL_support_load
 * (support_load.c).
 */
#ifndef __COMMON_SUPPORT_PRIVATE_H__
#define __COMMON_SUPPORT_PRIVATE_H__

#include <xen/rcupdate.h>
#include <xen/spinlock.h>
#include <xen/suptab.h>
#include <xen/support.h>
#include <public/sysctl.h>

#if defined(CONFIG_X86)
#define SUPPORT_ARCH XEN_SUPTAB_ARCH_X86
#elif defined(CONFIG_ARM)
#define SUPPORT_ARCH XEN_SUPTAB_ARCH_ARM
#else
#define SUPPORT_ARCH XEN_SUPTAB_ARCH_ALL
#endif

/*
 * The active table: the built-in one, or one given as a boot module or
 * loaded by XEN_SYSCTL_support_load since (support_load.c), published
 * with rcu_assign_pointer().  A reader takes support_rcu_lock and
 * dereferences support_active once, so that everything it reads comes
 * from one table; a replaced table is freed after an RCU grace period.
 */
struct support_active {
    struct suptab t;
    /*
     * Built-in feature id (what a gate names) -> feature id in t, or
     * XEN_SUPPORT_FEATURE_NONE; NULL when t is the built-in table.
     */
    const uint16_t *gate_map;
    unsigned int source; /* XEN_SUPPORT_SOURCE_* */
    struct rcu_head rcu;
};

extern rcu_read_lock_t support_rcu_lock;
extern struct support_active *support_active;
/* Tables made active since boot (under support_events_lock). */
extern uint32_t support_table_generation;

/*
 * Feature id of table from, in table to: the same name, or another
 * heading of its stable key (xen/suptab_features.def); or -ENOENT.
 */
int support_same_feature(const struct suptab *from, unsigned int id,
                         const struct suptab *to);

/* The built-in table, or NULL if it did not validate. */
const struct suptab *support_builtin(void);

/* Expand built-in feature id's name into buf; as support_feature_name(). */
int support_builtin_name(unsigned int id, char *buf, size_t size);

/*
 * The active table's id for built-in feature id (a gate's), or
 * XEN_SUPPORT_FEATURE_NONE.
 */
unsigned int support_gate_feature(const struct support_active *a,
                                  unsigned int id);

/*
 * Attach the linked table once: support= and the early gates run before
 * the initcall.
 */
void support_attach_builtin(void);

/*
 * Check a table for this Xen: every rule of the format (the table core)
 * and a status row for this architecture.  0, -EOPNOTSUPP, -EBADMSG or
 * -ENOEXEC; why says what is wrong, in one line.
 */
int support_table_check(struct suptab *t, const uint8_t *blob, uint32_t size,
                        char *why, size_t why_len);

/*
 * Make a the active table: the record's events follow their features
 * into it, and the table it replaces is freed (xfree(), a grace period
 * later) unless it is the built-in one.  a is one allocation, built by
 * support_load.c.
 */
void support_activate(struct support_active *a);

/*
 * The record's events follow their features from table from into table
 * to (support_policy.c), under support_events_lock: the feature of the
 * same name or of an earlier heading of it (xen/suptab_features.def), the
 * row of the same qualifier; the reading as recorded.
 */
void support_events_follow(const struct suptab *from, const struct suptab *to);

/*
 * Features the gates let through since boot (within support then) that
 * are outside support in a, the table being made active: each is
 * recorded (warned, or as the policy records; never refused, it is
 * already enabled) with a line.  Under support_events_lock.
 */
void support_reassess(const struct support_active *a);

/* Boot policy: the support= option (support_param.c). */
extern uint8_t support_policy;
extern uint32_t support_policy_flags;
extern uint16_t support_nr_exempt;

/* Is built-in feature id exempted from the policy (support=...,exempt:)? */
bool support_exempted(unsigned int feature);

/*
 * Outside security support in t (support_policy.c): no row for this
 * architecture (row XEN_SUPPORT_ROW_NONE), Tech Preview, Experimental or
 * Deprecated, or (strict, the default) not security supported.
 */
bool support_outside(const struct suptab *t, unsigned int row);

/*
 * What the policy decides for built-in feature id outside support
 * (XEN_SUPPORT_DECISION_*): exempted, refused (only if refusable),
 * recorded (support=quiet) or warned.
 */
unsigned int support_decide(unsigned int id, bool refusable);

/*
 * Say on the console that feature (of t) is outside security support,
 * with its row and decision, after text (what asked for it).
 */
void support_report(const struct suptab *t, unsigned int feature,
                    unsigned int row, const char *text, unsigned int decision,
                    bool refusable);

/*
 * As support_record(), in table a (under RCU), but returns 1 for a new
 * event, 0 for a merged one, -ENOSPC when lost, and -EAGAIN if a is no
 * longer the active table: the caller reads the new one and asks again.
 */
int support_record_in(const struct support_active *a, unsigned int feature,
                      unsigned int row, unsigned int decision,
                      unsigned int origin, domid_t domid, const char *text);

/*
 * Domain domid is destroyed: what the gates let through for it is no
 * longer enabled (support_reassess() skips it).  Under support_events_lock.
 */
void support_forget_domain(domid_t domid);

/* The sticky record of gate events (support_policy.c), under its lock. */
extern spinlock_t support_events_lock;
extern struct xen_support_event support_events[XEN_SUPPORT_EVENTS_MAX];
extern unsigned int support_nr_events;
extern uint32_t support_events_generation;
extern uint32_t support_events_lost;

#endif /* __COMMON_SUPPORT_PRIVATE_H__ */

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
