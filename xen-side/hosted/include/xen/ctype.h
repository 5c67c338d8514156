/* Hosted shim: xen/ctype.h is the C library's. */
#ifndef HOSTED_XEN_CTYPE_H
#define HOSTED_XEN_CTYPE_H

#include <ctype.h>

#endif
