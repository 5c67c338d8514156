/*
 * Hosted shim: the public sysctl ABI of XEN_SYSCTL_support_table.  The
 * definitions themselves are extracted at build time from
 * xen-side/series/0001-public-sysctl/ (the one source), into the
 * generated sysctl_support_abi.h.
 */
#ifndef HOSTED_PUBLIC_SYSCTL_H
#define HOSTED_PUBLIC_SYSCTL_H

#include <xen/types.h>

#define __DEFINE_XEN_GUEST_HANDLE(name, type)                                  \
    typedef struct {                                                           \
        type *p;                                                               \
    } __attribute__((aligned(8))) __guest_handle_64_##name
#define DEFINE_XEN_GUEST_HANDLE(name) __DEFINE_XEN_GUEST_HANDLE(name, name)
#define XEN_GUEST_HANDLE_64(name) __guest_handle_64_##name

typedef uint64_t uint64_aligned_t __attribute__((aligned(8)));

#define DOMID_XEN 0x7ff2U
#include <public/xen.h> /* DOMID_INVALID */

__DEFINE_XEN_GUEST_HANDLE(uint8, uint8_t);

#include "sysctl_support_abi.h"

#endif
