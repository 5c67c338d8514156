/*
 * Hosted shim controls: what the tests set (faults, XSM answer, and in
 * xen/kernel.h and xen/sched.h the boot state and current domain) and
 * read (printk output, end-of-boot warnings, lock balance, copy count).
 */
#ifndef HOSTED_SHIM_H
#define HOSTED_SHIM_H

#include <stddef.h>
#include <stdint.h>

/* Fail copy number N (0 = the next one) with nothing copied; -1 never. */
extern int hosted_copy_fail_at;
/* Copies attempted since the last hosted_reset(). */
extern unsigned int hosted_copies;
/* Guest copies made while holding a lock (Xen must never: they may fault). */
extern unsigned int hosted_copies_locked;

/*
 * do_sysctl() for the support op: XSM (xsm_sysctl(), which the tests
 * answer with hosted_xsm_rc; it records the sub-op it saw), then
 * support_table_sysctl().
 */
struct xen_sysctl_support_table;
int hosted_do_sysctl(struct xen_sysctl_support_table *op);
struct xen_sysctl_support_load;
/* XEN_SYSCTL_support_load through the same XSM switch. */
int hosted_do_sysctl_load(struct xen_sysctl_support_load *op);
struct xen_sysctl_support_note;
/* XEN_SYSCTL_support_note through the same XSM switch. */
int hosted_do_sysctl_note(struct xen_sysctl_support_note *op);

/* What XSM answers, and the last sub-op it saw. */
extern int hosted_xsm_rc;
extern uint32_t hosted_xsm_last_cmd;
extern unsigned int hosted_xsm_calls;

/* Everything printk() printed since the last reset, NUL-terminated. */
extern char hosted_printk_buf[4096];

/* NOW() calls before SYS_STATE_smp_boot (Arm: before the timer is up). */
extern unsigned int hosted_now_early;

/* Spinlocks currently held (0 between hypercalls). */
extern int hosted_locks_held;

/* warning_add()'s arguments, in order (at most 20, as Xen). */
extern const char *hosted_warnings[20];
extern unsigned int hosted_nr_warnings;

/* The support= parser, as the custom_param shim exposes it. */
extern int (*const hosted_param_parse_support)(const char *);

/*
 * panic(): its message goes to hosted_printk_buf, then to a longjmp() to
 * *hosted_panic_jmp when a test set it (else the test aborts).
 */
#include <setjmp.h>
extern jmp_buf *hosted_panic_jmp;

void hosted_reset(void);
/* Empty hosted_printk_buf only (hypfs nodes and the rest stay). */
void hosted_printk_clear(void);

/* The initcalls, as the __initcall shim exposes them. */
extern int (*const hosted_initcall_support_table_init)(void);
extern int (*const hosted_initcall_support_hypfs_init)(void);

#endif
