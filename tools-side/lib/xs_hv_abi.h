/*
 * xs_hv_abi.h: the XEN_SYSCTL_support_table ABI as dom0 tools see it:
 * Debian's installed <xen/sysctl.h> (libxen-dev, interface 0x15), then the
 * block of xen-side/series/0001-public-sysctl/sysctl-abi.diff, extracted
 * at build time by scripts/xen-hosted-abi.sh (never copied by
 * hand).  The op travels in struct xen_sysctl's u.pad.  Needs GNU C.
 */
#ifndef XS_HV_ABI_H
#define XS_HV_ABI_H

#ifndef __XEN_TOOLS__
#define __XEN_TOOLS__ 1
#endif

#include <stdint.h>

#include <xen/xen.h>
#include <xen/sysctl.h>

#include "xs_sysctl_abi.h" /* generated into $(O)/include */

_Static_assert(sizeof(struct xen_sysctl_support_table) <=
                   sizeof(((struct xen_sysctl *)0)->u.pad),
               "the op must fit struct xen_sysctl's union");
_Static_assert(sizeof(struct xen_sysctl_support_load) <=
                   sizeof(((struct xen_sysctl *)0)->u.pad),
               "the load op must fit struct xen_sysctl's union");
_Static_assert(sizeof(struct xen_sysctl_support_note) <=
                   sizeof(((struct xen_sysctl *)0)->u.pad),
               "the note op must fit struct xen_sysctl's union");
_Static_assert(XEN_SYSCTL_INTERFACE_VERSION == 0x15,
               "the op is defined for sysctl interface 0x15");

#endif
