/*
 * Hosted shim: XSM.  The support op has no hook of its own (xsm_sysctl()
 * checks it in do_sysctl()); hosted_do_sysctl() (hosted/shim.h) plays
 * that part with a switch the tests set.
 */
#ifndef HOSTED_XSM_XSM_H
#define HOSTED_XSM_XSM_H

#include <xen/types.h>

typedef enum { XSM_HOOK, XSM_DM_PRIV, XSM_TARGET, XSM_PRIV } xsm_default_t;

#endif
