/* Hosted shim: the scheduler ids of Xen's public/domctl.h. */
#ifndef HOSTED_PUBLIC_DOMCTL_H
#define HOSTED_PUBLIC_DOMCTL_H

#define XEN_SCHEDULER_CREDIT 5
#define XEN_SCHEDULER_CREDIT2 6
#define XEN_SCHEDULER_ARINC653 7
#define XEN_SCHEDULER_RTDS 8
#define XEN_SCHEDULER_NULL 9

#endif
