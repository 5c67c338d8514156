/*
 * Hosted shim: init annotations.  An initcall becomes a pointer the tests
 * call (hosted_initcall_<fn>).
 */
#ifndef HOSTED_XEN_INIT_H
#define HOSTED_XEN_INIT_H

#define __init
#define cf_check
#define __ro_after_init
#define __initdata
#define __initcall(fn) int (*const hosted_initcall_##fn)(void) = fn

#endif
