/* Hosted shim: Xen's boot state, which the tests set. */
#ifndef HOSTED_XEN_KERNEL_H
#define HOSTED_XEN_KERNEL_H

extern enum system_state {
    SYS_STATE_early_boot,
    SYS_STATE_boot,
    SYS_STATE_smp_boot,
    SYS_STATE_active,
    SYS_STATE_suspend,
    SYS_STATE_resume
} system_state;

#endif
