/*
 * Hosted shim: a command line option's parser becomes a pointer the
 * tests call (hosted_param_<fn>).
 */
#ifndef HOSTED_XEN_PARAM_H
#define HOSTED_XEN_PARAM_H

#define custom_param(name, fn) int (*const hosted_param_##fn)(const char *) = fn

#endif
