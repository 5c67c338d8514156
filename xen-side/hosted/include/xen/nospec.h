/* Hosted shim: speculation barriers are no-ops on the test host. */
#ifndef HOSTED_XEN_NOSPEC_H
#define HOSTED_XEN_NOSPEC_H

#define array_index_nospec(index, size) (index)

#endif
