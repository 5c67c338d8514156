/*
 * tt_hosted.h: a transport for libxensupport's hypervisor source that
 * calls the hypervisor's own XEN_SYSCTL_support_table handler
 * (xen-side/common/support_sysctl.c, compiled hosted) in process, emulates
 * do_sysctl()'s interface version check, counts calls and injects faults;
 * its hypfs reads go to the hypfs view (support_hypfs.c) in the hosted
 * hypfs shim, whose nodes exist once its initcall has run.
 */
#ifndef TT_HOSTED_H
#define TT_HOSTED_H

#include <stddef.h>
#include <stdint.h>

struct tt_hv {
    unsigned opens, closes, calls; /* since tt_hv_install(); opens:
                                      the successful ones */
    int open_errno;                /* open fails with it (0: opens) */
    uint32_t interface_version;    /* the tools' (do_sysctl: EACCES) */
    int fail_call, fail_rc;        /* call fail_call answers fail_rc */
    int lie_call;                  /* call whose answer is changed: */
    uint32_t lie_len_less;         /* len reported smaller by this */
    uint32_t lie_size;             /* size reported as this (if set) */
    long corrupt_at;               /* table byte flipped in transit */
    void (*after)(unsigned call);  /* run after each call */
    unsigned hypfs_reads;          /* hypfs nodes read */
    const char *hypfs_path;        /* this node reads as hypfs_text */
    const char *hypfs_text;        /* (with its NUL), if both are set */
};
extern struct tt_hv tt_hv;

/* Reset the shim and tt_hv; make the library use this transport. */
void tt_hv_install(void);
/* Back to the real (libxenctrl) transport. */
void tt_hv_uninstall(void);

#endif
