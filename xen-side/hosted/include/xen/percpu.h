/* Hosted shim: per-CPU variables, for the one CPU the tests run on. */
#ifndef HOSTED_XEN_PERCPU_H
#define HOSTED_XEN_PERCPU_H

#define DEFINE_PER_CPU(type, name) type per_cpu__##name
#define this_cpu(name) per_cpu__##name

#endif
