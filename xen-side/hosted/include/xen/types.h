/* Hosted shim (unit tests on Linux): Xen's basic types. */
#ifndef HOSTED_XEN_TYPES_H
#define HOSTED_XEN_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint16_t domid_t;
typedef int64_t s_time_t;

#endif
