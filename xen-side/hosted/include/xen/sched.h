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

/*
 * The domains that exist: bit n of hosted_domains for domain n (n < 64,
 * set by the tests); references taken and not yet put back.
 */
extern uint64_t hosted_domains;
extern int hosted_domain_refs;
struct domain *get_domain_by_id(domid_t id);
void put_domain(struct domain *d);

#endif
