/* Hosted shim: Xen's system time (a counter the tests can read). */
#ifndef HOSTED_XEN_TIME_H
#define HOSTED_XEN_TIME_H

#include <xen/types.h>

s_time_t hosted_now(void);
#define NOW() hosted_now()

#endif
