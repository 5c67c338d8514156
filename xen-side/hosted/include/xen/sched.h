/* Hosted shim: the current vCPU and its domain, which the tests set. */
#ifndef HOSTED_XEN_SCHED_H
#define HOSTED_XEN_SCHED_H

#include <xen/types.h>

struct domain {
    domid_t domain_id;
};
struct vcpu {
    struct domain *domain;
};

extern struct vcpu *hosted_current;
#define current hosted_current

#endif
