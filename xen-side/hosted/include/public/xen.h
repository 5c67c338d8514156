/* Hosted shim: public/xen.h (domid_t is in the shim's xen/types.h). */
#ifndef HOSTED_PUBLIC_XEN_H
#define HOSTED_PUBLIC_XEN_H

#include <xen/types.h>

#define DOMID_INVALID 0x7ff4U

#endif
