/* Hosted shim: Xen's errno values (the same numbers as Linux's). */
#ifndef HOSTED_XEN_ERRNO_H
#define HOSTED_XEN_ERRNO_H

#include <errno.h>

#endif
