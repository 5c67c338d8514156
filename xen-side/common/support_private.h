/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_private.h: what the parts of the built-in support statement
 * share, and nothing outside them uses: the attached table (support.c),
 * the boot policy chosen by support= (support_param.c), the gates and
 * the sticky record of gate events (support_policy.c), read by the
 * XEN_SYSCTL_support_table handler (support_sysctl.c).
 */
#ifndef __COMMON_SUPPORT_PRIVATE_H__
#define __COMMON_SUPPORT_PRIVATE_H__

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

/* The attached table, NULL if none (support.c: support_table_attach()). */
extern const struct suptab *support_tab;

/*
 * Expand string ref of the attached table into buf (NUL-terminated,
 * truncated); the full length, or -ENOENT without a table.
 */
int support_str_expand(uint16_t ref, char *buf, size_t size);

/*
 * Attach the linked table once: support= and the early gates run before
 * the initcall.
 */
void support_attach_builtin(void);

/* Boot policy: the support= option (support_param.c). */
extern uint8_t support_policy;
extern uint32_t support_policy_flags;
extern uint16_t support_nr_exempt;

/* Is feature exempted from the policy (support=...,exempt:NAME)? */
bool support_exempted(unsigned int feature);

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
