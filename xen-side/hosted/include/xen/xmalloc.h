/* Hosted shim: Xen's allocator is malloc(). */
#ifndef HOSTED_XEN_XMALLOC_H
#define HOSTED_XEN_XMALLOC_H

#include <stdlib.h>

#define xmalloc_bytes(n) malloc(n)
#define xfree(p) free(p)

#endif
