/*
 * sysctl-raw.h: XEN_SYSCTL_support_table issued from dom0 without
 * libxenctrl's bouncing (tests/xen/boot/): the struct xen_sysctl sits in
 * one hypercall-safe buffer (libxencall), and every guest handle in it is
 * passed to Xen exactly as the caller set it, so Xen sees NULL, wild and
 * half-unmapped addresses.  Also the same op the way a tool issues it
 * (libxenctrl's xc_sysctl), and the reference table file.
 */
#ifndef SYSCTL_RAW_H
#define SYSCTL_RAW_H

#define __XEN_TOOLS__ 1

#include <stddef.h>
#include <stdint.h>

#include <xencall.h>
#include <xenctrl.h>

#include "sysctl_support_abi.h"

struct raw {
    xencall_handle *xcall;
    struct xen_sysctl *sc; /* hypercall buffer */
};

/* Open libxencall and the sysctl buffer: 0, or -1 with a message. */
int raw_open(struct raw *r);
void raw_close(struct raw *r);

/*
 * Issue *st as a XEN_SYSCTL_support_table and copy the op back into *st.
 * Returns 0 or -errno; *changed tells whether any byte of the whole
 * struct xen_sysctl differs after the call (Xen wrote it back).
 */
int raw_op(struct raw *r, struct xen_sysctl_support_table *st, int *changed);

/*
 * Issue *st through libxenctrl's xc_sysctl (which bounces the struct, as
 * tools do) and copy the op back into *st: 0 or -errno.
 */
int xc_support_op(xc_interface *xch, struct xen_sysctl_support_table *st);

/* The sysctl hypercall with ARG as its struct pointer: 0 or -errno. */
int raw_call(struct raw *r, uint64_t arg);

/* A hypercall-safe buffer of SIZE bytes filled with BYTE, or NULL. */
uint8_t *raw_buffer(struct raw *r, size_t size, uint8_t byte);
void raw_buffer_free(struct raw *r, uint8_t *buf);

/* The whole file PATH (malloc'ed, *size set), or NULL with a message. */
uint8_t *raw_read_file(const char *path, size_t *size);

/* "EFAULT" for -EFAULT, "0" for 0, else the number. */
const char *raw_errname(int rc);

#endif
