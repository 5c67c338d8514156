/* Hosted shim: the XSM hook is a switch the tests set. */
#ifndef HOSTED_XSM_XSM_H
#define HOSTED_XSM_XSM_H

#include <xen/types.h>

typedef enum { XSM_HOOK, XSM_DM_PRIV, XSM_TARGET, XSM_PRIV } xsm_default_t;

int hosted_xsm_support_table(xsm_default_t def, uint32_t cmd);
#define xsm_support_table(def, cmd) hosted_xsm_support_table(def, cmd)

#endif
