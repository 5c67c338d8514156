/*
 * Hosted shim: guest handles are plain pointers and guest copies are
 * memcpy(), through hosted_copy_to_guest() so tests can inject faults.
 */
#ifndef HOSTED_XEN_GUEST_ACCESS_H
#define HOSTED_XEN_GUEST_ACCESS_H

#include <xen/types.h>

/* Returns the number of bytes NOT copied, as Xen's raw copies. */
size_t hosted_copy_to_guest(void *dst, const void *src, size_t len);
size_t hosted_copy_from_guest(void *dst, const void *src, size_t len);

#define guest_handle_is_null(hnd) ((hnd).p == NULL)

#define copy_to_guest_offset(hnd, off, ptr, nr)                                \
    ((void)((const void *)(hnd).p == (const void *)(ptr)),                     \
     hosted_copy_to_guest((hnd).p + (off), (ptr), sizeof(*(ptr)) * (nr)))
#define copy_to_guest(hnd, ptr, nr) copy_to_guest_offset(hnd, 0, ptr, nr)
#define copy_from_guest(ptr, hnd, nr)                                          \
    ((void)((const void *)(hnd).p == (const void *)(ptr)),                     \
     hosted_copy_from_guest((ptr), (hnd).p, sizeof(*(ptr)) * (nr)))

#endif
